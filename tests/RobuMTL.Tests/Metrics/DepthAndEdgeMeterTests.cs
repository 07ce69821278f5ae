using RobuMTL.Core;
using RobuMTL.Metrics;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Metrics;

public sealed class DepthAndEdgeMeterTests
{
    public DepthAndEdgeMeterTests() => TorchRuntime.Initialize(threads: 2);

    [Fact]
    public void DepthRmseIsPooledOverValidPixelsOfAllBatches()
    {
        using var scope = NewDisposeScope();
        var meter = new DepthMeter();
        // Errors on valid pixels: 1 - 1.5 = -0.5, 3 - 2 = 1, 4 - 6 = -2 (the 0 target is missing depth).
        // RMSE = sqrt((0.25 + 1 + 4) / 3) = sqrt(1.75); MAE = 3.5 / 3.
        meter.Update(Column(1, 2), Column(1.5f, 0));
        meter.Update(Column(3, 4), Column(2, 6));

        var metrics = meter.Compute();

        Assert.Equal(Math.Sqrt(1.75), metrics.Primary, 6);
        Assert.Equal(3.5 / 3, metrics[MetricNames.MeanAbsoluteError], 6);
        Assert.Equal(3, metrics.Count);
        Assert.True(metrics.LowerIsBetter);
    }

    [Fact]
    public void EdgeFScoreAtTheFixedThreshold()
    {
        using var scope = NewDisposeScope();
        var meter = new EdgeMeter();
        // Predicted edges (sigmoid > 0.5): 1 0 1 0 [1] 1 against targets 1 1 0 0 255 1.
        // TP 2 (pixels 0, 5), FP 1 (pixel 2), FN 1 (pixel 1): P = R = F = 2/3.
        meter.Update(Column(3, -3, 3, -3, 3, 3), Column(1, 1, 0, 0, 255, 1));

        var metrics = meter.Compute();

        Assert.Equal(200.0 / 3, metrics[MetricNames.EdgeF], 9);
        Assert.Equal(200.0 / 3, metrics[MetricNames.Precision], 9);
        Assert.Equal(200.0 / 3, metrics[MetricNames.Recall], 9);
    }

    [Fact]
    public void ShapeMismatchIsNamed()
    {
        using var scope = NewDisposeScope();

        var error = Assert.Throws<ArgumentException>(
            () => new DepthMeter().Update(zeros(1, 1, 2, 2), zeros(1, 1, 4, 4)));
        Assert.Contains("Depth", error.Message);
    }

    private static Tensor Column(params float[] values) => tensor(values).view(1, 1, values.Length, 1);
}
