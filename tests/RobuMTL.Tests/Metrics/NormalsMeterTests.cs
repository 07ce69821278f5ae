using RobuMTL.Core;
using RobuMTL.Metrics;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Metrics;

public sealed class NormalsMeterTests
{
    public NormalsMeterTests() => TorchRuntime.Initialize(threads: 2);

    [Fact]
    public void AngularErrorsMatchAHandCount()
    {
        using var scope = NewDisposeScope();
        var meter = new NormalsMeter();
        // Angles 0, 20, 60, 90 degrees on four valid pixels; a zero target and a 255 target are skipped.
        // mean 42.5; median (20 + 60) / 2 = 40; RMSE sqrt((0 + 400 + 3600 + 8100) / 4) = 55;
        // within 11.25: 1/4, within 22.5: 2/4, within 30: 2/4.
        var c20 = MathF.Cos(MathF.PI / 9);
        var s20 = MathF.Sin(MathF.PI / 9);
        float[][] predictions =
        [
            [0, 0, 2], [3 * c20, 3 * s20, 0], [0, 0.5f * MathF.Sqrt(3) / 2, 0.25f], [1, 0, 0], [1, 1, 1], [0, 1, 0],
        ];
        float[][] targets = [[0, 0, 1], [1, 0, 0], [0, 0, 1], [0, 2, 0], [0, 0, 0], [255, 255, 255]];
        meter.Update(Pixels(predictions[..3]), Pixels(targets[..3]));
        meter.Update(Pixels(predictions[3..]), Pixels(targets[3..]));

        var metrics = meter.Compute();

        Assert.Equal(42.5, metrics[MetricNames.MeanAngle], 3);
        Assert.Equal(40.0, metrics[MetricNames.MedianAngle], 1);
        Assert.InRange(metrics[MetricNames.MedianAngle], 40 - NormalsMeter.MedianBinDegrees, 40.01);
        Assert.Equal(55.0, metrics[MetricNames.RmseAngle], 3);
        Assert.Equal(25.0, metrics[MetricNames.Within11], 9);
        Assert.Equal(50.0, metrics[MetricNames.Within22], 9);
        Assert.Equal(50.0, metrics[MetricNames.Within30], 9);
        Assert.Equal(4, metrics.Count);
        Assert.True(metrics.LowerIsBetter);
    }

    [Fact]
    public void OddCountMedianIsTheMiddleAngle()
    {
        using var scope = NewDisposeScope();
        var meter = new NormalsMeter();
        // Angles 0, 90, 90 -> median 90.
        meter.Update(Pixels([[0, 0, 1], [1, 0, 0], [0, 1, 0]]), Pixels([[0, 0, 1], [0, 0, 1], [0, 0, 1]]));

        Assert.InRange(meter.Compute()[MetricNames.MedianAngle], 90, 90 + NormalsMeter.MedianBinDegrees);
    }

    private static Tensor Pixels(float[][] vectors) =>
        tensor(vectors.SelectMany(v => v).ToArray()).view(1, vectors.Length, 3).permute(2, 0, 1)
            .unsqueeze(0);                                                   // (1, 3, 1, N)
}
