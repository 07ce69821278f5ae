using RobuMTL.Evaluation;
using RobuMTL.Tasks;

namespace RobuMTL.Tests.Evaluation;

public sealed class DeltaRebaseTests
{
    private static EvaluationRecord Row(
        string method, string conditions, TaskKind? task, MetricKind metric, double v) =>
        new(method, conditions == "Clean" ? ScenarioKind.Clean : ScenarioKind.Single, conditions, null, null,
            RoutingKind.None, null, task, metric, v);

    private static EvaluationTable Table() => new(
    [
        Row("A", "Clean", TaskKind.SemanticSegmentation, MetricKind.MeanIoU, 40),
        Row("A", "Clean", TaskKind.Normals, MetricKind.MeanAngularError, 25),
        Row("A", "Clean", TaskKind.Saliency, MetricKind.MaxF, 99),
        Row("B", "Clean", TaskKind.SemanticSegmentation, MetricKind.MeanIoU, 50),
        Row("B", "Clean", TaskKind.Normals, MetricKind.MeanAngularError, 20),
        Row("B", "Clean", TaskKind.Saliency, MetricKind.MaxF, 1),
        Row("B", "Clean", null, MetricKind.LatencyMs, 3),
        Row("A", "Fog", TaskKind.SemanticSegmentation, MetricKind.MeanIoU, 20),
        Row("A", "Fog", TaskKind.Normals, MetricKind.MeanAngularError, 40),
        Row("B", "Fog", TaskKind.SemanticSegmentation, MetricKind.MeanIoU, 10),
        Row("B", "Fog", TaskKind.Normals, MetricKind.MeanAngularError, 40),
        Row("A", "Fog", TaskKind.Edges, MetricKind.EdgeF, 0),
        Row("B", "Fog", TaskKind.Edges, MetricKind.EdgeF, 7),
    ]);

    [Fact]
    public void DeltaIsTheMeanSignedRelativeChangeOfPrimaryMetricsPerScenario()
    {
        var rebased = DeltaRebase.Against(Table(), "A");

        Assert.All(rebased.Records, r => Assert.Equal(MetricKind.DeltaM, r.Metric));
        Assert.Equal(4, rebased.Count);
        var value = rebased.Records.ToDictionary(r => (r.Method, r.Conditions), r => r.Value);
        Assert.Equal(0.0, value[("A", "Clean")], 9);
        Assert.Equal((25.0 + 20.0) / 2, value[("B", "Clean")], 9);      // mIoU +25 %, angle error -20 % is +20
        Assert.Equal(-25.0, value[("B", "Fog")], 9);        // mIoU -50 %, angle unchanged, edges (base 0) left out
    }

    [Fact]
    public void AnUnknownBaselineIsNamedInTheError()
    {
        var error = Assert.Throws<ArgumentException>(() => DeltaRebase.Against(Table(), "C"));
        Assert.Contains("'C'", error.Message, StringComparison.Ordinal);
        Assert.Contains("A, B", error.Message, StringComparison.Ordinal);
    }
}
