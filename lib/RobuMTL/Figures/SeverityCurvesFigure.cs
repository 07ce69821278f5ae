using Plotly.NET;
using RobuMTL.Evaluation;
using RobuMTL.Tasks;

namespace RobuMTL.Figures;

/// <summary>Continuous-severity curves: each method's score as one condition grows stronger, a panel per condition.</summary>
public static class SeverityCurvesFigure
{
    /// <summary>
    /// Reads the <see cref="ScenarioKind.Sweep"/> rows of <paramref name="metric"/> (for <paramref name="task"/>, or
    /// whole-model rows when null). x is the continuous strength when the rows carry one, else the severity level.
    /// </summary>
    /// <exception cref="ArgumentException">No row matches, or a row has neither strength nor severity.</exception>
    public static GenericChart Build(
        EvaluationTable table,
        MetricKind metric = MetricKind.DeltaM,
        TaskKind? task = null,
        string title = "Robustness as severity grows")
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Records
            .Where(r => r.Scenario == ScenarioKind.Sweep && r.Metric == metric && r.Task == task)
            .ToList();
        if (rows.Count == 0)
        {
            throw new ArgumentException($"no sweep rows of {metric} for task {task?.ToString() ?? "(all)"}");
        }

        var byStrength = rows.All(r => r.Strength is not null);
        double X(EvaluationRecord r) => byStrength
            ? r.Strength!.Value
            : r.Severity ?? throw new ArgumentException(
                $"sweep row of {r.Method} under {r.Conditions} has neither strength nor severity");

        var conditions = rows.Select(r => r.Conditions).Distinct().ToList();
        var methods = rows.Select(r => r.Method).Distinct().ToList();
        var grid = SubplotGrid.For(conditions.Count, maxColumns: 3, verticalGap: 0.16);
        var traces = new List<Trace>();
        for (var cell = 0; cell < conditions.Count; cell++)
        {
            for (var m = 0; m < methods.Count; m++)
            {
                var points = rows
                    .Where(r => r.Conditions == conditions[cell] && r.Method == methods[m])
                    .Select(r => (X(r), r.Value))
                    .ToList();
                if (points.Count > 0)
                {
                    var (x, y) = LineSeries.MeanByX(points);
                    traces.Add(LineSeries.Trace(
                        methods[m], x, y, PlotlyParts.Color(m),
                        (SubplotGrid.XAxis(cell), SubplotGrid.YAxis(cell)), showLegend: cell == 0));
                }
            }
        }

        var layout = PlotlyParts.Layout(
            task is { } t ? $"{title}: {FigureText.Task(t)}" : title, 180 + (460 * grid.Columns), 80 + (400 * grid.Rows));
        PlotlyParts.UseSideLegend(layout);
        grid.Apply(
            layout,
            conditions,
            _ => PlotlyParts.Axis(byStrength ? "strength (0 = clean, 1 = strongest)" : "severity (level 1–5)"),
            _ => PlotlyParts.Axis(metric.AxisTitle()));
        return PlotlyParts.Chart(traces, layout);
    }
}
