using Plotly.NET;
using RobuMTL.Evaluation;
using RobuMTL.Tasks;

namespace RobuMTL.Figures;

/// <summary>
/// Continuous-severity curves: each method's score as one condition grows stronger, a panel per condition.
/// </summary>
/// <remarks>
/// Strength is <see cref="Weather.WeatherSeverity.Value"/>: 0 is level 1 (the mildest weather, not clean
/// images) and 1 is level 5, with level L at (L - 1) / 4; strengths between levels interpolate the ImageNet-C
/// tables and shift the imgaug draw windows. Clean images therefore sit off that scale: when the table has
/// clean rows for the same metric, each method's clean score is drawn as an unconnected diamond at an x left of
/// strength 0 labelled "clean", read from the grid's clean scenario rather than from an extra evaluation.
/// </remarks>
public static class SeverityCurvesFigure
{
    /// <summary>Where the clean anchor sits on the strength axis (left of level 1 at 0).</summary>
    public const double CleanX = -0.2;

    /// <summary>
    /// Reads the <see cref="ScenarioKind.Sweep"/> rows of <paramref name="metric"/> (for <paramref name="task"/>, or
    /// whole-model rows when null). x is the continuous strength when the rows carry one, else the severity level.
    /// With strengths, each method's <see cref="ScenarioKind.Clean"/> row (when present) is added at
    /// <see cref="CleanX"/> as a separate marker-only trace.
    /// </summary>
    /// <exception cref="ArgumentException">No row matches, or a row has neither strength nor severity.</exception>
    public static GenericChart Build(
        EvaluationTable table,
        MetricKind metric = MetricKind.DeltaM,
        TaskKind? task = null,
        string title = "Robustness as severity grows")
    {
        var rows = FigureRows.Of(table, ScenarioKind.Sweep, metric, task);

        var byStrength = rows.All(r => r.Strength is not null);
        double X(EvaluationRecord r) => byStrength
            ? r.Strength!.Value
            : r.Severity ?? throw new ArgumentException(
                $"sweep row of {r.Method} under {r.Conditions} has neither strength nor severity");

        var conditions = rows.Select(r => r.Conditions).Distinct().ToList();
        var methods = rows.Select(r => r.Method).Distinct().ToList();
        var clean = byStrength
            ? table.Records
                .Where(r => r.Scenario == ScenarioKind.Clean && r.Metric == metric && r.Task == task)
                .GroupBy(r => r.Method)
                .ToDictionary(g => g.Key, g => g.Average(r => r.Value))
            : [];
        var grid = SubplotGrid.For(conditions.Count, maxColumns: 3, verticalGap: 0.16);
        var traces = new List<Trace>();
        for (var cell = 0; cell < conditions.Count; cell++)
        {
            var axes = (SubplotGrid.XAxis(cell), SubplotGrid.YAxis(cell));
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
                        methods[m], x, y, PlotlyParts.Color(m), axes, showLegend: cell == 0));
                }

                if (points.Count > 0 && clean.TryGetValue(methods[m], out var cleanValue))
                {
                    traces.Add(CleanAnchor(methods[m], cleanValue, PlotlyParts.Color(m), axes));
                }
            }
        }

        var layout = PlotlyParts.Layout(
            task is { } t ? $"{title}: {FigureText.Task(t)}" : title,
            width: 180 + (460 * grid.Columns),
            height: 80 + (400 * grid.Rows));
        PlotlyParts.UseSideLegend(layout);
        grid.Apply(layout, conditions, _ => StrengthAxis(byStrength, clean.Count > 0),
            _ => PlotlyParts.Axis(metric.AxisTitle()));
        return PlotlyParts.Chart(traces, layout);
    }

    private static DynamicObj.DynamicObj StrengthAxis(bool byStrength, bool withClean)
    {
        if (!byStrength)
        {
            return PlotlyParts.Axis("severity (level 1–5)");
        }

        double[] levels = [0, 0.25, 0.5, 0.75, 1];
        var ticks = levels.Select(v => $"{v:0.##}<br>L{(int)Math.Round(v * 4) + 1}").ToList();
        var values = levels.ToList();
        if (withClean)
        {
            values.Insert(0, CleanX);
            ticks.Insert(0, "clean");
        }

        return PlotlyParts.Axis(
            "strength (0 = level 1 … 1 = level 5)",
            ("tickmode", "array"),
            ("tickvals", values.ToArray()),
            ("ticktext", ticks.ToArray()),
            ("range", new[] { (withClean ? CleanX : 0) - 0.08, 1.05 }));
    }

    private static Trace CleanAnchor(string method, double value, string color, (string X, string Y) axes) =>
        PlotlyParts.Trace(
            "scatter",
            ("name", $"{method} (clean)"),
            ("legendgroup", method),
            ("showlegend", false),
            ("mode", "markers"),
            ("x", new[] { CleanX }),
            ("y", new[] { value }),
            ("marker", PlotlyParts.Obj(("color", color), ("size", 10), ("symbol", "diamond-open"))),
            ("xaxis", axes.X),
            ("yaxis", axes.Y));
}
