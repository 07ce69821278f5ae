using Plotly.NET;
using RobuMTL.Imaging;

namespace RobuMTL.Figures;

/// <summary>
/// A grid of images, one plotly.js "image" trace per cell with hidden axes and the aspect ratio kept. Images are
/// embedded as PNG data URIs.
/// </summary>
internal static class ImageGrid
{
    /// <summary>
    /// Builds the grid; <paramref name="rowLabels"/> (optional) are written vertically left of each row.
    /// </summary>
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

        // Cells are sized to the image and the gaps are fixed pixel counts (room for a caption only where a row
        // below the first has one), so the images fill their cells instead of floating in fractional gaps.
        // Known limitation: the first image sets the aspect ratio; other sizes are letterboxed in their cells.
        var rows = (images.Count + columns - 1) / columns;
        var captionsBelowFirstRow = cellTitles.Skip(columns).Any(t => !string.IsNullOrEmpty(t));
        var cellHeight = cellPixels * (double)images[0].Height / images[0].Width;
        var (columnGap, rowGap) = (10.0, captionsBelowFirstRow ? 36.0 : 10.0);
        var plotWidth = (columns * cellPixels) + ((columns - 1) * columnGap);
        var plotHeight = (rows * cellHeight) + ((rows - 1) * rowGap);
        var grid = SubplotGrid.For(images.Count, columns, columnGap / plotWidth, rowGap / plotHeight);
        var traces = images.Select((image, cell) => PlotlyParts.Trace(
            "image",
            ("name", cellTitles[cell]),
            ("source", ImageEncoding.ToPngDataUri(image)),
            ("hoverinfo", "skip"),
            ("xaxis", SubplotGrid.XAxis(cell)),
            ("yaxis", SubplotGrid.YAxis(cell))));

        // The figure title sits in the top 50 px; the first row's captions take the 50 px below it.
        var (left, right, top, bottom) = (rowLabels is null ? 20 : 70, 20, 100, 20);
        var height = top + bottom + (int)Math.Round(plotHeight);
        var layout = PlotlyParts.Layout(
            title,
            width: left + right + (int)Math.Round(plotWidth),
            height: height,
            ("showlegend", false),
            ("margin", PlotlyParts.Obj(("l", left), ("r", right), ("t", top), ("b", bottom))),
            ("title", PlotlyParts.Obj(
                ("text", title), ("font", PlotlyParts.Font(PlotlyParts.FontSize + 6)), ("x", 0.5),
                ("xanchor", "center"), ("yref", "container"), ("y", 1 - (12.0 / height)), ("yanchor", "top"))));

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
            // An image trace puts pixel centres at 0..w-1 (rows downward), so these ranges frame it exactly;
            // without them plotly autoranges before the PNG has loaded and draws each image small.
            cell => PlotlyParts.Obj(
                ("visible", false), ("constrain", "domain"), ("range", new[] { -0.5, images[cell].Width - 0.5 })),
            cell => PlotlyParts.Obj(
                ("visible", false), ("constrain", "domain"), ("scaleanchor", SubplotGrid.XAxis(cell)),
                ("range", new[] { images[cell].Height - 0.5, -0.5 })),
            labels);
        return PlotlyParts.Chart(traces, layout);
    }
}
