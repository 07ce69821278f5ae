using RobuMTL.Data;
using RobuMTL.Imaging;
using RobuMTL.Tasks;

namespace RobuMTL.Tests.Data;

public sealed class ExternalImagesDatasetTests
{
    private static readonly DatasetInfo Info = new("toy", [TaskKind.Saliency], 2, 0, ["a", "b"], []);

    private static MultiTaskSample Sample(string id, float value) => new()
    {
        Id = id,
        Image = new RgbImage(4, 3, Enumerable.Repeat(value, 4 * 3 * 3).ToArray()),
        Saliency = Enumerable.Range(0, 12).Select(i => (byte)(i % 2)).ToArray(),
    };

    private static InMemoryDataset Split() => new(Info, [Sample("s1", 0.2f), Sample("s2", 0.4f)]);

    [Fact]
    public void ImagesComeFromTheFolderAndLabelsFromTheSplit()
    {
        using var folder = new TempFolder();
        var split = Split();
        var written = ExternalImagesDataset.ExportImages(split, folder.Path);
        Assert.Equal([folder.File("s1.png"), folder.File("s2.png")], written);
        new RgbImage(4, 3, Enumerable.Repeat(1f, 36).ToArray()).Save(folder.File("s2.png"));

        var external = new ExternalImagesDataset(split, folder.Path);
        var first = external.Get(0);
        var second = external.Get(1);

        Assert.Equal(2, external.Count);
        Assert.Equal(0.2f, first.Image.Pixels[0], 2);
        Assert.All(second.Image.Pixels, p => Assert.Equal(1f, p));
        Assert.Equal(split.Get(1).Saliency, second.Saliency);
        Assert.Null(second.Condition);
    }

    [Fact]
    public void AMissingFileIsNamed()
    {
        using var folder = new TempFolder();
        Sample("s1", 0.5f).Image.Save(folder.File("s1.jpg"));
        var external = new ExternalImagesDataset(Split(), folder.Path);

        Assert.Equal(0.5f, external.Get(0).Image.Pixels[0], 1);
        var error = Assert.Throws<InvalidDataException>(() => external.Get(1));
        Assert.Contains(Path.Combine(folder.Path, "s2.png"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnImageOfAnotherSizeOrAFolderThatIsMissingIsRejected()
    {
        using var folder = new TempFolder();
        new RgbImage(5, 3).Save(folder.File("s1.png"));
        var error = Assert.Throws<InvalidDataException>(() => new ExternalImagesDataset(Split(), folder.Path).Get(0));
        Assert.Contains("5x3", error.Message, StringComparison.Ordinal);
        Assert.Throws<DirectoryNotFoundException>(() => new ExternalImagesDataset(Split(), folder.File("nope")));
    }
}
