using System.Diagnostics;
using RobuMTL.Checkpoints;
using RobuMTL.Tests.Checkpoints;
using RobuMTL.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Training;

[Collection(TorchRngCollection.Name)]
public sealed class TrainerTests
{
    private static readonly TrainerConfig Config = TinyRegression.Config;

    [Fact]
    public void LossFallsOnATinyRegression()
    {
        using var tiny = new TinyRegression(initSeed: 5);
        var records = new List<TrainingProgress>();

        var last = new Trainer(Config with { Epochs = 6, BaseLearningRate = 3.2, WarmupEpochs = 0.25 })
            .Run(tiny.Phase(), new InlineProgress<TrainingProgress>(records.Add));

        var epochs = records.Where(r => r.Kind == ProgressKind.EpochEnd).ToList();
        Assert.Equal(ProgressKind.PhaseComplete, last.Kind);
        Assert.Equal(48, last.Step);
        Assert.Equal(6, epochs.Count);
        Assert.Equal(48, records.Count(r => r.Kind == ProgressKind.Steps));
        Assert.True(epochs[^1].Loss < 0.3 * epochs[0].Loss, $"loss went from {epochs[0].Loss} to {epochs[^1].Loss}");
        Assert.True(epochs[^1].Parts["mse"] < 0.3 * epochs[0].Parts["mse"]);
        Assert.All(records, r => Assert.True(r.ImagesPerSecond > 0));
    }

    [Fact]
    public void ParametersOutsideTheTrainableSetDoNotChange()
    {
        using var tiny = new TinyRegression(initSeed: 5);
        var before = tiny.Snapshot();
        var outOnly = tiny.AllParameters.Where(p => p.Name.StartsWith("out.", StringComparison.Ordinal)).ToList();

        new Trainer(Config with { Epochs = 1 }).Run(tiny.Phase(trainable: outOnly));

        var after = tiny.Snapshot();
        Assert.True(tiny.Model.named_parameters().First(p => p.name == "hidden.weight").parameter.requires_grad);
        Assert.Equal(before["hidden.weight"], after["hidden.weight"]);
        Assert.Equal(before["hidden.bias"], after["hidden.bias"]);
        Assert.NotEqual(before["out.weight"], after["out.weight"]);
        Assert.NotEqual(before["out.bias"], after["out.bias"]);
    }

    [Fact]
    public void AFrozenParameterListedAsTrainableIsRefusedByName()
    {
        using var tiny = new TinyRegression(initSeed: 5);
        tiny.Model.named_parameters().First(p => p.name == "hidden.weight").parameter.requires_grad = false;

        var error = Assert.Throws<ArgumentException>(() => new Trainer(Config).Run(tiny.Phase()));

        Assert.Contains("'hidden.weight' is frozen", error.Message);
    }

    [Fact]
    public void ClippingBoundsTheTotalGradientNorm()
    {
        using var tiny = new TinyRegression(initSeed: 5);
        var records = new List<TrainingProgress>();
        var phase = tiny.Phase(step: b =>
        {
            var loss = tiny.Loss(b);
            return loss with { Total = loss.Total * 1000f };
        });

        new Trainer(Config with { Epochs = 1, GradientClipNorm = 0.1 })
            .Run(phase, new InlineProgress<TrainingProgress>(records.Add));

        // The last step's gradients stay on the parameters until the next step zeroes them.
        var squares = tiny.Model.parameters().Sum(p => p.grad!.square().sum().item<float>());
        Assert.InRange(Math.Sqrt(squares), 0.099, 0.1 + 1e-5);
        Assert.All(records.Where(r => r.Kind == ProgressKind.Steps), r => Assert.True(r.GradientNorm > 1.0));
    }

    [Fact]
    public void TheFirstUpdateMovesEachWeightByTheScheduledRate()
    {
        using var tiny = new TinyRegression(initSeed: 5);
        var before = tiny.Snapshot();
        var config = Config with { Epochs = 1, WeightDecay = 0 };
        var expected = config.Schedule(TinyRegression.BatchesPerEpoch).At(0);
        using var stop = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => new Trainer(config)
            .Run(tiny.Phase(), new InlineProgress<TrainingProgress>(_ => stop.Cancel()), stop.Token));

        // Adam's first step is rate * g / (|g| + eps): every weight with a real gradient moves by the rate.
        var after = tiny.Snapshot();
        var moves = before.Keys.SelectMany(k => before[k].Zip(after[k], (a, b) => Math.Abs(a - b))).ToList();
        Assert.Equal(0.001, expected, 12);
        Assert.InRange(moves.Max(), expected * 0.99, expected * 1.01);
        Assert.InRange(moves.Count(m => m > expected * 0.9), moves.Count - 2, moves.Count);
    }

    [Fact]
    public void RecordsCarryTheRateOfTheirStep()
    {
        using var tiny = new TinyRegression(initSeed: 5);
        var schedule = Config.Schedule(TinyRegression.BatchesPerEpoch);
        var records = new List<TrainingProgress>();

        new Trainer(Config).Run(tiny.Phase(), new InlineProgress<TrainingProgress>(records.Add));

        Assert.All(
            records.Where(r => r.Kind == ProgressKind.Steps),
            r => Assert.Equal(schedule.At(r.Step - 1), r.LearningRate, 15));
        Assert.Equal(0.001, schedule.At(0), 12);
        Assert.Equal(0.01, schedule.At(4), 12);
    }

    [Fact]
    public async Task RunAsyncStreamsTheSameRecords()
    {
        using var tiny = new TinyRegression(initSeed: 5);
        var records = new List<TrainingProgress>();

        await foreach (var record in new Trainer(Config with { Epochs = 1 }).RunAsync(tiny.Phase()))
        {
            records.Add(record);
        }

        Assert.Equal(8, records.Count(r => r.Kind == ProgressKind.Steps));
        Assert.Equal(ProgressKind.EpochEnd, records[^2].Kind);
        Assert.Equal(ProgressKind.PhaseComplete, records[^1].Kind);
    }

    [Fact]
    public void ResumeAfterACrashMatchesAnUninterruptedRun()
    {
        using var folder = new TempFolder();
        var expected = TrainUninterrupted(Path.Combine(folder.Path, "whole"));
        var store = new CheckpointStore(Path.Combine(folder.Path, "crashed"));

        using (var tiny = new TinyRegression(initSeed: 5))
        {
            var steps = 0;
            var phase = tiny.Phase(step: b => ++steps > 10 ? throw new IOException("simulated crash") : tiny.Loss(b));
            Assert.Throws<IOException>(() => new Trainer(Config, store).Run(phase));
        }

        var saved = store.ReadState("fit")!;
        Assert.Equal(new TrainingState("fit", 1, 1, 9, 11, saved.ElapsedSeconds), saved);
        Assert.False(store.IsComplete("fit"));

        // A different initialisation proves the weights come from the checkpoint.
        using var resumed = new TinyRegression(initSeed: 99);
        var last = new Trainer(Config, store).Run(resumed.Phase());

        Assert.Equal(ProgressKind.PhaseComplete, last.Kind);
        Assert.Equal(24, last.Step);
        AssertClose(expected, resumed.Snapshot(), 1e-6);
    }

    [Fact]
    public void ResumeAfterCancellationMatchesAnUninterruptedRun()
    {
        using var folder = new TempFolder();
        var expected = TrainUninterrupted(Path.Combine(folder.Path, "whole"));
        var store = new CheckpointStore(Path.Combine(folder.Path, "cancelled"));
        using var stop = new CancellationTokenSource();

        using (var tiny = new TinyRegression(initSeed: 5))
        {
            var progress = new InlineProgress<TrainingProgress>(p =>
            {
                if (p.Step == 7)
                {
                    stop.Cancel();
                }
            });
            Assert.ThrowsAny<OperationCanceledException>(
                () => new Trainer(Config, store).Run(tiny.Phase(), progress, stop.Token));
        }

        Assert.Equal(7, store.ReadState("fit")!.Step);

        using var resumed = new TinyRegression(initSeed: 99);
        var records = new List<TrainingProgress>();
        new Trainer(Config, store).Run(resumed.Phase(), new InlineProgress<TrainingProgress>(records.Add));

        Assert.Equal(8, records.First().Step);
        AssertClose(expected, resumed.Snapshot(), 1e-6);
    }

    [Fact]
    public void ACompletedPhaseIsSkippedAndItsWeightsAreLoaded()
    {
        using var folder = new TempFolder();
        var store = new CheckpointStore(folder.Path);
        Dictionary<string, float[]> trained;
        using (var tiny = new TinyRegression(initSeed: 5))
        {
            new Trainer(Config with { Epochs = 1 }, store).Run(tiny.Phase());
            trained = tiny.Snapshot();
        }

        using var fresh = new TinyRegression(initSeed: 99);
        var steps = 0;
        var again = new Trainer(Config with { Epochs = 1 }, store).Run(fresh.Phase(step: b =>
        {
            steps++;
            return fresh.Loss(b);
        }));

        Assert.True(store.IsComplete("fit"));
        Assert.Equal(ProgressKind.PhaseSkipped, again.Kind);
        Assert.Equal(0, steps);
        AssertClose(trained, fresh.Snapshot(), 0);
    }

    [Fact]
    public void ResumingWithADifferentConfigNamesTheField()
    {
        using var folder = new TempFolder();
        var store = new CheckpointStore(folder.Path);
        using var tiny = new TinyRegression(initSeed: 5);
        new Trainer(Config with { Epochs = 1 }, store).Run(tiny.Phase());

        var error = Assert.Throws<CheckpointMismatchException>(
            () => new Trainer(Config with { Epochs = 1, GradientClipNorm = 1.0 }, store).Run(tiny.Phase()));

        Assert.Contains("trainer.GradientClipNorm: saved 5, now 1", error.Message);
        Assert.Single(error.Differences);
        Assert.Contains(Path.Combine(folder.Path, "fit"), error.Message);
    }

    [Fact]
    public void ResumeAfterTheProcessIsKilledMatchesAnUninterruptedRun()
    {
        using var folder = new TempFolder();
        var expected = TrainUninterrupted(Path.Combine(folder.Path, "whole"));
        var root = Path.Combine(folder.Path, "killed");
        var store = new CheckpointStore(root);

        using (var child = StartChild(root))
        {
            // A hung child (for example libtorch failing to load) is killed after a minute.
            using var guard = new Timer(_ => child.Kill(entireProcessTree: true), null, 60_000, Timeout.Infinite);
            var line = child.StandardOutput.ReadLine();
            while (line is not null && line != "step 10")
            {
                line = child.StandardOutput.ReadLine();
            }

            child.Kill(entireProcessTree: true);
            child.WaitForExit();
            Assert.True(line == "step 10", $"the child ended early: {child.StandardError.ReadToEnd()}");
        }

        Assert.False(store.IsComplete("fit"));
        Assert.InRange(store.ReadState("fit")!.Step, 9, 23);

        using var resumed = new TinyRegression(initSeed: 99);
        var last = new Trainer(Config, store).Run(resumed.Phase());

        Assert.Equal(ProgressKind.PhaseComplete, last.Kind);
        AssertClose(expected, resumed.Snapshot(), 1e-6);
    }

    private static Process StartChild(string root)
    {
        // The SDK names its own host in DOTNET_HOST_PATH when it runs the tests.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ChildTrainingHost).Assembly.Location);
        start.ArgumentList.Add(ChildTrainingHost.Verb);
        start.ArgumentList.Add(root);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    private static Dictionary<string, float[]> TrainUninterrupted(string root)
    {
        using var tiny = new TinyRegression(initSeed: 5);
        var initial = tiny.Snapshot();
        new Trainer(Config, new CheckpointStore(root)).Run(tiny.Phase());
        var trained = tiny.Snapshot();
        Assert.True(MaxDifference(initial, trained) > 1e-3, "the reference run did not train");
        return trained;
    }

    private static void AssertClose(
        Dictionary<string, float[]> expected, Dictionary<string, float[]> actual, double tol)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        var difference = MaxDifference(expected, actual);
        Assert.True(difference <= tol, $"weights differ by {difference}");
    }

    private static double MaxDifference(Dictionary<string, float[]> a, Dictionary<string, float[]> b) =>
        a.Keys.SelectMany(k => a[k].Zip(b[k], (x, y) => (double)Math.Abs(x - y))).Max();
}
