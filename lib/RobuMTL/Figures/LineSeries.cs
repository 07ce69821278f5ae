using Plotly.NET;

namespace RobuMTL.Figures;

/// <summary>A line-and-marker trace, the building block of the curve figures.</summary>
internal static class LineSeries
{
    /// <summary>One series; points are drawn in the order given (sort them by x first).</summary>
    public static Trace Trace(
        string name,
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        string color,
        (string X, string Y)? axes = null,
        bool showLegend = true,
        string dash = "solid",
        bool markers = true) => PlotlyParts.Trace(
        "scatter",
        ("name", name),
        ("legendgroup", name),
        ("showlegend", showLegend),
        ("mode", markers ? "lines+markers" : "lines"),
        ("x", x.ToArray()),
        ("y", y.ToArray()),
        ("line", PlotlyParts.Obj(("color", color), ("width", 2.5), ("dash", dash))),
        ("marker", PlotlyParts.Obj(("color", color), ("size", 8))),
        ("xaxis", axes?.X),
        ("yaxis", axes?.Y));

    /// <summary>Groups (x, y) pairs by x, averages y, and returns them sorted by x.</summary>
    public static (double[] X, double[] Y) MeanByX(IEnumerable<(double X, double Y)> points)
    {
        var grouped = points.GroupBy(p => p.X).OrderBy(g => g.Key).ToList();
        return (grouped.Select(g => g.Key).ToArray(), grouped.Select(g => g.Average(p => p.Y)).ToArray());
    }
}
