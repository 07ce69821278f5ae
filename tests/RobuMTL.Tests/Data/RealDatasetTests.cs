using RobuMTL.Data;
using RobuMTL.Data.Datasets;
using RobuMTL.Data.Formats;
using RobuMTL.Imaging;
using RobuMTL.Tasks;
using RobuMTL.Weather;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace RobuMTL.Tests.Data;

public sealed class RealDatasetTests
{
    private const int W = 4;
    private const int H = 3;

    private static void Jpeg(string path, int width = W, int height = H)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(200, 100, 50));
        image.SaveAsJpeg(path, new JpegEncoder { Quality = 100 });
    }

    private static void Rgb(string path, Func<int, Rgb24> pixel)
    {
        using var image = new Image<Rgb24>(W, H);
        for (var p = 0; p < W * H; p++)
        {
            image[p % W, p / W] = pixel(p);
        }

        image.SaveAsPng(path);
    }

    private static TempFolder PascalTree(bool withParts = true)
    {
        var dir = new TempFolder();
        File.WriteAllLines(dir.File("ImageSets", "Context", "val.txt"), ["2008_000001", "2008_000002", ""]);
        foreach (var id in new[] { "2008_000001", "2008_000002" })
        {
            Jpeg(dir.File("JPEGImages", id + ".jpg"));
            LabelPng.Write(dir.File("semseg", "pascal-context", id + ".png"),
                [0, 15, 15, 255, 20, 1, 0, 0, 2, 3, 4, 5], W, H);
            LabelPng.Write(dir.File("sal_distill", id + ".png"), [0, 127, 128, 255, 0, 0, 0, 0, 0, 0, 0, 200], W, H);
            Rgb(dir.File("normals_distill", id + ".png"),
                p => p == 0 ? new Rgb24(255, 128, 128) : new Rgb24(128, 128, 0));
        }

        if (withParts)
        {
            MatFile.WriteMatrix(dir.File("human_parts", "2008_000001.mat"), "parts",
                [0, 1, 2, 255, 3, 4, 5, 6, 0, 0, 0, 0], rows: H, columns: W, asDouble: true);
        }

        return dir;
    }

    [Fact]
    public void PascalContextDecodesEveryLabel()
    {
        using var dir = PascalTree();
        var data = new PascalContextDataset(dir.Path, DatasetSplit.Val);
        var s = data.Get(0);
        var noPeople = data.Get(1);

        Assert.Equal(2, data.Count);
        Assert.Equal(21, data.Info.SemanticClasses);
        Assert.Equal(7, data.Info.PartClasses);
        Assert.Equal(4, data.Info.Tasks.Count);
        Assert.Equal((W, H), (s.Width, s.Height));
        Assert.Equal(200 / 255f, s.Image.Pixels[0], 0.02f);
        Assert.Equal(new byte[] { 0, 15, 15, 255, 20, 1, 0, 0, 2, 3, 4, 5 }, s.Semantic);
        Assert.Equal(new byte[] { 0, 1, 2, 255, 3, 4, 5, 6, 0, 0, 0, 0 }, s.HumanParts);
        Assert.All(noPeople.HumanParts!, v => Assert.Equal(255, v));
        Assert.Equal(new byte[] { 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1 }, s.Saliency);

        // (255,128,128) -> (1, 0.0039, 0.0039) renormalised; (128,128,0) -> (0.0039, 0.0039, -1).
        Assert.Equal(1f, s.Normals![0], 3);
        Assert.Equal(2f * 128 / 255 - 1, s.Normals[1], 4);
        Assert.Equal(-1f, s.Normals[5], 3);
        var n = s.Normals;
        Assert.Equal(1f, MathF.Sqrt((n[3] * n[3]) + (n[4] * n[4]) + (n[5] * n[5])), 5);
        Assert.Null(s.Depth);
    }

    [Fact]
    public void PascalContextErrorsNameTheFileAndExpectation()
    {
        using var dir = PascalTree();
        LabelPng.Write(dir.File("semseg", "pascal-context", "2008_000002.png"), new byte[(W + 1) * H], W + 1, H);
        var data = new PascalContextDataset(dir.Path, DatasetSplit.Val);
        var e = Assert.Throws<InvalidDataException>(() => data.Get(1));
        Assert.Contains("2008_000002.png' is 5x3, expected 4x3", e.Message);

        LabelPng.Write(dir.File("semseg", "pascal-context", "2008_000002.png"), [.. new byte[W * H - 1], 21], W, H);
        e = Assert.Throws<InvalidDataException>(() => data.Get(1));
        Assert.Contains("label 21 at pixel 11 is not a class id 0..20 or 255", e.Message);

        File.WriteAllText(dir.File("JPEGImages", "2008_000002.jpg"), "corrupt");
        e = Assert.Throws<InvalidDataException>(() => data.Get(1));
        Assert.Contains("2008_000002.jpg' is not a readable image", e.Message);

        File.Delete(dir.File("JPEGImages", "2008_000002.jpg"));
        e = Assert.Throws<InvalidDataException>(() => data.Get(1));
        Assert.Contains("2008_000002.jpg' does not exist", e.Message);

        MatFile.WriteMatrix(dir.File("human_parts", "2008_000001.mat"), "p", new byte[6], 2, 3);
        e = Assert.Throws<InvalidDataException>(() => data.Get(0));
        Assert.Contains("holds a 2x3 matrix, expected 3x4", e.Message);

        Assert.Contains("train.txt' does not exist", Assert.Throws<InvalidDataException>(
            () => new PascalContextDataset(dir.Path, DatasetSplit.Train)).Message);
        Assert.Throws<DirectoryNotFoundException>(() => new PascalContextDataset(dir.File("nope"), DatasetSplit.Val));
    }

    [Fact]
    public void NyudShiftsClassesAndReadsDenseTargets()
    {
        using var dir = new TempFolder();
        File.WriteAllLines(dir.File("gt_sets", "train.txt"), ["0001"]);
        Jpeg(dir.File("images", "0001.jpg"));
        LabelPng.Write(dir.File("segmentation", "0001.png"), [0, 1, 40, 2, 0, 0, 0, 0, 0, 0, 0, 5], W, H);
        var depth = Enumerable.Range(0, W * H).Select(i => i == 3 ? 0f : 0.5f + i).ToArray();
        NpyFile.Write(dir.File("depth", "0001.npy"), depth, H, W, 1);
        var normals = new float[W * H * 3];
        for (var p = 0; p < W * H; p++)
        {
            normals[(3 * p) + 2] = -2f;
        }

        NpyFile.Write(dir.File("normals", "0001.npy"), normals, H, W, 3);
        NpyFile.Write(dir.File("edge", "0001.npy"), [0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1], H, W);

        var data = new NyudDataset(dir.Path, DatasetSplit.Train);
        var s = data.Get(0);

        Assert.Equal(40, data.Info.SemanticClasses);
        Assert.Equal(new byte[] { 255, 0, 39, 1, 255, 255, 255, 255, 255, 255, 255, 4 }, s.Semantic);
        Assert.Equal(depth, s.Depth);
        Assert.Equal(-1f, s.Normals![2]);
        Assert.Equal(new byte[] { 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, s.Edges);
        using var batch = MultiTaskBatch.Collate([s]);
        Assert.Equal(
            [TaskKind.SemanticSegmentation, TaskKind.Normals, TaskKind.Edges, TaskKind.Depth],
            batch.Targets.Keys.Order());

        LabelPng.Write(dir.File("segmentation", "0001.png"), [.. new byte[W * H - 1], 41], W, H);
        Assert.Contains("label 41 at pixel 11 is not 0 (void) or a class 1..40", Assert.Throws<InvalidDataException>(
            () => data.Get(0)).Message);
        LabelPng.Write(dir.File("segmentation", "0001.png"), new byte[W * H], W, H);
        NpyFile.Write(dir.File("depth", "0001.npy"), depth, W, H);
        Assert.Contains("depth", Assert.Throws<InvalidDataException>(() => data.Get(0)).Message);
    }

    [Fact]
    public void AcdcPairsImagesWithTrainIdLabelsAndConditions()
    {
        using var dir = new TempFolder();
        Rgb(dir.File("rgb_anon", "fog", "val", "GOPR0475", "GOPR0475_frame_000041_rgb_anon.png"), _ => default);
        Rgb(dir.File("rgb_anon", "night", "val", "GP010376", "GP010376_frame_000001_rgb_anon.png"), _ => default);
        LabelPng.Write(dir.File("gt", "fog", "val", "GOPR0475", "GOPR0475_frame_000041_gt_labelTrainIds.png"),
            [0, 1, 18, 255, 0, 0, 0, 0, 0, 0, 0, 10], W, H);
        LabelPng.Write(dir.File("gt", "night", "val", "GP010376", "GP010376_frame_000001_gt_labelTrainIds.png"),
            new byte[W * H], W, H);
        Directory.CreateDirectory(dir.File("rgb_anon", "rain", "val", "x"));
        Directory.CreateDirectory(dir.File("rgb_anon", "snow", "val", "x"));

        var data = new AcdcDataset(dir.Path, DatasetSplit.Val);
        var fog = data.Get(0);

        Assert.Equal(2, data.Count);
        Assert.Equal(19, data.Info.SemanticClasses);
        Assert.Equal("GOPR0475_frame_000041", fog.Id);
        Assert.Equal(WeatherCondition.Fog, fog.Condition);
        Assert.Null(data.Get(1).Condition);
        Assert.Equal(new byte[] { 0, 1, 18, 255, 0, 0, 0, 0, 0, 0, 0, 10 }, fog.Semantic);

        File.Delete(dir.File("gt", "night", "val", "GP010376", "GP010376_frame_000001_gt_labelTrainIds.png"));
        Assert.Contains("_gt_labelTrainIds.png' does not exist", Assert.Throws<InvalidDataException>(
            () => data.Get(1)).Message);
        Assert.Throws<DirectoryNotFoundException>(() => new AcdcDataset(dir.Path, DatasetSplit.Train));
    }
}
