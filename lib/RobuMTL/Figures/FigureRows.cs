using RobuMTL.Evaluation;
using RobuMTL.Tasks;

namespace RobuMTL.Figures;

/// <summary>Selects the rows a figure draws and fails with one clear message when there are none.</summary>
internal static class FigureRows
{
    /// <summary>
    /// The rows of one scenario and metric, for <paramref name="task"/> or (when null) the whole-model rows.
    /// </summary>
    /// <exception cref="ArgumentException">No row matches; the message names scenario, metric and task.</exception>
    public static List<EvaluationRecord> Of(
        EvaluationTable table,
        ScenarioKind scenario,
        MetricKind metric,
        TaskKind? task)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Records
            .Where(r => r.Scenario == scenario && r.Metric == metric && r.Task == task)
            .ToList();
        return rows.Count > 0
            ? rows
            : throw new ArgumentException(
                $"no {scenario} rows of {metric} for task {task?.ToString() ?? "(whole model)"} in the table");
    }
}
