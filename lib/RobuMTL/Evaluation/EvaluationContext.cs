using RobuMTL.Metrics;
using RobuMTL.Tasks;

namespace RobuMTL.Evaluation;

/// <summary>
/// Everything an <see cref="EvaluationRecord"/> says about the run except the task, metric and value: the harness
/// makes one per (method, images, routing) and turns each measured number into a row with it.
/// </summary>
/// <param name="Method">The model or ablation step.</param>
/// <param name="Scenario">How the images were degraded.</param>
/// <param name="Conditions">The conditions applied ("Rain+Fog", "Clean").</param>
/// <param name="Severity">Severity level 1..5, or null.</param>
/// <param name="Strength">Continuous strength in [0, 1], or null.</param>
/// <param name="Routing">How experts were chosen.</param>
/// <param name="TopK">Experts fused, or null without routing.</param>
public sealed record EvaluationContext(
    string Method,
    ScenarioKind Scenario,
    string Conditions,
    int? Severity = null,
    double? Strength = null,
    RoutingKind Routing = RoutingKind.None,
    int? TopK = null)
{
    /// <summary>One row: this context, a task (null for whole-model numbers), a metric and its value.</summary>
    public EvaluationRecord Record(TaskKind? task, MetricKind metric, double value) =>
        new(Method, Scenario, Conditions, Severity, Strength, Routing, TopK, task, metric, value);

    /// <summary>
    /// One row per named value of a task's metrics (keys mapped by <see cref="MetricKindExtensions.FromMetricName"/>).
    /// </summary>
    public IEnumerable<EvaluationRecord> Records(TaskMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics.Values.Select(v => Record(metrics.Task, MetricKindExtensions.FromMetricName(v.Key), v.Value));
    }
}
