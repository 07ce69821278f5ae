using Plotly.NET;
using RobuMTL.Evaluation;

namespace RobuMTL.Figures;

/// <summary>The selector's SE features embedded in the plane with t-SNE, one colour per true condition.</summary>
public static class SelectorEmbeddingFigure
{
    // Palette positions and marker shapes per condition in enum order (Clean, Rain, Snow, Fog, Noise, Blur,
    // Clouds): black, blue, green, orange, pink, vermillion, brown. Cycling the palette would give Clean and Blur
    // two blues and Rain and Fog two oranges; the shapes keep the orange and vermillion clusters apart as well.
    private static readonly int[] ColorOf = [7, 0, 2, 1, 4, 3, 6];
    private static readonly string[] SymbolOf = ["circle", "diamond", "square", "triangle-up", "cross", "x", "star"];

    /// <summary>Runs <see cref="Tsne.Embed"/> on the features and draws one marker trace per condition.</summary>
    public static GenericChart Build(
        SelectorFeatures features,
        TsneOptions? options = null,
        string title = "Selector SE features (t-SNE)")
    {
        ArgumentNullException.ThrowIfNull(features);
        var n = features.Features.Length;
        options ??= TsneOptions.Default with { Perplexity = Math.Min(TsneOptions.Default.Perplexity, (n - 1) / 3.0) };
        var result = Tsne.Embed(features.Features, options);
        var conditions = features.Labels.Distinct().OrderBy(c => (int)c).ToList();
        var traces = conditions.Select(condition =>
        {
            var members = Enumerable.Range(0, n).Where(k => features.Labels[k] == condition).ToList();
            return PlotlyParts.Trace(
                "scatter",
                ("name", condition.ToString()),
                ("mode", "markers"),
                ("x", members.Select(k => result.Embedding[k][0]).ToArray()),
                ("y", members.Select(k => result.Embedding[k][1]).ToArray()),
                ("marker", PlotlyParts.Obj(
                    ("color", PlotlyParts.Color(ColorOf[(int)condition % ColorOf.Length])),
                    ("symbol", SymbolOf[(int)condition % SymbolOf.Length]),
                    ("size", 9),
                    ("opacity", 0.85),
                    ("line", PlotlyParts.Obj(("color", "white"), ("width", 0.5))))));
        });
        var layout = PlotlyParts.Layout(
            $"{title}, {n} images, perplexity {FigureText.Fixed(options.Perplexity, 0)}",
            width: 900,
            height: 800,
            ("xaxis", PlotlyParts.Axis("t-SNE 1 (arbitrary units)", ("zeroline", false))),
            ("yaxis", PlotlyParts.Axis("t-SNE 2 (arbitrary units)", ("zeroline", false))));
        return PlotlyParts.Chart(traces, layout);
    }
}
