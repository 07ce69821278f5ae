using System.Text.Json.Nodes;
using RobuMTL.Checkpoints;
using RobuMTL.Core;
using RobuMTL.Tests.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Checkpoints;

[Collection(TorchRngCollection.Name)]
public sealed class CheckpointStoreTests
{
    [Fact]
    public void ConfigMismatchNamesEveryDifferingField()
    {
        using var folder = new TempFolder();
        var store = new CheckpointStore(folder.Path);
        store.EnsureCompatible("expert-rain", Config(batch: 8, ranks: [4, 8], condition: "Rain"));

        var error = Assert.Throws<CheckpointMismatchException>(
            () => store.EnsureCompatible("expert-rain", Config(batch: 16, ranks: [4, 16], condition: "Rain")));

        Assert.Equal(["trainer.BatchSize: saved 8, now 16", "run.ranks[1]: saved 8, now 16"], error.Differences);
        Assert.Contains("trainer.BatchSize", error.Message);
        Assert.Contains("delete that folder", error.Message);
        store.EnsureCompatible("expert-rain", Config(batch: 8, ranks: [4, 8], condition: "Rain"));
    }

    [Fact]
    public void AnAddedOrRemovedFieldIsNamedToo()
    {
        using var folder = new TempFolder();
        var store = new CheckpointStore(folder.Path);
        store.EnsureCompatible("p", new JsonObject { ["a"] = 1, ["b"] = 2 });

        var error = Assert.Throws<CheckpointMismatchException>(
            () => store.EnsureCompatible("p", new JsonObject { ["a"] = 1, ["c"] = 3 }));

        Assert.Equal(["b: saved 2, now (absent)", "c: saved (absent), now 3"], error.Differences);
    }

    [Fact]
    public void LoadingComparesOnlyTheNamedPartsAndNamesTheFieldAndFolder()
    {
        using var folder = new TempFolder();
        var store = new CheckpointStore(folder.Path);
        store.EnsureCompatible("warmup", Config(batch: 8, ranks: [4, 8], condition: "Clean"));

        var ranks = new JsonArray(4, 8);
        store.EnsureSavedMatches("warmup", new Dictionary<string, JsonNode?> { ["run.ranks"] = ranks });
        var error = Assert.Throws<CheckpointMismatchException>(() => store.EnsureSavedMatches(
            "warmup", new Dictionary<string, JsonNode?> { ["run.ranks"] = new JsonArray(4, 16) }));

        Assert.Equal(["run.ranks[1]: saved 8, now 16"], error.Differences);
        Assert.Equal(store.PhaseDirectory("warmup"), error.PhaseDirectory);
        Assert.Contains(store.PhaseDirectory("warmup"), error.Message);
        Assert.Contains("settings it was trained with", error.Message);
    }

    [Fact]
    public void LoadingAPartTheSavedConfigLacksNamesItAndAMissingConfigIsReported()
    {
        using var folder = new TempFolder();
        var store = new CheckpointStore(folder.Path);
        store.EnsureCompatible("p", Config(batch: 8, ranks: [4], condition: "Rain"));

        store.EnsureSavedMatches("p", new Dictionary<string, JsonNode?> { ["run.pretrained"] = null });
        var error = Assert.Throws<CheckpointMismatchException>(() => store.EnsureSavedMatches(
            "p", new Dictionary<string, JsonNode?> { ["run.pretrained"] = "w.pth" }));
        var missing = Assert.Throws<InvalidDataException>(() => store.EnsureSavedMatches(
            "never-ran", new Dictionary<string, JsonNode?> { ["run"] = null }));

        Assert.Equal(["run.pretrained: saved (absent), now \"w.pth\""], error.Differences);
        var config = Path.Combine(store.PhaseDirectory("never-ran"), CheckpointStore.ConfigFileName);
        Assert.Contains(config, missing.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("rain expert")]
    public void APhaseNameThatIsNotAPlainFolderNameIsRefused(string phase)
    {
        var store = new CheckpointStore(Path.GetTempPath());

        var error = Assert.Throws<ArgumentException>(() => store.PhaseDirectory(phase));

        Assert.Contains($"'{phase}'", error.Message);
    }

    [Fact]
    public void SaveAndLoadRestoreModuleOptimizerCountersAndRng()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        using var folder = new TempFolder();
        var store = new CheckpointStore(folder.Path);
        using var source = Net(seed: 1);
        using var sourceOptimizer = new AdamW(source.parameters(), lr: 0.01);
        Step(source, sourceOptimizer);
        var state = new TrainingState("p", 2, 3, 19, 7, 1.5);
        manual_seed(42);
        store.Save(state, source, sourceOptimizer);
        using var expectedDraw = rand(5);

        using var target = Net(seed: 2);
        using var targetOptimizer = new AdamW(target.parameters(), lr: 0.01);
        manual_seed(0);
        var loaded = store.TryLoad("p", target, targetOptimizer);
        using var draw = rand(5);

        Assert.Equal(state, loaded);
        Assert.Equal(state, store.ReadState("p"));
        Assert.True(draw.allclose(expectedDraw, rtol: 0, atol: 0), "the RNG state was not restored");
        Assert.True(Weights(source).SequenceEqual(Weights(target)));

        // Equal Adam moments make the next step identical too.
        Step(source, sourceOptimizer);
        Step(target, targetOptimizer);
        Assert.True(Weights(source).SequenceEqual(Weights(target)));
    }

    [Fact]
    public void ADamagedCheckpointGivesOneErrorNamingTheFile()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        using var folder = new TempFolder();
        var store = new CheckpointStore(folder.Path);
        var path = Path.Combine(store.PhaseDirectory("p"), CheckpointStore.CheckpointFileName);
        AtomicFile.WriteAllText(path, "not a checkpoint");
        using var net = Net(seed: 1);
        using var optimizer = new AdamW(net.parameters());

        var error = Assert.Throws<InvalidDataException>(() => store.TryLoad("p", net, optimizer));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void AModelOfAnotherShapeIsRefusedNamingTheFile()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        using var folder = new TempFolder();
        var store = new CheckpointStore(folder.Path);
        using var net = Net(seed: 1);
        using var optimizer = new AdamW(net.parameters());
        store.Save(TrainingState.Start("p", 1), net, optimizer);
        using var wider = nn.Sequential(nn.Linear(3, 5), nn.Tanh(), nn.Linear(5, 2));

        var error = Assert.Throws<InvalidDataException>(() => store.TryLoadModel("p", wider));

        Assert.Contains(CheckpointStore.CheckpointFileName, error.Message);
        Assert.Contains("does not fit this model", error.Message);
    }

    [Fact]
    public void NoCheckpointLoadsNothingAndRemovesAKilledWritersLeftover()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        using var folder = new TempFolder();
        var store = new CheckpointStore(folder.Path);
        var leftover = Path.Combine(store.PhaseDirectory("p"), $".{CheckpointStore.CheckpointFileName}.1f2e.tmp");
        Directory.CreateDirectory(store.PhaseDirectory("p"));
        File.WriteAllText(leftover, "half a checkpoint");
        using var net = Net(seed: 1);
        using var optimizer = new AdamW(net.parameters());

        Assert.Null(store.TryLoad("p", net, optimizer));
        Assert.False(File.Exists(leftover));
        Assert.Null(store.ReadState("p"));
        Assert.False(store.IsComplete("p"));
    }

    private static JsonObject Config(int batch, int[] ranks, string condition) => new()
    {
        ["trainer"] = new JsonObject { ["BatchSize"] = batch, ["Epochs"] = 3 },
        ["run"] = new JsonObject
        {
            ["ranks"] = new JsonArray([.. ranks.Select(r => (JsonNode?)r)]),
            ["condition"] = condition,
        },
    };

    private static nn.Module<Tensor, Tensor> Net(int seed)
    {
        var net = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2));
        using var generator = new Generator((ulong)seed);
        using (no_grad())
        {
            foreach (var p in net.parameters())
            {
                using var values = randn(p.shape, generator: generator);
                p.copy_(values);
            }
        }

        return net;
    }

    private static void Step(nn.Module<Tensor, Tensor> net, AdamW optimizer)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var x = arange(6, dtype: float32).reshape(2, 3); // (2, 3)
        net.call(x).square().mean().backward();
        optimizer.step();
    }

    private static float[] Weights(nn.Module net) =>
        [.. net.parameters().SelectMany(p => p.data<float>().ToArray())];
}
