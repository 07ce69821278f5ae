using Plotly.NET;

namespace RobuMTL.Figures;

/// <summary>
/// Grouped bar traces: one trace per series, one bar group per category, value labels above the bars when there
/// are at most <see cref="MaxLabelledSeries"/> series (beyond that the bars are too thin for a readable label).
/// Missing values (null) leave a gap instead of a zero bar, so "not measured" never reads as 0.
/// </summary>
internal static class GroupedBars
{
    /// <summary>The most series whose bars still get value labels.</summary>
    public const int MaxLabelledSeries = 4;

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
        var labelled = series.Count <= MaxLabelledSeries;
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
                ("text", values.Select(v => labelled && v is { } x ? label(x) : "").ToArray()),
                ("textposition", "outside"),
                ("cliponaxis", false),
                ("textfont", PlotlyParts.Font(PlotlyParts.FontSize - 2)),
                ("marker", PlotlyParts.Obj(("color", (color ?? PlotlyParts.Color)(s)))),
                ("xaxis", axes?.X),
                ("yaxis", axes?.Y));
        }
    }

    /// <summary>
    /// A whole single-panel grouped bar chart; more than <see cref="MaxLabelledSeries"/> series move the legend to
    /// the right (widening the figure), where a long legend cannot wrap into the title.
    /// </summary>
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
        var sideLegend = series.Count > MaxLabelledSeries;
        var layout = PlotlyParts.Layout(
            title,
            sideLegend ? width + 220 : width,
            height,
            ("barmode", "group"),
            ("bargap", 0.25),
            ("xaxis", PlotlyParts.Axis(xTitle)),
            ("yaxis", PlotlyParts.Axis(yTitle, ("zeroline", true), ("zerolinewidth", 2))));
        if (sideLegend)
        {
            PlotlyParts.UseSideLegend(layout);
        }

        return PlotlyParts.Chart(Traces(categories, series, value, label), layout);
    }

    /// <summary>The mean of the matching values, or null when none match.</summary>
    public static double? Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Average();
    }
}
