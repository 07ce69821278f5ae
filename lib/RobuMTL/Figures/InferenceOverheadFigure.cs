using Plotly.NET;
using RobuMTL.Evaluation;

namespace RobuMTL.Figures;

/// <summary>Inference cost per method: latency bars labelled with their ratio to a baseline.</summary>
public static class InferenceOverheadFigure
{
    /// <summary>
    /// Averages the <see cref="MetricKind.LatencyMs"/> rows per method and labels each bar "12.3 ms, ×1.85" against
    /// <paramref name="baselineMethod"/> (default: the first method).
    /// </summary>
    /// <exception cref="ArgumentException">No latency rows, or the baseline method has none.</exception>
    public static GenericChart Build(
        EvaluationTable table,
        string? baselineMethod = null,
        string title = "Inference overhead per image")
    {
        ArgumentNullException.ThrowIfNull(table);
        var latency = table.Records
            .Where(r => r.Metric == MetricKind.LatencyMs)
            .GroupBy(r => r.Method)
            .Select(g => (Method: g.Key, Ms: g.Average(r => r.Value)))
            .ToList();
        if (latency.Count == 0)
        {
            throw new ArgumentException("the table has no LatencyMs rows");
        }

        var baseline = baselineMethod ?? latency[0].Method;
        var reference = latency.Where(l => l.Method == baseline).Select(l => l.Ms).DefaultIfEmpty(double.NaN).First();
        if (double.IsNaN(reference) || reference <= 0)
        {
            throw new ArgumentException($"baseline method '{baseline}' has no positive latency row");
        }

        var bar = PlotlyParts.Trace(
            "bar",
            ("name", "latency"),
            ("x", latency.Select(l => l.Method).ToArray()),
            ("y", latency.Select(l => l.Ms).ToArray()),
            ("text", latency.Select(l => $"{FigureText.Fixed(l.Ms, 1)} ms<br>×{FigureText.Fixed(l.Ms / reference)}")
                .ToArray()),
            ("textposition", "outside"),
            ("cliponaxis", false),
            ("marker", PlotlyParts.Obj(("color", latency.Select((_, i) => PlotlyParts.Color(i)).ToArray()))));
        var layout = PlotlyParts.Layout(
            $"{title} (ratios vs. {baseline})",
            width: Math.Max(700, 160 * latency.Count),
            height: 600,
            ("showlegend", false),
            ("xaxis", PlotlyParts.Axis("method")),
            ("yaxis", PlotlyParts.Axis(MetricKind.LatencyMs.AxisTitle(), ("rangemode", "tozero"))));
        return PlotlyParts.Chart([bar], layout);
    }
}
