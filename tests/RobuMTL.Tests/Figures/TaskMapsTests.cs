using RobuMTL.Core;
using RobuMTL.Figures;
using RobuMTL.Imaging;
using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Figures;

public sealed class TaskMapsTests
{
    public TaskMapsTests() => TorchRuntime.Initialize();

    private static float[] Pixel(RgbImage image, int x, int y) =>
        image.Pixels.AsSpan(3 * ((y * image.Width) + x), 3).ToArray();

    [Fact]
    public void SegmentationPredictionColoursTheArgmaxClassAndTheLabelBlacksOutIgnoredPixels()
    {
        using var logits = zeros(4, 2, 3);                      // (C, H, W)
        logits[2, 0, 0] = tensor(5f);
        logits[1, 1, 2] = tensor(5f);
        var picture = TaskMaps.Prediction(TaskKind.SemanticSegmentation, logits);
        Assert.Equal((3, 2), (picture.Width, picture.Height));
        var (r, g, b) = TaskMaps.ClassColor(2);
        Assert.Equal(new[] { r, g, b }, Pixel(picture, 0, 0));
        Assert.NotEqual(Pixel(picture, 0, 0), Pixel(picture, 2, 1));

        using var labels = tensor(new long[] { 1, 255, 0, 3 }, [2, 2]); // (H, W)
        var truth = TaskMaps.Target(TaskKind.SemanticSegmentation, labels);
        Assert.Equal(new[] { 0f, 0f, 0f }, Pixel(truth, 1, 0));
    }

    [Fact]
    public void ClassColoursOfTheFirstClassesAreDistinct()
    {
        var colours = Enumerable.Range(0, 21).Select(TaskMaps.ClassColor).ToList();
        Assert.Equal(colours.Count, colours.Distinct().Count());
    }

    [Fact]
    public void NormalsMapToHalfOffsetColoursAndDepthUsesTheColourMapEnds()
    {
        using var normals = zeros(3, 1, 2);                     // (3, H, W)
        normals[2, 0, 0] = tensor(2f);
        var picture = TaskMaps.Target(TaskKind.Normals, normals);
        Assert.Equal(new[] { 0.5f, 0.5f, 1f }, Pixel(picture, 0, 0), new FloatComparer(0.003f));
        Assert.Equal(new[] { 0f, 0f, 0f }, Pixel(picture, 1, 0));

        using var depth = tensor(new[] { 0f, 20f }, [1, 1, 2]);  // (1, H, W)
        var map = TaskMaps.Prediction(TaskKind.Depth, depth, maxDepth: 10f);
        var (r, g, b) = TaskMaps.DepthColor(1f);
        Assert.Equal(new[] { r, g, b }, Pixel(map, 1, 0), new FloatComparer(0.003f));
        Assert.Equal(new[] { 0f, 0f, 0f }, Pixel(map, 0, 0));
    }

    [Fact]
    public void AMapOfTheWrongShapeNamesTheTaskAndTheShape()
    {
        using var wrong = zeros(2, 4, 4);
        var error = Assert.Throws<ArgumentException>(() => TaskMaps.Prediction(TaskKind.Normals, wrong));
        Assert.Contains("Normals", error.Message, StringComparison.Ordinal);
        Assert.Contains("(2, 4, 4)", error.Message, StringComparison.Ordinal);
    }

    private sealed class FloatComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
