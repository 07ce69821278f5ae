using RobuMTL.Core;
using RobuMTL.Data;
using RobuMTL.Data.Scenes;

namespace RobuMTL.Tests.Data;

public sealed class GeneratedSceneStoreTests
{
    private static readonly SceneGeneratorConfig Config = SceneGeneratorConfig.ForSize(32, seed: 9);

    [Fact]
    public void ExportedScenesReadBackExactly()
    {
        using var dir = new TempFolder();
        var folder = Path.Combine(dir.Path, "scenes");
        var data = GeneratedSceneStore.Ensure(folder, Config, 5, 3);
        var direct = new SceneGenerator(Config).Generate(6);
        var read = data.Get(1);

        Assert.Equal(3, data.Count);
        Assert.Equal(9, data.Info.SemanticClasses);
        Assert.Equal(direct.Id, read.Id);
        Assert.Equal(direct.Semantic, read.Semantic);
        Assert.Equal(direct.HumanParts, read.HumanParts);
        Assert.Equal(direct.Saliency, read.Saliency);
        Assert.Equal(direct.Edges, read.Edges);
        Assert.Equal(direct.Depth, read.Depth);
        Assert.Equal(direct.Normals, read.Normals);
        Assert.Equal(direct.Image.Pixels.Select(v => MathF.Round(v * 255)), read.Image.Pixels.Select(v => v * 255),
            new ToleranceComparer(1e-3f));
        Assert.True(File.Exists(Path.Combine(folder, "depth", "0000006.npy")));
    }

    [Fact]
    public void MatchingManifestIsReusedAndAChangedConfigRegenerates()
    {
        using var dir = new TempFolder();
        var folder = Path.Combine(dir.Path, "scenes");
        GeneratedSceneStore.Ensure(folder, Config, 0, 2);
        var marker = Path.Combine(folder, "image", "0000000.png");
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(marker, stamp);

        GeneratedSceneStore.Ensure(folder, Config, 0, 2);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(marker));

        var changed = GeneratedSceneStore.Ensure(folder, Config with { PixelNoise = 0f }, 0, 2);
        Assert.NotEqual(stamp, File.GetLastWriteTimeUtc(marker));
        Assert.Equal(0f, changed.Manifest.Config.PixelNoise);
        Assert.DoesNotContain(Directory.EnumerateDirectories(dir.Path), d => d.Contains(".partial"));
    }

    [Fact]
    public void ProfileSplitsUseDisjointScenesUnderTheWorkbookFolder()
    {
        using var dir = new TempFolder();
        var paths = new WorkbookPaths(dir.Path, Path.Combine(dir.Path, "runs"), Path.Combine(dir.Path, "data"));
        var profile = RunProfile.Smoke with { ImageSize = 32, TrainScenes = 2, ValScenes = 1 };
        var reports = new List<int>();
        var train = GeneratedSceneStore.ForProfile(paths, profile, SceneSplit.Train);
        var val = GeneratedSceneStore.ForProfile(paths, profile, SceneSplit.Val, new SyncProgress(reports.Add));

        Assert.Equal("0000000", train.Get(0).Id);
        Assert.Equal("1000000", val.Get(0).Id);
        Assert.Equal([1], reports);
        Assert.True(Directory.Exists(Path.Combine(paths.GeneratedScenes(profile), "val", "semseg")));
    }

    [Fact]
    public void MissingOrCorruptFilesNameTheFile()
    {
        using var dir = new TempFolder();
        var folder = Path.Combine(dir.Path, "scenes");
        var data = GeneratedSceneStore.Ensure(folder, Config, 0, 1);
        File.WriteAllText(Path.Combine(folder, "normals", "0000000.npy"), "junk");

        Assert.Contains("0000000.npy", Assert.Throws<InvalidDataException>(() => data.Get(0)).Message);
        Assert.Contains("manifest.json", Assert.Throws<InvalidDataException>(
            () => new SceneFolderDataset(dir.Path)).Message);
    }

    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => MathF.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
