using RobuMTL.Core;
using RobuMTL.Losses;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Losses;

public sealed class DenseLossesTests
{
    public DenseLossesTests() => TorchRuntime.Initialize(threads: 2);

    [Fact]
    public void CrossEntropyAveragesOverNonIgnoredPixelsOnly()
    {
        using var scope = NewDisposeScope();
        // Pixel (0,0): logits (0, 0, ln 2) -> p = (1/4, 1/4, 1/2), label 2 -> ln 2.
        // Pixel (0,1): logits 0 -> p = 1/3, label 0 -> ln 3. Row 1 is ignored (255).
        var logits = zeros(1, 3, 2, 2);
        logits[0, 2, 0, 0] = tensor(MathF.Log(2));
        var labels = tensor(new long[] { 2, 0, 255, 255 }).view(1, 2, 2);

        var loss = DenseLosses.CrossEntropy(logits, labels).item<float>();

        Assert.Equal((Math.Log(2) + Math.Log(3)) / 2, loss, 5);
        logits[0, .., 1, 0] = tensor(new float[] { 9, -4, 3 });
        Assert.Equal(loss, DenseLosses.CrossEntropy(logits, labels).item<float>());
    }

    [Fact]
    public void CrossEntropyWithEveryPixelIgnoredIsZeroNotNaN()
    {
        using var scope = NewDisposeScope();
        var logits = randn(1, 7, 2, 2, requires_grad: true);

        var loss = DenseLosses.CrossEntropy(logits, full(1, 2, 2, 255L));
        loss.backward();

        Assert.Equal(0f, loss.item<float>());
        Assert.Equal(0f, logits.grad!.abs().sum().item<float>());
    }

    [Fact]
    public void BalancedBceWeightsPositivesByTheNegativeFraction()
    {
        using var scope = NewDisposeScope();
        // All logits 0 -> every pixel costs ln 2. Valid pixels: one positive, two negatives -> w = 2/3.
        // (w * ln 2 + (1 - w) * 2 ln 2) / 4 pixels = (4/3 ln 2) / 4 = ln 2 / 3.
        var logits = zeros(1, 1, 2, 2);
        var targets = tensor(new float[] { 1, 0, 0, 255 }).view(1, 1, 2, 2);

        var loss = DenseLosses.BalancedBinaryCrossEntropy(logits, targets).item<float>();

        Assert.Equal(Math.Log(2) / 3, loss, 5);
        logits[0, 0, 1, 1] = tensor(-7f);
        Assert.Equal(loss, DenseLosses.BalancedBinaryCrossEntropy(logits, targets).item<float>());
    }

    [Fact]
    public void BalancedBceWithAFixedPositiveWeightIgnoresVoidPixelsToo()
    {
        using var scope = NewDisposeScope();
        // w = 0.95: (0.95 ln 2 + 0.05 * 2 ln 2) / 4 = 1.05 ln 2 / 4.
        var logits = zeros(1, 1, 2, 2);
        var targets = tensor(new float[] { 1, 0, 0, 255 }).view(1, 1, 2, 2);

        var loss = DenseLosses.BalancedBinaryCrossEntropy(logits, targets, 0.95).item<float>();

        Assert.Equal(1.05 * Math.Log(2) / 4, loss, 5);
        logits[0, 0, 1, 1] = tensor(5f);
        Assert.Equal(loss, DenseLosses.BalancedBinaryCrossEntropy(logits, targets, 0.95).item<float>());
    }

    [Fact]
    public void NormalsL1NormalisesThePredictionAndSkipsInvalidTargets()
    {
        using var scope = NewDisposeScope();
        // Pixel 0: prediction (2, 0, 0) -> (1, 0, 0) against (0, 1, 0): |1| + |-1| + 0 = 2 over 3 components.
        // Pixel 1: zero target (missing), pixel 2: 255 target (ignored).
        var predictions = tensor(new float[] { 2, 5, 1, 0, 5, 1, 0, 5, 1 }).view(1, 3, 1, 3);
        var targets = tensor(new float[] { 0, 0, 255, 1, 0, 255, 0, 0, 255 }).view(1, 3, 1, 3);

        var loss = DenseLosses.NormalsL1(predictions, targets).item<float>();

        Assert.Equal(2.0 / 3, loss, 5);
        predictions[0, .., 0, 1] = tensor(new float[] { -1, 2, 3 });
        predictions[0, .., 0, 2] = tensor(new float[] { 4, -2, 3 });
        Assert.Equal(loss, DenseLosses.NormalsL1(predictions, targets).item<float>());
    }

    [Fact]
    public void DepthL1SkipsPixelsWithoutDepth()
    {
        using var scope = NewDisposeScope();
        // Valid pixels 0 and 2: |1 - 1.5| = 0.5 and |3 - 2| = 1, mean 0.75.
        var predictions = tensor(new float[] { 1, 2, 3, 4 }).view(1, 1, 2, 2);
        var targets = tensor(new float[] { 1.5f, 0, 2, float.NaN }).view(1, 1, 2, 2);

        var loss = DenseLosses.DepthL1(predictions, targets).item<float>();

        Assert.Equal(0.75, loss, 5);
        predictions[0, 0, 0, 1] = tensor(40f);
        Assert.Equal(loss, DenseLosses.DepthL1(predictions, targets).item<float>());
    }

    [Fact]
    public void ShapeMismatchNamesBothShapes()
    {
        using var scope = NewDisposeScope();

        var error = Assert.Throws<ArgumentException>(
            () => DenseLosses.DepthL1(zeros(1, 1, 4, 4), zeros(1, 1, 8, 8)));
        Assert.Contains("(1, 1, 4, 4)", error.Message);
        Assert.Contains("(1, 1, 8, 8)", error.Message);
    }
}
