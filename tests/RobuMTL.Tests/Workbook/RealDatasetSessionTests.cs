using RobuMTL.Core;
using RobuMTL.Data.Formats;
using RobuMTL.Evaluation;
using RobuMTL.Model;
using RobuMTL.Tasks;
using RobuMTL.Training;
using RobuMTL.Weather;
using RobuMTL.Workbook;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RobuMTL.Tests.Workbook;

/// <summary>
/// The paper profiles' path on small fixture trees in the PASCAL-Context and NYUD-v2 multi-task layouts: a
/// session opens the real dataset, follows its tasks and classes, brings images of any size to the profile's
/// size, and trains and evaluates on it.
/// </summary>
public sealed class RealDatasetSessionTests : IDisposable
{
    // Real images come in their own sizes; the profile resizes them to 32 px.
    private static readonly (int W, int H)[] Sizes = [(40, 30), (36, 48), (44, 33)];

    private readonly TempFolder runs = new();

    public void Dispose() => runs.Dispose();

    private static RunProfile OnFixture(DatasetKind dataset, string root) => RunProfile.Smoke with
    {
        Dataset = dataset,
        DataRoot = root,
        ImageSize = 32,
        BatchSize = 2,
        Threads = 2,
        EvalSeverities = [3],
    };

    private static void Image(string path, int w, int h, int seed)
    {
        var random = new Random(seed);
        using var image = new Image<Rgb24>(w, h);
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                image[x, y] = new Rgb24((byte)random.Next(256), (byte)(4 * x), (byte)(4 * y));
            }
        }

        if (path.EndsWith(".png", StringComparison.Ordinal))
        {
            image.SaveAsPng(path);
        }
        else
        {
            image.SaveAsJpeg(path);
        }
    }

    private static byte[] Labels(int w, int h, Func<int, int, byte> label) =>
        Enumerable.Range(0, w * h).Select(p => label(p % w, p / w)).ToArray();

    private static TempFolder PascalTree()
    {
        var dir = new TempFolder();
        var ids = Sizes.Select((_, i) => $"2008_00000{i}").ToArray();
        File.WriteAllLines(dir.File("ImageSets", "Context", "train.txt"), ids[..2]);
        File.WriteAllLines(dir.File("ImageSets", "Context", "val.txt"), ids[2..]);
        for (var i = 0; i < ids.Length; i++)
        {
            var (w, h) = Sizes[i];
            Image(dir.File("JPEGImages", ids[i] + ".jpg"), w, h, i);
            LabelPng.Write(dir.File("semseg", "pascal-context", ids[i] + ".png"),
                Labels(w, h, (x, y) => x < w / 2 ? (byte)0 : y < h / 2 ? (byte)15 : (byte)255), w, h);
            LabelPng.Write(dir.File("sal_distill", ids[i] + ".png"),
                Labels(w, h, (x, _) => x < w / 2 ? (byte)0 : (byte)255), w, h);
            Image(dir.File("normals_distill", ids[i] + ".png"), w, h, 10 + i);
            MatFile.WriteMatrix(dir.File("human_parts", ids[i] + ".mat"), "parts",
                Labels(w, h, (x, y) => x < w / 2 ? (byte)0 : (byte)(1 + (y * 6 / h))), rows: h, columns: w,
                asDouble: true);
        }

        return dir;
    }

    private static TempFolder NyudTree()
    {
        var dir = new TempFolder();
        var ids = Sizes.Select((_, i) => $"000{i}").ToArray();
        File.WriteAllLines(dir.File("gt_sets", "train.txt"), ids[..2]);
        File.WriteAllLines(dir.File("gt_sets", "val.txt"), ids[2..]);
        for (var i = 0; i < ids.Length; i++)
        {
            var (w, h) = Sizes[i];
            Image(dir.File("images", ids[i] + ".jpg"), w, h, i);
            LabelPng.Write(dir.File("segmentation", ids[i] + ".png"),
                Labels(w, h, (x, y) => (byte)(x < w / 2 ? 0 : 1 + (y % 40))), w, h);
            NpyFile.Write(dir.File("depth", ids[i] + ".npy"),
                Enumerable.Range(0, w * h).Select(p => p % 7 == 0 ? 0f : 1f + (p % w * 0.05f)).ToArray(), h, w, 1);
            var normals = new float[w * h * 3];
            for (var p = 0; p < w * h; p++)
            {
                normals[3 * p] = 0.3f;
                normals[(3 * p) + 2] = -1f;
            }

            NpyFile.Write(dir.File("normals", ids[i] + ".npy"), normals, h, w, 3);
            NpyFile.Write(dir.File("edge", ids[i] + ".npy"),
                Enumerable.Range(0, w * h).Select(p => p % w == w / 2 ? 1f : 0f).ToArray(), h, w);
        }

        return dir;
    }


    [Theory]
    [InlineData(DatasetKind.PascalContext, 21)]
    [InlineData(DatasetKind.NyudV2, 40)]
    public async Task ASessionOnARealDatasetTrainsAndEvaluatesAtTheProfileSize(DatasetKind dataset, int classes)
    {
        using var tree = dataset == DatasetKind.PascalContext ? PascalTree() : NyudTree();
        TaskKind[] tasks = dataset == DatasetKind.PascalContext
            ? [TaskKind.SemanticSegmentation, TaskKind.HumanParts, TaskKind.Saliency, TaskKind.Normals]
            : [TaskKind.SemanticSegmentation, TaskKind.Normals, TaskKind.Edges, TaskKind.Depth];
        var session = WorkbookSession.Open(
            OnFixture(dataset, tree.Path), start: AppContext.BaseDirectory, runsRoot: runs.Path);

        Assert.Equal(tasks, session.Tasks);
        Assert.Equal(classes, session.Info.SemanticClasses);
        Assert.Equal((2, 1), (session.Train.Count, session.Validation.Count));

        // Images of three sizes leave the loader at the profile's 32 px with every target aligned to them.
        var loader = session.Loader(session.Train, WeatherSampleTransform.Clean, training: true, stream: 0);
        using (var batch = loader.Epoch(0).Single())
        {
            Assert.Equal([2L, 3, 32, 32], batch.Images.shape);
            Assert.Equal(tasks.Order(), batch.Targets.Keys.Order());
            Assert.All(batch.Targets.Values, t => Assert.Equal([32L, 32], t.shape[^2..]));
        }

        var training = new WorkbookTraining(session);
        Assert.Equal(ProgressKind.PhaseComplete, (await PhaseRuns.Drain(training.CleanMtl())).Kind);
        using var model = training.LoadModel(WorkbookPhase.CleanMtl);
        Assert.Equal(tasks.Order(), model.Tasks.Order());

        var evaluation = new WorkbookEvaluation(session);
        using var data = evaluation.Prepare(EvaluationScenario.Single(WeatherCondition.Fog, 3));
        var result = evaluation.Evaluate(model, RoutingPolicy.Top1, data);
        Assert.Equal(tasks.Order(), result.Metrics.Keys.Order());
        Assert.All(result.Metrics.Values, m => Assert.True(double.IsFinite(m.Primary), m.PrimaryName));
    }

    [Fact]
    public void AMissingDatasetFolderOrRootIsNamedWithTheFix()
    {
        var missing = Path.Combine(runs.Path, "no-such-dataset");
        var session = WorkbookSession.Open(
            OnFixture(DatasetKind.PascalContext, missing), start: AppContext.BaseDirectory, runsRoot: runs.Path);
        var error = Assert.Throws<DirectoryNotFoundException>(() => session.Train);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("data/README.md", error.Message, StringComparison.Ordinal);

        var unset = WorkbookSession.Open(
            OnFixture(DatasetKind.NyudV2, null!), start: AppContext.BaseDirectory, runsRoot: runs.Path);
        var noRoot = Assert.Throws<InvalidOperationException>(() => unset.Validation);
        Assert.Contains("DataRoot", noRoot.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARelativeDataRootIsTakenFromTheRepositoryRoot()
    {
        var session = WorkbookSession.Open(RunProfile.PaperNyud with { Backend = ComputeBackend.Cpu },
            start: AppContext.BaseDirectory, runsRoot: runs.Path);

        Assert.Equal(Path.Combine(session.Paths.RepositoryRoot, "data", "NYUDv2"), session.DataRootPath);
    }
}
