using RobuMTL.Core;
using RobuMTL.Data;
using RobuMTL.Evaluation;
using RobuMTL.Figures;
using RobuMTL.Tests.Training;
using RobuMTL.Weather;
using RobuMTL.Workbook;

namespace RobuMTL.Tests.Workbook;

/// <summary>
/// The evaluation harness's standard grid and methods, and one external folder scored end to end on a micro
/// profile (every phase trained for one epoch on a handful of 32 px scenes, as in the pipeline test).
/// </summary>
[Collection(TorchRngCollection.Name)]
public sealed class WorkbookEvaluationTests
{
    [Theory]
    [InlineData(ProfileKind.Smoke, 1, 1, 1, 2)]
    [InlineData(ProfileKind.Quick, 3, 6, 2, 12)]
    [InlineData(ProfileKind.Paper, 5, 6, 2, 12)]
    public void StandardScenariosCountEveryKindPerProfile(
        ProfileKind kind, int severities, int mixed, int spatial, int sweep)
    {
        var profile = RunProfile.For(kind);

        var scenarios = WorkbookEvaluation.StandardScenarios(profile);

        Assert.Equal(severities, profile.EvalSeverities.Count);
        var counts = scenarios.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, counts[ScenarioKind.Clean]);
        Assert.Equal(WorkbookTraining.WeatherExperts.Count * severities, counts[ScenarioKind.Single]);
        Assert.Equal(mixed, counts[ScenarioKind.Mixed]);
        Assert.Equal(spatial, counts[ScenarioKind.SpatialMix]);
        Assert.Equal(sweep, counts[ScenarioKind.Sweep]);

        // Every swept strength lies strictly between two ImageNet-C levels (level L is (L - 1) / 4).
        Assert.All(scenarios.Where(s => s.Kind == ScenarioKind.Sweep), s =>
            Assert.NotEqual(0, (s.Strength!.Value * 4) % 1, 9));
    }

    [Fact]
    public async Task StandardMethodsNameTheRungsAndAnExternalFolderIsScored()
    {
        using var runs = new TempFolder();
        using var folder = new TempFolder();
        var session = WorkbookSession.Open(
            PhaseRuns.Micro, start: AppContext.BaseDirectory, runsRoot: runs.Path);
        var training = new WorkbookTraining(session);
        await PhaseRuns.Drain(training.CleanMtl());
        await PhaseRuns.Drain(training.Warmup());
        foreach (var condition in WorkbookTraining.WeatherExperts)
        {
            await PhaseRuns.Drain(training.Expert(condition));
        }

        await PhaseRuns.Drain(training.Selector());
        await PhaseRuns.Drain(training.Squads());
        await PhaseRuns.Drain(training.MixedMtl());
        await PhaseRuns.Drain(training.SharedLora());

        var methods = WorkbookEvaluation.StandardMethods(training);
        try
        {
            var names = methods.Select(m => m.Name).ToList();
            Assert.Equal(names.Count, names.Distinct().Count());
            Assert.All(Enum.GetNames<AblationStep>(), step => Assert.Contains(step, names));
            Assert.Equal(WorkbookEvaluation.StandardBaseline, names[0]);

            ExternalImagesDataset.ExportImages(session.Validation, folder.Path);
            var split = new ExternalImagesDataset(session.Validation, folder.Path);
            var evaluation = new WorkbookEvaluation(session);
            IReadOnlyList<EvaluationRecord> Score(WeatherCondition? condition)
            {
                using var data = evaluation.Prepare(EvaluationScenario.External("exported", condition), split);
                return evaluation.RunScenario(methods, data, WorkbookEvaluation.StandardBaseline);
            }

            var known = Score(WeatherCondition.Fog);
            var unknown = Score(null);

            Assert.All(known.Concat(unknown), r => Assert.Equal(ScenarioKind.External, r.Scenario));
            var baselineDelta = Assert.Single(
                known, r => r.Method == WorkbookEvaluation.StandardBaseline && r.Metric == MetricKind.DeltaM);
            Assert.Equal(0, baselineDelta.Value, 9);
            // The ablation rungs are read under single perturbations only, so an external folder skips them.
            Assert.All(methods.Where(m => Enum.TryParse<AblationStep>(m.Name, out _)), m =>
            {
                Assert.Equal(ScenarioKind.Single, m.OnlyUnder);
                Assert.DoesNotContain(known, r => r.Method == m.Name);
            });
            var everywhere = methods.Count(m => m.OnlyUnder is null);
            Assert.Equal(names.Count - Enum.GetNames<AblationStep>().Length, everywhere);
            Assert.Equal(everywhere, known.Count(r => r.Metric == MetricKind.DeltaM));
            Assert.Equal(everywhere, known.Count(r => r.Metric == MetricKind.LatencyMs));

            // The selector is scored only against a known condition, and only for methods that route by it.
            var accuracy = known.Where(r => r.Metric == MetricKind.Accuracy).ToList();
            Assert.Contains(accuracy, r => r.Method == "RobuMTL top-1");
            Assert.DoesNotContain(accuracy, r => r.Method == WorkbookEvaluation.StandardBaseline);
            Assert.All(accuracy, r => Assert.InRange(r.Value, 0, 100));
            Assert.DoesNotContain(unknown, r => r.Metric == MetricKind.Accuracy);
            Assert.Equal(everywhere, unknown.Count(r => r.Metric == MetricKind.DeltaM));
        }
        finally
        {
            foreach (var model in methods.Select(m => m.Model).Distinct())
            {
                model.Dispose();
            }
        }
    }
}
