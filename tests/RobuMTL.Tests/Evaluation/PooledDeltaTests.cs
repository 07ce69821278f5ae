using RobuMTL.Evaluation;
using RobuMTL.Tasks;

namespace RobuMTL.Tests.Evaluation;

public sealed class PooledDeltaTests
{
    private static EvaluationRecord Row(string method, string conditions, int? severity, TaskKind task, double value) =>
        new(method, conditions == "Clean" ? ScenarioKind.Clean : ScenarioKind.Single, conditions, severity, null,
            RoutingKind.None, null, task, task.PrimaryMetric(), value);

    /// <summary>
    /// Baseline B and method A under clean images and two fog levels. Under Fog level 5 B's segmentation nearly
    /// vanishes (0.1), so A's per-scenario delta_m there is huge while the pooled one stays moderate.
    /// </summary>
    private static EvaluationTable Table() => new(
    [
        Row("B", "Clean", null, TaskKind.SemanticSegmentation, 50),
        Row("B", "Clean", null, TaskKind.Normals, 20),
        Row("A", "Clean", null, TaskKind.SemanticSegmentation, 40),
        Row("A", "Clean", null, TaskKind.Normals, 25),
        Row("B", "Fog", 1, TaskKind.SemanticSegmentation, 39.9),
        Row("B", "Fog", 1, TaskKind.Normals, 30),
        Row("B", "Fog", 5, TaskKind.SemanticSegmentation, 0.1),
        Row("B", "Fog", 5, TaskKind.Normals, 50),
        Row("A", "Fog", 1, TaskKind.SemanticSegmentation, 30),
        Row("A", "Fog", 1, TaskKind.Normals, 30),
        Row("A", "Fog", 5, TaskKind.SemanticSegmentation, 10),
        Row("A", "Fog", 5, TaskKind.Normals, 30),
        new("A", ScenarioKind.Single, "Fog", 5, null, RoutingKind.None, null, null, MetricKind.DeltaM, 4970),
    ]);

    [Fact]
    public void AveragesEachTaskOverTheScenariosBeforeTheRelativeChange()
    {
        // Segmentation: A 20 against B 20 (0 %); normals error: A 30 against B 40 (+25 % after the sign flip).
        var delta = PooledDelta.Of(Table(), "A", "B", ScenarioKind.Single);

        Assert.Equal(12.5, delta!.Value, 9);
    }

    [Fact]
    public void OneScenarioWithANearZeroBaselineDoesNotDominate()
    {
        var perScenario = new[] { 1, 5 }
            .Select(level => PooledDelta.Of(Table(), "A", "B", r => r.Severity == level)!.Value)
            .ToList();

        Assert.True(perScenario.Average() > 2000, $"per-scenario mean {perScenario.Average()}");
        Assert.InRange(PooledDelta.Of(Table(), "A", "B", ScenarioKind.Single)!.Value, -50, 50);
    }

    [Fact]
    public void TheFilterPicksTheScenariosAndLowerIsBetterFlipsTheSign()
    {
        // Clean: segmentation 40 vs 50 (-20 %), normals error 25 vs 20 (-25 %): mean -22.5 %.
        Assert.Equal(-22.5, PooledDelta.Of(Table(), "A", "B", ScenarioKind.Clean)!.Value, 9);
        Assert.Equal(0, PooledDelta.Of(Table(), "B", "B", _ => true)!.Value, 9);
    }

    [Fact]
    public void MissingMethodOrBaselineIsNullNotZero()
    {
        Assert.Null(PooledDelta.Of(Table(), "C", "B", ScenarioKind.Single));
        Assert.Null(PooledDelta.Of(Table(), "A", "C", ScenarioKind.Single));
        Assert.Null(PooledDelta.Of(Table(), "A", "B", ScenarioKind.Mixed));
    }

    [Fact]
    public void ATaskWithAZeroPooledBaselineIsLeftOut()
    {
        var table = new EvaluationTable(Table().Records.Append(Row("B", "Clean", null, TaskKind.Edges, 0))
            .Append(Row("A", "Clean", null, TaskKind.Edges, 30)));

        Assert.Equal(-22.5, PooledDelta.Of(table, "A", "B", ScenarioKind.Clean)!.Value, 9);
    }

    [Fact]
    public void AScenarioTheBaselineLacksIsNamedInTheError()
    {
        var table = new EvaluationTable(Table().Records.Append(Row("A", "Rain", 3, TaskKind.Normals, 30)));

        var error = Assert.Throws<ArgumentException>(() => PooledDelta.Of(table, "A", "B", ScenarioKind.Single));

        Assert.Contains("'B' has no Normals row under Single Rain (severity 3", error.Message);
    }

    [Fact]
    public void TaskMeansAveragesEachTasksPrimaryMetricAndSkipsOtherRows()
    {
        var records = Table().Records.Where(r => r.Method == "A" && r.Scenario == ScenarioKind.Single).ToList();
        records.Add(new("A", ScenarioKind.Single, "Fog", 1, null, RoutingKind.None, null, TaskKind.Saliency,
            MetricKind.MaxF, 80));

        var means = PooledDelta.TaskMeans(records);

        Assert.Equal([TaskKind.SemanticSegmentation, TaskKind.Normals], means.Keys.Order());
        Assert.Equal(20, means[TaskKind.SemanticSegmentation], 9);
        Assert.Equal(30, means[TaskKind.Normals], 9);
    }

    [Fact]
    public void BetweenComparesTheTasksBothMapsHoldWithANonZeroReference()
    {
        var means = new Dictionary<TaskKind, double>
        {
            [TaskKind.SemanticSegmentation] = 30,
            [TaskKind.Normals] = 30,
            [TaskKind.Edges] = 5,
            [TaskKind.Depth] = 2,
        };
        var reference = new Dictionary<TaskKind, double>
        {
            [TaskKind.SemanticSegmentation] = 40,
            [TaskKind.Normals] = 20,
            [TaskKind.Edges] = 0,
        };

        // Segmentation -25 %, normals error 30 against 20 is -50 % after the sign flip; edges (reference 0) and
        // depth (no reference) are left out.
        Assert.Equal(-37.5, PooledDelta.Between(means, reference)!.Value, 9);
        Assert.Null(PooledDelta.Between(means, new Dictionary<TaskKind, double> { [TaskKind.Edges] = 0 }));
    }
}
