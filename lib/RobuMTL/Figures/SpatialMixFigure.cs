using Plotly.NET;
using RobuMTL.Evaluation;
using RobuMTL.Tasks;

namespace RobuMTL.Figures;

/// <summary>Spatially mixed weather: each method's score when different regions carry different conditions.</summary>
public static class SpatialMixFigure
{
    /// <summary>
    /// Grouped bars over the <see cref="ScenarioKind.SpatialMix"/> rows of <paramref name="metric"/> (for
    /// <paramref name="task"/>, or whole-model rows when null), one group per condition layout, one series per method.
    /// </summary>
    /// <exception cref="ArgumentException">No row matches.</exception>
    public static GenericChart Build(
        EvaluationTable table,
        MetricKind metric = MetricKind.DeltaM,
        TaskKind? task = null,
        string title = "Spatially mixed weather")
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Records
            .Where(r => r.Scenario == ScenarioKind.SpatialMix && r.Metric == metric && r.Task == task)
            .ToList();
        if (rows.Count == 0)
        {
            throw new ArgumentException($"no spatially mixed rows of {metric} for task {task?.ToString() ?? "(all)"}");
        }

        var layouts = rows.Select(r => r.Conditions).Distinct().ToList();
        var methods = rows.Select(r => r.Method).Distinct().ToList();
        return GroupedBars.Chart(
            task is { } t ? $"{title}: {FigureText.Task(t)}" : title,
            layouts,
            methods,
            (layout, method) => GroupedBars.Mean(
                rows.Where(r => r.Conditions == layout && r.Method == method).Select(r => r.Value)),
            v => metric == MetricKind.DeltaM ? FigureText.Signed(v) : FigureText.Fixed(v),
            xTitle: "conditions per image region",
            yTitle: metric.AxisTitle());
    }
}
