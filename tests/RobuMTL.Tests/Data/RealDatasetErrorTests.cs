using RobuMTL.Data.Datasets;
using RobuMTL.Data.Formats;
using RobuMTL.Imaging;
using RobuMTL.Weather;

namespace RobuMTL.Tests.Data;

/// <summary>
/// Loader errors on small hand-built dataset trees: each bad file gets one error that names it and says what
/// was expected; the PASCAL loader falls back to <c>semseg/VOC12</c>.
/// </summary>
public sealed class RealDatasetErrorTests : IDisposable
{
    private const int W = 4;
    private const int H = 3;

    private readonly TempFolder dir = new();

    public void Dispose() => dir.Dispose();

    private static RgbImage Grey() => new(W, H, Enumerable.Repeat(0.5f, W * H * 3).ToArray());

    /// <summary>One NYUD-v2 sample, 0001, whose files all fit; tests then break one of them.</summary>
    private NyudDataset NyudTree()
    {
        File.WriteAllLines(dir.File("gt_sets", "val.txt"), ["0001"]);
        Grey().Save(dir.File("images", "0001.jpg"));
        LabelPng.Write(dir.File("segmentation", "0001.png"), Enumerable.Repeat((byte)1, W * H).ToArray(), W, H);
        NpyFile.Write(dir.File("depth", "0001.npy"), Enumerable.Repeat(2f, W * H).ToArray(), H, W);
        NpyFile.Write(dir.File("normals", "0001.npy"), Enumerable.Repeat(0.5f, W * H * 3).ToArray(), H, W, 3);
        NpyFile.Write(dir.File("edge", "0001.npy"), new float[W * H], H, W);
        return new NyudDataset(dir.Path, DatasetSplit.Val);
    }

    /// <summary>One PASCAL-Context sample, 2008_000001, with its semantic labels in <paramref name="semseg"/>.
    /// </summary>
    private void PascalTree(string semseg, byte[] labels)
    {
        const string id = "2008_000001";
        File.WriteAllLines(dir.File("ImageSets", "Context", "val.txt"), [id]);
        Grey().Save(dir.File("JPEGImages", id + ".jpg"));
        LabelPng.Write(dir.File("semseg", semseg, id + ".png"), labels, W, H);
        LabelPng.Write(dir.File("sal_distill", id + ".png"), new byte[W * H], W, H);
        Grey().Save(dir.File("normals_distill", id + ".png"));
    }

    private static string Error(Func<object> read) => Assert.Throws<InvalidDataException>(read).Message;

    [Fact]
    public void NyudNamesAMissingImage()
    {
        var data = NyudTree();
        File.Delete(dir.File("images", "0001.jpg"));

        Assert.Contains($"'{dir.File("images", "0001.jpg")}' does not exist", Error(() => data.Get(0)));
    }

    [Fact]
    public void NyudNamesACorruptImage()
    {
        var data = NyudTree();
        File.WriteAllText(dir.File("images", "0001.jpg"), "not a jpeg");

        Assert.Contains($"'{dir.File("images", "0001.jpg")}' is not a readable image", Error(() => data.Get(0)));
    }

    [Theory]
    [InlineData(new[] { H, W, 1 }, "(3, 4, 1)")]
    [InlineData(new[] { W, H, 3 }, "(4, 3, 3)")]
    [InlineData(new[] { 3, H, W }, "(3, 3, 4)")]
    public void NyudNamesNormalsOfTheWrongShape(int[] shape, string shown)
    {
        var data = NyudTree();
        NpyFile.Write(dir.File("normals", "0001.npy"), new float[shape[0] * shape[1] * shape[2]], shape);

        Assert.Contains(
            $"'{dir.File("normals", "0001.npy")}' has shape {shown}, expected (3, 4, 3) to match its image",
            Error(() => data.Get(0)));
    }

    [Fact]
    public void AcdcNamesALabelThatIsNoCityscapesTrainId()
    {
        Grey().Save(dir.File("rgb_anon", "rain", "val", "s1", "s1_frame_000001_rgb_anon.png"));
        var label = dir.File("gt", "rain", "val", "s1", "s1_frame_000001_gt_labelTrainIds.png");
        LabelPng.Write(label, [.. new byte[(W * H) - 1], 19], W, H);
        var data = new AcdcDataset(dir.Path, DatasetSplit.Val, [AcdcCondition.Rain]);

        Assert.Contains(
            $"'{label}': Cityscapes train id label 19 at pixel 11 is not a class id 0..18 or 255",
            Error(() => data.Get(0)));
    }

    [Fact]
    public void AcdcReadsOnlyTheConditionsAskedForAndRefusesAnUndefinedOne()
    {
        foreach (var condition in new[] { "fog", "snow" })
        {
            Grey().Save(dir.File("rgb_anon", condition, "val", "s", $"{condition}_rgb_anon.png"));
            LabelPng.Write(dir.File("gt", condition, "val", "s", $"{condition}_gt_labelTrainIds.png"),
                new byte[W * H], W, H);
        }

        var snow = new AcdcDataset(dir.Path, DatasetSplit.Val, [AcdcCondition.Snow]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new AcdcDataset(dir.Path, DatasetSplit.Val, [(AcdcCondition)7]));
        var missing = Assert.Throws<DirectoryNotFoundException>(
            () => new AcdcDataset(dir.Path, DatasetSplit.Val, [AcdcCondition.Night]));

        Assert.Equal(1, snow.Count);
        Assert.Equal(("snow", WeatherCondition.Snow), (snow.Get(0).Id, snow.Get(0).Condition));
        Assert.Contains("Fog, Night, Rain, Snow", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("rgb_anon", "night", "val"), missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PascalReadsSemanticLabelsFromVoc12WhenPascalContextIsAbsent()
    {
        byte[] labels = [0, 15, 15, 255, 20, 1, 0, 0, 2, 3, 4, 5];
        PascalTree("VOC12", labels);

        var sample = new PascalContextDataset(dir.Path, DatasetSplit.Val).Get(0);

        Assert.Equal(labels, sample.Semantic);
    }

    [Fact]
    public void PascalPrefersPascalContextOverVoc12()
    {
        PascalTree("VOC12", new byte[W * H]);
        PascalTree("pascal-context", Enumerable.Repeat((byte)7, W * H).ToArray());

        var sample = new PascalContextDataset(dir.Path, DatasetSplit.Val).Get(0);

        Assert.All(sample.Semantic!, v => Assert.Equal(7, v));
    }

    [Fact]
    public void PascalWithNeitherSemanticFolderNamesBoth()
    {
        PascalTree("VOC12", new byte[W * H]);
        Directory.Delete(dir.File("semseg", "VOC12"), recursive: true);

        var error = Assert.Throws<DirectoryNotFoundException>(
            () => new PascalContextDataset(dir.Path, DatasetSplit.Val));

        Assert.Contains(Path.Combine(dir.Path, "semseg", "pascal-context"), error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(dir.Path, "semseg", "VOC12"), error.Message, StringComparison.Ordinal);
    }
}
