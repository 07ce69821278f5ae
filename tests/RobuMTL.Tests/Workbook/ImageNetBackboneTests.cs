using System.Text.Json;
using RobuMTL.Backbone;
using RobuMTL.Backbone.Weights;
using RobuMTL.Core;
using RobuMTL.Model;
using RobuMTL.Tasks;
using RobuMTL.Tests.Training;
using RobuMTL.Training;
using RobuMTL.Workbook;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Workbook;

/// <summary>
/// A profile that names pretrained weights starts the clean MTL from them and freezes them (not the fine-tuned
/// clean MTL backbone) under the LoRA methods. The tiny torchvision fixture of SwinParityTests stands in for
/// swin_t-704ceda3.pth, through the profile's SwinOverride since no preset has its size.
/// </summary>
[Collection(TorchRngCollection.Name)]
public sealed class ImageNetBackboneTests : IDisposable
{
    private const string FixtureFromRoot = "tests/RobuMTL.Tests/Fixtures/Backbone/swin_fixture.pt";


    private readonly TempFolder runs = new();

    public void Dispose() => runs.Dispose();

    [Fact]
    public async Task TheCleanMtlStartsFromTheWeightsAndTheLoraPhasesFreezeThem()
    {
        var logs = new CapturedLogs();
        using var loggers = logs.Factory();
        var profile = PhaseRuns.Micro with { PretrainedWeights = FixtureFromRoot, SwinOverride = FixtureConfig() };
        var session = WorkbookSession.Open(profile, loggers, AppContext.BaseDirectory, runs.Path);
        var training = new WorkbookTraining(session);
        var file = Path.Combine(session.Paths.RepositoryRoot, FixtureFromRoot);
        Assert.Equal(Path.GetFullPath(file), session.PretrainedWeightsPath);

        await PhaseRuns.Drain(training.CleanMtl());
        await PhaseRuns.Drain(training.Warmup());
        await PhaseRuns.Drain(training.SharedLora());

        var loads = logs.Messages.Where(m => m.StartsWith($"Weights from {session.PretrainedWeightsPath}:")).ToList();
        Assert.Equal(3, loads.Count);
        Assert.All(loads, m => Assert.Contains("missing 0, unexpected 0, mis-shaped 0", m));
        Assert.Equal(ProgressKind.PhaseSkipped, (await PhaseRuns.Drain(training.Warmup())).Kind);
        Assert.Equal(3, logs.Messages.Count(m => m.StartsWith("Weights from ", StringComparison.Ordinal)));

        using var weights = StateDict.Load(file);
        var keys = weights.Keys.Where(k => !k.StartsWith("head.") && !SwinKeyMap.IsRebuiltBuffer(k)).ToList();
        using var clean = training.LoadModel(WorkbookPhase.CleanMtl);
        using var warm = training.LoadModel(WorkbookPhase.Warmup);
        using var shared = training.LoadModel(WorkbookPhase.SharedLora);
        var (cleanState, warmState, sharedState) = (clean.state_dict(), warm.state_dict(), shared.state_dict());
        foreach (var key in keys)
        {
            Assert.True(Same(weights[key], warmState["backbone." + key]), $"warmup {key}");
            Assert.True(Same(weights[key], sharedState["backbone." + key]), $"shared-lora {key}");
        }

        // The clean MTL trained every weight for a few steps: it moved, but stayed far nearer the file than a
        // backbone drawn from scratch is.
        using var scratch = training.NewModel(ModelVariant.FineTunedMtl);
        var scratchState = scratch.state_dict();
        Assert.Contains(keys, k => !Same(weights[k], cleanState["backbone." + k]));
        var trained = Distance(keys, weights, k => cleanState["backbone." + k]);
        var fresh = Distance(keys, weights, k => scratchState["backbone." + k]);
        Assert.True(trained < 0.5 * fresh, $"clean MTL {trained:F4} from the file, a fresh backbone {fresh:F4}");
    }

    [Fact]
    public void AMissingWeightFileIsOneErrorNamingThePathAndWhereToGetIt()
    {
        var relative = $"data/weights/missing-{Guid.NewGuid():N}.pth";
        var session = WorkbookSession.Open(
            PhaseRuns.Micro with { PretrainedWeights = relative },
            start: AppContext.BaseDirectory,
            runsRoot: runs.Path);
        var training = new WorkbookTraining(session);

        var error = Assert.Throws<FileNotFoundException>(() => training.CleanMtl());

        var expected = Path.GetFullPath(Path.Combine(session.Paths.RepositoryRoot, relative));
        Assert.Equal(expected, error.FileName);
        Assert.Contains($"'{expected}'", error.Message);
        Assert.Contains("swin_t-704ceda3.pth", error.Message);
        Assert.Contains("swin_tiny_patch4_window7_224", error.Message);
        Assert.Contains("check-weights", error.Message);
        Assert.False(Directory.Exists(session.Checkpoints.PhaseDirectory("clean-mtl")));
    }

    [Fact]
    public void TheFixtureLoadsIntoABackboneWithExpertsAndNoClassifier()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        var config = MultiTaskSwinConfig.Experts(
            FixtureConfig(), new([2, 2, 2, 2], TaskRank: 1), [TaskKind.Saliency, TaskKind.Edges]);
        using var backbone = new MultiTaskSwin(config);
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Backbone", "swin_fixture.safetensors");

        var report = ImageNetBackbone.Load(backbone, file);

        Assert.True(report.IsComplete, report.ToString());
        Assert.Equal(
            new[] { "head.bias", "head.weight" }, report.Skipped.Where(k => k.StartsWith("head.")).Order().ToArray());
        Assert.NotEmpty(report.ExpectedMissing);
        Assert.All(report.ExpectedMissing, k => Assert.Contains(".experts.", k));
    }

    private static SwinConfig FixtureConfig()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Backbone", "swin_fixture.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        int[] Ints(string name) => root.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();
        return new SwinConfig(
            root.GetProperty("embed_dim").GetInt32(), Ints("depths"), Ints("num_heads"),
            root.GetProperty("window_size").GetInt32(), root.GetProperty("patch_size").GetInt32(),
            root.GetProperty("mlp_ratio").GetDouble(), StochasticDepth: 0.1);
    }

    // The fixture stores matrices as F16 holding float32-exact values, so a cast compares them exactly.
    private static bool Same(Tensor file, Tensor model)
    {
        using var cast = file.to(model.dtype);
        return cast.shape.SequenceEqual(model.shape) && cast.allclose(model, rtol: 0, atol: 0);
    }

    private static double Distance(IEnumerable<string> keys, StateDict file, Func<string, Tensor> model)
    {
        using var scope = NewDisposeScope();
        return Math.Sqrt(keys.Sum(k => (file[k].to(ScalarType.Float32) - model(k)).pow(2).sum().item<float>()));
    }
}
