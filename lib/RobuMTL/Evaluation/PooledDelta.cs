using RobuMTL.Tasks;

namespace RobuMTL.Evaluation;

/// <summary>
/// delta_m of a method over a group of scenarios (every single perturbation, say), from the table's task rows:
/// each task's primary metric is averaged over the scenarios, for the method and for the baseline under the same
/// scenarios, and delta_m is taken once between those two sets of means. In percent, positive is better.
/// </summary>
/// <remarks>
/// This is the number every claim, summary table and ladder of the workbook reports, rather than the mean of the
/// per-scenario delta_m rows the grid also stores. A relative change divides by the baseline's metric, and under
/// heavy weather on a few dozen evaluation scenes that metric can be close to 0 (clean MTL's saliency mIoU under
/// Fog level 5 measured 0.004 and 0.03 on 48 scenes, on two CPUs): one scenario's ratio then outweighs all the
/// others together. The paper scores one perturbed test set per task, which pooling the metric first resembles more
/// closely. It is still an approximation of that: a mean of per-scenario mIoUs is not the mIoU over the union of
/// their images.
/// </remarks>
public static class PooledDelta
{
    /// <summary>
    /// delta_m of <paramref name="method"/> against <paramref name="baseline"/> over the scenarios whose rows
    /// match <paramref name="where"/>; null when either has no primary-metric row there. A task whose pooled
    /// baseline value is 0 has no relative change and is left out of the mean over tasks.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The method has a task row under a scenario where the baseline has none for that task (the two were not
    /// evaluated on the same images); the message names the scenario.
    /// </exception>
    public static double? Of(
        EvaluationTable table, string method, string baseline, Func<EvaluationRecord, bool> where)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(where);
        var rows = table.Records.Where(r => IsPrimary(r) && where(r)).ToList();
        var reference = rows.Where(r => r.Method == baseline)
            .GroupBy(r => (Scenario: ScenarioOf(r), Task: r.Task!.Value))
            .ToDictionary(g => g.Key, g => g.Average(r => r.Value));
        var measured = rows.Where(r => r.Method == method).ToList();
        if (reference.Count == 0 || measured.Count == 0)
        {
            return null;
        }

        var tasks = measured.GroupBy(r => r.Task!.Value).ToList();
        return Between(
            tasks.ToDictionary(task => task.Key, task => task.Average(r => r.Value)),
            tasks.ToDictionary(task => task.Key, task => task.Average(ReferenceOf)));

        double ReferenceOf(EvaluationRecord row) =>
            reference.TryGetValue((ScenarioOf(row), row.Task!.Value), out var value)
                ? value
                : throw new ArgumentException(
                    $"'{baseline}' has no {row.Task} row under {row.Scenario} {row.Conditions} (severity "
                    + $"{row.Severity?.ToString() ?? "-"}, strength {row.Strength?.ToString() ?? "-"}), where "
                    + $"'{method}' has one; evaluate both methods on the same scenarios.");
    }

    /// <summary>
    /// delta_m of <paramref name="method"/> against <paramref name="baseline"/> over the scenarios of one kind.
    /// </summary>
    public static double? Of(EvaluationTable table, string method, string baseline, ScenarioKind kind) =>
        Of(table, method, baseline, r => r.Scenario == kind);

    /// <summary>
    /// Each task's primary metric averaged over <paramref name="records"/> (rows of other metrics, and rows without
    /// a task, are skipped): the means <see cref="Between"/> compares.
    /// </summary>
    public static Dictionary<TaskKind, double> TaskMeans(IEnumerable<EvaluationRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Where(IsPrimary)
            .GroupBy(r => r.Task!.Value)
            .ToDictionary(g => g.Key, g => g.Average(r => r.Value));
    }

    /// <summary>
    /// delta_m between two sets of per-task primary-metric means: over the tasks of <paramref name="means"/> that
    /// <paramref name="reference"/> also holds with a value other than 0, the mean of each task's signed relative
    /// change (percent, positive is better); null when no task qualifies. The last step of every <c>Of</c>, and
    /// on its own the comparison of one method across two scenario kinds (its clean means against its weather ones).
    /// </summary>
    public static double? Between(
        IReadOnlyDictionary<TaskKind, double> means, IReadOnlyDictionary<TaskKind, double> reference)
    {
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(reference);
        var changes = means
            .Where(kv => reference.TryGetValue(kv.Key, out var r) && r != 0)
            .Select(kv => (kv.Key.PrimaryMetric().LowerIsBetter() ? -100.0 : 100.0)
                * (kv.Value - reference[kv.Key]) / reference[kv.Key])
            .ToList();
        return changes.Count == 0 ? null : changes.Average();
    }

    private static bool IsPrimary(EvaluationRecord row) => row.Task is { } t && row.Metric == t.PrimaryMetric();

    private static (ScenarioKind, string, int?, double?) ScenarioOf(EvaluationRecord row) =>
        (row.Scenario, row.Conditions, row.Severity, row.Strength);
}
