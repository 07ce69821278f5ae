using DynamicObj;
using Plotly.NET;

namespace RobuMTL.Figures;

/// <summary>
/// Builds plotly.js figures from attribute names, the way the plotly.js reference spells them. Plotly.NET's typed
/// builders take dozens of F# optional arguments that C# must pass as positional nulls; plain attributes read
/// better and map one to one onto the plotly.js documentation.
/// </summary>
internal static class PlotlyParts
{
    /// <summary>Font family for every text; DejaVu ships with Debian's chromium, the others are fallbacks.</summary>
    public const string FontFamily = "DejaVu Sans, Arial, sans-serif";

    /// <summary>Base font size in pixels for ticks and legends; titles are larger.</summary>
    public const int FontSize = 14;

    /// <summary>Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.</summary>
    private static readonly string[] Palette =
        ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8C6D31", "#000000"];

    /// <summary>The i-th palette colour (cycling).</summary>
    public static string Color(int index) => Palette[index % Palette.Length];

    /// <summary>A plotly.js object with the given attributes (nulls skipped).</summary>
    public static DynamicObj.DynamicObj Obj(params (string Key, object? Value)[] attributes) =>
        Fill(new DynamicObj.DynamicObj(), attributes);

    /// <summary>A trace of a plotly.js type ("bar", "scatter", "heatmap", "image") with attributes.</summary>
    public static Trace Trace(string type, params (string Key, object? Value)[] attributes) =>
        Fill(new Trace2D(type), attributes);

    /// <summary>A font object.</summary>
    public static DynamicObj.DynamicObj Font(int size, string? color = null) =>
        Obj(("family", FontFamily), ("size", size), ("color", color));

    /// <summary>A title object.</summary>
    public static DynamicObj.DynamicObj Title(string text, int size) => Obj(("text", text), ("font", Font(size)));

    /// <summary>A cartesian axis with a title and light grid.</summary>
    public static DynamicObj.DynamicObj Axis(string? title, params (string Key, object? Value)[] attributes)
    {
        var axis = Obj(
            ("title", title is null ? null : Title(title, FontSize + 1)),
            ("tickfont", Font(FontSize)),
            ("gridcolor", "#e5e5e5"),
            ("zerolinecolor", "#999999"),
            ("automargin", true));
        return Fill(axis, attributes);
    }

    /// <summary>A white layout of the given pixel size with title, fonts, and a horizontal legend on top.</summary>
    public static Layout Layout(string title, int width, int height, params (string Key, object? Value)[] attributes)
    {
        var layout = Fill(new Layout(), [
            ("title", Obj(("text", title), ("font", Font(FontSize + 6)), ("x", 0.5), ("xanchor", "center"))),
            ("font", Font(FontSize)),
            ("width", width),
            ("height", height),
            ("paper_bgcolor", "white"),
            ("plot_bgcolor", "white"),
            ("margin", Obj(("l", 80), ("r", 30), ("t", 110), ("b", 80))),
            ("legend", Obj(
                ("orientation", "h"), ("x", 0.5), ("xanchor", "center"), ("y", 1.03), ("yanchor", "bottom"),
                ("font", Font(FontSize)))),
        ]);
        return Fill(layout, attributes);
    }

    /// <summary>
    /// A vertical legend right of the plots, for subplot grids where a legend on top would cover the cell titles.
    /// </summary>
    public static void UseSideLegend(Layout layout)
    {
        layout.SetProperty("legend", Obj(
            ("orientation", "v"), ("x", 1.02), ("xanchor", "left"), ("y", 1.0), ("yanchor", "top"),
            ("font", Font(FontSize))));
        layout.SetProperty("margin", Obj(("l", 80), ("r", 40), ("t", 110), ("b", 80)));
    }

    /// <summary>A chart of traces under a layout.</summary>
    public static GenericChart Chart(IEnumerable<Trace> traces, Layout layout) =>
        GenericChart.setLayout(layout, GenericChart.ofTraceObjects(true, traces.ToList()));

    /// <summary>A text annotation in paper coordinates (0..1 across the whole figure).</summary>
    public static DynamicObj.DynamicObj PaperText(string text, double x, double y, string yAnchor, int size) => Obj(
        ("text", text), ("x", x), ("y", y), ("xref", "paper"), ("yref", "paper"),
        ("xanchor", "center"), ("yanchor", yAnchor), ("showarrow", false), ("font", Font(size)));

    private static T Fill<T>(T target, (string Key, object? Value)[] attributes)
        where T : DynamicObj.DynamicObj
    {
        foreach (var (key, value) in attributes)
        {
            if (value is not null)
            {
                target.SetProperty(key, value);
            }
        }

        return target;
    }
}
