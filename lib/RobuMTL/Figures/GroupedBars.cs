using Plotly.NET;

namespace RobuMTL.Figures;

/// <summary>
/// Grouped bar traces: one trace per series, one bar group per category, value labels above the bars.
/// Missing values (null) leave a gap instead of a zero bar, so "not measured" never reads as 0.
/// </summary>
internal static class GroupedBars
{
    /// <summary>Traces for the series, coloured by position; <paramref name="axes"/> picks the subplot.</summary>
    public static IEnumerable<Trace> Traces(
        IReadOnlyList<string> categories,
        IReadOnlyList<string> series,
        Func<string, string, double?> value,
        Func<double, string> label,
        (string X, string Y)? axes = null,
        bool showLegend = true,
        Func<int, string>? color = null)
    {
        for (var s = 0; s < series.Count; s++)
        {
            var values = categories.Select(c => value(c, series[s])).ToArray();
            yield return PlotlyParts.Trace(
                "bar",
                ("name", series[s]),
                ("legendgroup", series[s]),
                ("showlegend", showLegend),
                ("x", categories),
                ("y", values),
                ("text", values.Select(v => v is { } x ? label(x) : "").ToArray()),
                ("textposition", "outside"),
                ("cliponaxis", false),
                ("textfont", PlotlyParts.Font(PlotlyParts.FontSize - 2)),
                ("marker", PlotlyParts.Obj(("color", (color ?? PlotlyParts.Color)(s)))),
                ("xaxis", axes?.X),
                ("yaxis", axes?.Y));
        }
    }

    /// <summary>A whole single-panel grouped bar chart.</summary>
    public static GenericChart Chart(
        string title,
        IReadOnlyList<string> categories,
        IReadOnlyList<string> series,
        Func<string, string, double?> value,
        Func<double, string> label,
        string xTitle,
        string yTitle,
        int width = 1100,
        int height = 650)
    {
        var layout = PlotlyParts.Layout(
            title,
            width,
            height,
            ("barmode", "group"),
            ("bargap", 0.25),
            ("xaxis", PlotlyParts.Axis(xTitle)),
            ("yaxis", PlotlyParts.Axis(yTitle, ("zeroline", true), ("zerolinewidth", 2))));
        return PlotlyParts.Chart(Traces(categories, series, value, label), layout);
    }

    /// <summary>The mean of the matching values, or null when none match.</summary>
    public static double? Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Average();
    }
}
