using Plotly.NET;
using RobuMTL.Evaluation;

namespace RobuMTL.Figures;

/// <summary>Training loss curves: one panel per phase and expert, one line per task plus the weighted total.</summary>
public static class TrainingCurvesFigure
{
    /// <summary>Draws every curve in <paramref name="curves"/>; the y axis is logarithmic unless told otherwise.</summary>
    /// <exception cref="ArgumentException">The table is empty.</exception>
    public static GenericChart Build(
        TrainingCurveTable curves,
        bool logScale = true,
        string title = "Training loss per expert")
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Points.Count == 0)
        {
            throw new ArgumentException("the training curve table is empty", nameof(curves));
        }

        var panels = curves.Points.Select(p => (p.Phase, p.Expert)).Distinct().ToList();
        var series = curves.Points.Select(p => p.Task).Distinct().OrderBy(t => t is null ? -1 : (int)t).ToList();
        var grid = SubplotGrid.For(panels.Count, maxColumns: 4, verticalGap: 0.14);
        var traces = new List<Trace>();
        var shown = new HashSet<string>();
        for (var cell = 0; cell < panels.Count; cell++)
        {
            for (var s = 0; s < series.Count; s++)
            {
                var points = curves.Points
                    .Where(p => (p.Phase, p.Expert) == panels[cell] && p.Task == series[s])
                    .Select(p => ((double)p.Step, p.Loss))
                    .ToList();
                if (points.Count == 0)
                {
                    continue;
                }

                var name = series[s] is { } task ? FigureText.Task(task) : "total (weighted)";
                var (x, y) = LineSeries.MeanByX(points);
                traces.Add(LineSeries.Trace(
                    name,
                    x,
                    y,
                    series[s] is null ? "#000000" : PlotlyParts.Color(s),
                    (SubplotGrid.XAxis(cell), SubplotGrid.YAxis(cell)),
                    showLegend: shown.Add(name),
                    dash: series[s] is null ? "dash" : "solid",
                    markers: false));
            }
        }

        var layout = PlotlyParts.Layout(title, 230 + (400 * grid.Columns), 80 + (360 * grid.Rows));
        PlotlyParts.UseSideLegend(layout);
        grid.Apply(
            layout,
            panels.Select(p => p.Expert is { } e ? $"{p.Phase} · {e}" : p.Phase).ToList(),
            _ => PlotlyParts.Axis("optimisation step"),
            _ => PlotlyParts.Axis(logScale ? "loss (log scale)" : "loss", ("type", logScale ? "log" : "linear"),
                ("dtick", logScale ? "D2" : null)));
        return PlotlyParts.Chart(traces, layout);
    }
}
