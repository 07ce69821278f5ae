using RobuMTL.Core;
using RobuMTL.Metrics;
using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Metrics;

public sealed class SegmentationMeterTests
{
    public SegmentationMeterTests() => TorchRuntime.Initialize(threads: 2);

    [Fact]
    public void MeanIoUFromTheConfusionMatrixOverTwoBatches()
    {
        using var scope = NewDisposeScope();
        var meter = new SegmentationMeter(TaskKind.SemanticSegmentation, classes: 3);
        // Batch 1 labels (0 0 1), predictions (0 1 1); batch 2 labels (1 2 255), predictions (1 2 0).
        // Confusion (label -> predicted): 0->0: 1, 0->1: 1, 1->1: 2, 2->2: 1; the 255 pixel is skipped.
        // IoU0 = 1 / (2 + 1 - 1) = 1/2, IoU1 = 2 / (2 + 3 - 2) = 2/3, IoU2 = 1 / 1 = 1.
        // mIoU = (1/2 + 2/3 + 1) / 3 = 13/18 = 72.222%; pixel accuracy 4 / 5 = 80%.
        meter.Update(Logits([0, 1, 1]), tensor(new long[] { 0, 0, 1 }).view(1, 1, 3));
        meter.Update(Logits([1, 2, 0]), tensor(new long[] { 1, 2, 255 }).view(1, 1, 3));

        var metrics = meter.Compute();

        Assert.Equal(100.0 * 13 / 18, metrics.Primary, 9);
        Assert.Equal(80.0, metrics[MetricNames.PixelAccuracy], 9);
        Assert.Equal(5, metrics.Count);
        Assert.False(metrics.LowerIsBetter);
        Assert.Equal(1, meter.Confusion(0, 1));
    }

    [Fact]
    public void ClassesAbsentFromLabelsAndPredictionsAreLeftOutOfTheMean()
    {
        using var scope = NewDisposeScope();
        var meter = new SegmentationMeter(TaskKind.HumanParts, classes: 7);
        // Only classes 0 and 1 occur: IoU0 = 1/2 (one hit, one pixel of 0 predicted as 1), IoU1 = 1/2.
        meter.Update(tensor(new long[] { 0, 1, 1 }).view(1, 1, 3), tensor(new long[] { 0, 0, 1 }).view(1, 1, 3));

        Assert.Equal(50.0, meter.Compute().Primary, 9);
    }

    [Fact]
    public void LabelOutsideTheClassesIsReported()
    {
        using var scope = NewDisposeScope();
        var meter = new SegmentationMeter(TaskKind.SemanticSegmentation, classes: 3);

        var error = Assert.Throws<ArgumentException>(() => meter.Update(
            tensor(new long[] { 0, 1 }).view(1, 1, 2), tensor(new long[] { 0, 5 }).view(1, 1, 2)));
        Assert.Contains("0..2", error.Message);
    }

    private static Tensor Logits(long[] classes)
    {
        var oneHot = nn.functional.one_hot(tensor(classes), 3).to(ScalarType.Float32); // (N, 3)
        return (oneHot * 4 - 2).T.reshape(1, 3, 1, classes.Length);                    // (1, 3, 1, N)
    }
}
