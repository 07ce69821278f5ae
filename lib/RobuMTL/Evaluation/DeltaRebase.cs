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
    /// <exception cref="ArgumentException">The baseline has no rows, lacks a task another method has under a
    /// scenario, or has a zero primary value.</exception>
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
                var deltas = method.Select(r => Relative(r, reference, baseline)).ToList();
                var first = method.First();
                rebased.Add(first with { Task = null, Metric = MetricKind.DeltaM, Value = deltas.Average() });
            }
        }

        return rebased;
    }

    private static double Relative(EvaluationRecord row, Dictionary<Tasks.TaskKind, double> reference, string baseline)
    {
        if (!reference.TryGetValue(row.Task!.Value, out var b))
        {
            throw new ArgumentException(
                $"Baseline '{baseline}' has no {row.Task} row under {row.Scenario} {row.Conditions}.");
        }

        if (b == 0)
        {
            throw new ArgumentException($"Baseline '{baseline}' has {row.Task} = 0 under {row.Conditions}.");
        }

        var sign = row.Metric.LowerIsBetter() ? -1 : 1;
        return sign * 100 * (row.Value - b) / b;
    }
}
