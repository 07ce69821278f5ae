using Plotly.NET;
using RobuMTL.Evaluation;

namespace RobuMTL.Figures;

/// <summary>The selector's (DMLS) confusion matrix as a row-normalised, annotated heatmap.</summary>
public static class SelectorConfusionFigure
{
    /// <summary>Rows are true conditions (top to bottom), columns predicted ones; cells show the share of the row.</summary>
    public static GenericChart Build(ConfusionMatrix matrix, string title = "Selector (DMLS) confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var labels = matrix.Classes.Select(c => c.ToString()).ToArray();
        var heatmap = PlotlyParts.Trace(
            "heatmap",
            ("name", "share of true class"),
            ("z", matrix.RowNormalised()),
            ("x", labels),
            ("y", labels),
            ("zmin", 0.0),
            ("zmax", 1.0),
            ("colorscale", new object[] { new object[] { 0.0, "#f7fbff" }, new object[] { 1.0, "#08306b" } }),
            ("texttemplate", "%{z:.2f}"),
            ("textfont", PlotlyParts.Font(PlotlyParts.FontSize + 1)),
            ("hovertemplate", "true %{y}, predicted %{x}: %{z:.3f}<extra></extra>"),
            ("colorbar", PlotlyParts.Obj(("title", PlotlyParts.Title("share of row", PlotlyParts.FontSize)))));
        var accuracy = double.IsNaN(matrix.Accuracy) ? "n/a" : $"{FigureText.Fixed(100 * matrix.Accuracy, 1)}%";
        var layout = PlotlyParts.Layout(
            $"{title}, accuracy {accuracy}",
            width: 260 + (90 * labels.Length),
            height: 220 + (80 * labels.Length),
            ("xaxis", PlotlyParts.Axis("predicted condition", ("side", "bottom"))),
            ("yaxis", PlotlyParts.Axis("true condition", ("autorange", "reversed"), ("scaleanchor", "x"))));
        return PlotlyParts.Chart([heatmap], layout);
    }
}
