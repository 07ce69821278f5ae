namespace RobuMTL.Evaluation;

/// <summary>
/// delta_m of every method against another baseline, recomputed from the per-task primary-metric rows a table
/// already holds (the grid stores delta_m against one baseline only).
/// </summary>
public static class DeltaRebase
{
    /// <summary>
    /// One whole-model <see cref="MetricKind.DeltaM"/> row per (method, scenario) that has primary-metric rows,
    /// in percent: the mean over tasks of s_t * 100 * (M_t - M_t,base) / M_t,base, with <paramref name="baseline"/>'s
    /// rows under the same scenario as M_base.
    /// </summary>
    /// <remarks>A task whose baseline value is 0 is left out of the mean (no relative change exists).</remarks>
    /// <exception cref="ArgumentException">The baseline has no rows, or lacks a task another method has under a
    /// scenario.</exception>
    public static EvaluationTable Against(EvaluationTable table, string baseline)
    {
        ArgumentNullException.ThrowIfNull(table);
        var primary = table.Records.Where(r => r.Task is { } t && r.Metric == t.PrimaryMetric()).ToList();
        if (!primary.Any(r => r.Method == baseline))
        {
            throw new ArgumentException(
                $"Baseline '{baseline}' has no task rows; methods are [{string.Join(", ", table.Methods)}].");
        }

        var rebased = new EvaluationTable();
        foreach (var scenario in primary.GroupBy(r => (r.Scenario, r.Conditions, r.Severity, r.Strength)))
        {
            var reference = scenario.Where(r => r.Method == baseline).ToDictionary(r => r.Task!.Value, r => r.Value);
            foreach (var method in scenario.GroupBy(r => r.Method))
            {
                var deltas = method.Select(r => Relative(r, reference, baseline)).OfType<double>().ToList();
                if (deltas.Count > 0)
                {
                    var delta = deltas.Average();
                    rebased.Add(method.First() with { Task = null, Metric = MetricKind.DeltaM, Value = delta });
                }
            }
        }

        return rebased;
    }

    private static double? Relative(EvaluationRecord row, Dictionary<Tasks.TaskKind, double> reference, string baseline)
    {
        if (!reference.TryGetValue(row.Task!.Value, out var b))
        {
            throw new ArgumentException(
                $"Baseline '{baseline}' has no {row.Task} row under {row.Scenario} {row.Conditions}.");
        }

        // A zero baseline has no relative change: the task is left out, as WorkbookEvaluation.Records does.
        if (b == 0)
        {
            return null;
        }

        var sign = row.Metric.LowerIsBetter() ? -1 : 1;
        return sign * 100 * (row.Value - b) / b;
    }
}
