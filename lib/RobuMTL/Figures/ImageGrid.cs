using Plotly.NET;
using RobuMTL.Imaging;

namespace RobuMTL.Figures;

/// <summary>
/// A grid of images, one plotly.js "image" trace per cell with hidden axes and the aspect ratio kept. Images are
/// embedded as PNG data URIs.
/// </summary>
internal static class ImageGrid
{
    /// <summary>Builds the grid; <paramref name="rowLabels"/> (optional) are written vertically left of each row.</summary>
    public static GenericChart Build(
        string title,
        IReadOnlyList<RgbImage> images,
        IReadOnlyList<string> cellTitles,
        int columns,
        IReadOnlyList<string>? rowLabels = null,
        int cellPixels = 240)
    {
        if (images.Count == 0)
        {
            throw new ArgumentException("an image grid needs at least one image", nameof(images));
        }

        var grid = SubplotGrid.For(images.Count, columns, horizontalGap: 0.015, verticalGap: 0.1);
        var traces = images.Select((image, cell) => PlotlyParts.Trace(
            "image",
            ("name", cellTitles[cell]),
            ("source", ImageEncoding.ToPngDataUri(image)),
            ("hoverinfo", "skip"),
            ("xaxis", SubplotGrid.XAxis(cell)),
            ("yaxis", SubplotGrid.YAxis(cell))));

        // Size the figure so each cell has exactly the image's aspect ratio: no slack that would misalign labels.
        var aspect = (double)images[0].Height / images[0].Width;
        var (left, right, top, bottom) = (rowLabels is null ? 20 : 70, 20, 90, 20);
        var plotWidth = grid.Columns * cellPixels / (1 - (grid.HorizontalGap * (grid.Columns - 1)));
        var plotHeight = grid.Rows * cellPixels * aspect / (1 - (grid.VerticalGap * (grid.Rows - 1)));
        var layout = PlotlyParts.Layout(
            title,
            width: left + right + (int)Math.Round(plotWidth),
            height: top + bottom + (int)Math.Round(plotHeight),
            ("showlegend", false),
            ("margin", PlotlyParts.Obj(("l", left), ("r", right), ("t", top), ("b", bottom))));

        var labels = new List<DynamicObj.DynamicObj>();
        for (var row = 0; row < (rowLabels?.Count ?? 0); row++)
        {
            var label = PlotlyParts.PaperText(
                $"<b>{rowLabels![row]}</b>", -0.01, grid.RowCenter(row), "middle", PlotlyParts.FontSize);
            label.SetProperty("xanchor", "right");
            label.SetProperty("textangle", -90);
            labels.Add(label);
        }

        grid.Apply(
            layout,
            cellTitles,
            _ => PlotlyParts.Obj(("visible", false), ("constrain", "domain")),
            cell => PlotlyParts.Obj(
                ("visible", false), ("constrain", "domain"), ("scaleanchor", SubplotGrid.XAxis(cell))),
            labels);
        return PlotlyParts.Chart(traces, layout);
    }
}
