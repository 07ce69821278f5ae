using RobuMTL.Core;
using RobuMTL.Metrics;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Metrics;

public sealed class SaliencyMeterTests
{
    public SaliencyMeterTests() => TorchRuntime.Initialize(threads: 2);

    [Fact]
    public void ThresholdsRunFromPointTwoToPointNineInFifteenSteps()
    {
        var thresholds = new SaliencyMeter().Thresholds;

        Assert.Equal(15, thresholds.Count);
        Assert.Equal(0.2, thresholds[0], 12);
        Assert.Equal(0.25, thresholds[1], 12);
        Assert.Equal(0.9, thresholds[^1], 12);
    }

    [Fact]
    public void BestMeanIoUAndMaxFOverThresholdsMatchAHandCount()
    {
        using var scope = NewDisposeScope();
        var meter = new SaliencyMeter();
        // Image 1: p = (.93 .62 .42 .97), target (1 1 0 255); image 2: p = (.68 .52 .33 .12), target all 0.
        // Per threshold t (IoU, precision, recall) of image 1 / image 2, then means:
        //   t <= .40:         {0,1,2}: (2/3, 2/3, 1) / {0,1,2} or {0,1}: (0, 0, 0) -> IoU 1/3, P 1/3, R 1/2, F .4
        //   .45 <= t <= .60:  {0,1}:   (1, 1, 1)     / {0,1} or {0}:     (0, 0, 0) -> IoU 1/2, P 1/2, R 1/2, F .5
        //   t = .65:          {0}:     (1/2, 1, 1/2) / {0}:              (0, 0, 0) -> IoU 1/4, F 1/3
        //   t >= .70:         {0}:     (1/2, 1, 1/2) / {} (both empty): (1, 0, 0) -> IoU 3/4, F 1/3
        // mIoU = max 3/4 = 75%, maxF = max .5 = 50%. The 255 pixel (p = .97) would be a false positive.
        meter.Update(Logits(0.93, 0.62, 0.42, 0.97), Targets(1, 1, 0, 255));
        meter.Update(Logits(0.68, 0.52, 0.33, 0.12), Targets(0, 0, 0, 0));

        var metrics = meter.Compute();

        Assert.Equal(75.0, metrics[MetricNames.MeanIoU], 6);
        Assert.Equal(50.0, metrics[MetricNames.MaxF], 6);
        Assert.Equal(2, metrics.Count);
    }

    [Fact]
    public void ResetForgetsTheImages()
    {
        using var scope = NewDisposeScope();
        var meter = new SaliencyMeter();
        meter.Update(Logits(0.93, 0.62, 0.42, 0.97), Targets(1, 1, 0, 255));

        meter.Reset();
        meter.Update(Logits(0.68, 0.52, 0.33, 0.12), Targets(0, 0, 0, 0));

        // Alone, image 2 scores IoU 1 once every pixel falls below the threshold (t >= .70).
        Assert.Equal(100.0, meter.Compute().Primary, 6);
    }

    private static Tensor Logits(params double[] probabilities) =>
        tensor(probabilities).logit().to(ScalarType.Float32).view(1, 1, 2, 2);

    private static Tensor Targets(params float[] values) => tensor(values).view(1, 1, 2, 2);
}
