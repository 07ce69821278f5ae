using Plotly.NET;
using RobuMTL.Evaluation;

namespace RobuMTL.Figures;

/// <summary>
/// The total training loss of several phases or experts in one chart, one line each, so their speed of
/// convergence can be compared directly (<see cref="TrainingCurvesFigure"/> gives each its own panel instead).
/// </summary>
public static class PhaseLossFigure
{
    /// <summary>
    /// Draws the total-loss rows (task null) of <paramref name="curves"/>: one line per phase and expert, named
    /// "Expert · Rain" or just the phase; the y axis is logarithmic unless told otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">The table holds no total-loss rows.</exception>
    public static GenericChart Build(
        TrainingCurveTable curves,
        bool logScale = true,
        string title = "Total training loss per expert")
    {
        ArgumentNullException.ThrowIfNull(curves);
        var totals = curves.Points.Where(p => p.Task is null).ToList();
        if (totals.Count == 0)
        {
            throw new ArgumentException("the training curve table holds no total-loss rows", nameof(curves));
        }

        var lines = totals.Select(p => (p.Phase, p.Expert)).Distinct().ToList();
        var traces = lines.Select((line, i) =>
        {
            var (x, y) = LineSeries.MeanByX(totals
                .Where(p => (p.Phase, p.Expert) == line)
                .Select(p => ((double)p.Step, p.Loss)));
            var name = line.Expert is { } expert ? $"{line.Phase} · {expert}" : line.Phase;
            return LineSeries.Trace(name, x, y, PlotlyParts.Color(i), markers: x.Length < 30);
        });
        var layout = PlotlyParts.Layout(
            title,
            width: 900,
            height: 480,
            ("xaxis", PlotlyParts.Axis("optimisation step")),
            ("yaxis", PlotlyParts.Axis(
                logScale ? "total loss (log scale)" : "total loss", ("type", logScale ? "log" : "linear"))));
        PlotlyParts.UseSideLegend(layout);
        return PlotlyParts.Chart(traces, layout);
    }
}
