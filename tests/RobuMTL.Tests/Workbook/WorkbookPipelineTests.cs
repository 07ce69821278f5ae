using RobuMTL.Core;
using RobuMTL.Evaluation;
using RobuMTL.Model;
using RobuMTL.Training;
using RobuMTL.Weather;
using RobuMTL.Workbook;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Workbook;

/// <summary>
/// Runs every phase of the workbook end to end on a micro profile (a handful of 32 px scenes) and checks the
/// paper's structural claims: experts train in isolation, the assembled model carries each expert's weights,
/// completed phases are skipped, and the evaluation grid has a row for every method, scenario and task.
/// </summary>
public sealed class WorkbookPipelineTests : IDisposable
{
    private readonly string runs = Path.Combine(Path.GetTempPath(), $"robumtl-runs-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(runs))
        {
            Directory.Delete(runs, recursive: true);
        }
    }

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.allclose(b, rtol: 0, atol: 0);


    [Fact]
    public async Task EveryPhaseRunsAndTheAssembledModelHoldsIsolatedExperts()
    {
        var session = WorkbookSession.Open(PhaseRuns.Micro, start: AppContext.BaseDirectory, runsRoot: runs);
        var training = new WorkbookTraining(session);

        Assert.Equal(ProgressKind.PhaseComplete, (await PhaseRuns.Drain(training.CleanMtl())).Kind);
        await PhaseRuns.Drain(training.Warmup());
        using var warm = training.LoadModel(WorkbookPhase.Warmup);
        await PhaseRuns.Drain(training.Expert(WeatherCondition.Rain));
        await PhaseRuns.Drain(training.Expert(WeatherCondition.Fog));
        await PhaseRuns.Drain(training.Selector());

        using var rain = training.LoadModel(WorkbookPhase.Expert, WeatherCondition.Rain);
        var rainNames = rain.ExpertParameterNames(WeatherCondition.Rain);
        var warmState = warm.state_dict();
        var rainState = rain.state_dict();
        foreach (var (name, tensor) in rainState)
        {
            var same = Same(tensor, warmState[name]);
            if (rainNames.Contains(name))
            {
                continue;
            }

            Assert.True(same, $"'{name}' changed while only the rain expert was training");
        }

        Assert.Contains(rainNames, n => !Same(rainState[n], warmState[n]) && n.Contains("B", StringComparison.Ordinal));

        var missing = new List<WeatherCondition>();
        using var assembled = training.Assemble(ModelVariant.RobuMtl, missing);
        Assert.Equal([WeatherCondition.Snow, WeatherCondition.Noise, WeatherCondition.Blur], missing);
        var assembledState = assembled.state_dict();
        Assert.All(rainNames, n => Assert.True(Same(assembledState[n], rainState[n]), n));

        // The fog expert as if trained on another machine: only its experts/fog.* files are here.
        using var fog = training.LoadModel(WorkbookPhase.Expert, WeatherCondition.Fog);
        Assert.True(File.Exists(Path.Combine(training.ExpertsFolder, "fog.json")));
        Directory.Move(
            session.Checkpoints.PhaseDirectory("expert-fog"), session.Checkpoints.PhaseDirectory("fog-elsewhere"));
        var stillMissing = new List<WeatherCondition>();
        using (var combined = training.Assemble(ModelVariant.RobuMtl, stillMissing))
        {
            Assert.Equal(missing, stillMissing);
            var combinedState = combined.state_dict();
            var fogState = fog.state_dict();
            var fogNames = fog.ExpertParameterNames(WeatherCondition.Fog);
            Assert.Contains(fogNames, n => !Same(fogState[n], warmState[n]));
            Assert.All(fogNames, n => Assert.True(Same(combinedState[n], fogState[n]), n));
        }

        Assert.Equal(ProgressKind.PhaseSkipped, (await PhaseRuns.Drain(training.Warmup())).Kind);
        await PhaseRuns.Drain(training.Squads());
        await PhaseRuns.Drain(training.MixedMtl());
        await PhaseRuns.Drain(training.SharedLora());

        var evaluation = new WorkbookEvaluation(session);
        var scenarios = new[] { EvaluationScenario.Clean, EvaluationScenario.Single(WeatherCondition.Rain, 3) };
        using var clean = training.LoadModel(WorkbookPhase.CleanMtl);
        using var plus = training.Assemble(ModelVariant.RobuMtlPlus);
        var table = evaluation.RunGrid(
            [
                new EvaluatedMethod("MTL", clean, RoutingPolicy.Top1),
                new EvaluatedMethod("RobuMTL", assembled, RoutingPolicy.Top1),
                new EvaluatedMethod("RobuMTL oracle", assembled, RoutingPolicy.Oracle),
                new EvaluatedMethod("RobuMTL+", plus, RoutingPolicy.TopK(6)),
            ],
            scenarios,
            baseline: "MTL");

        foreach (var method in new[] { "MTL", "RobuMTL", "RobuMTL oracle", "RobuMTL+" })
        {
            foreach (var scenario in scenarios)
            {
                var rows = table.Records.Where(r => r.Method == method && r.Conditions == scenario.Conditions).ToList();
                Assert.Equal(6, rows.Where(r => r.Task is not null).Select(r => r.Task).Distinct().Count());
                Assert.Single(rows, r => r.Metric == MetricKind.DeltaM);
            }
        }

        var baselineDelta = table.Records.Where(r => r.Method == "MTL" && r.Metric == MetricKind.DeltaM);
        Assert.All(baselineDelta, r => Assert.Equal(0.0, r.Value, 9));
        Assert.Contains(table.Records, r => r.Method == "RobuMTL" && r.Metric == MetricKind.Accuracy);
    }
}
