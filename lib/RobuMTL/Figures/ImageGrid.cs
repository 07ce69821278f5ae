using Plotly.NET;
using RobuMTL.Imaging;

namespace RobuMTL.Figures;

/// <summary>
/// A grid of images, one plotly.js layout image per cell on hidden axes, with the aspect ratio kept. Images are
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
        double cellPixels = 240)
    {
        if (images.Count == 0)
        {
            throw new ArgumentException("an image grid needs at least one image", nameof(images));
        }

        // Gaps in pixels, not in fractions of the figure, so a tall grid does not open wide white bands between
        // rows; a row gap holds the next row's captions when it has any.
        // The first image sets the cells' aspect ratio; images of another shape are letterboxed in theirs.
        var columnCount = Math.Max(1, Math.Min(images.Count, columns));
        var rowCount = (images.Count + columnCount - 1) / columnCount;
        var cellHeight = cellPixels * (double)images[0].Height / images[0].Width;
        var captioned = cellTitles.Skip(columnCount).Any(t => !string.IsNullOrEmpty(t));
        var (columnGap, rowGap) = (12.0, captioned ? 36.0 : 12.0);
        var plotWidth = (columnCount * cellPixels) + ((columnCount - 1) * columnGap);
        var plotHeight = (rowCount * cellHeight) + ((rowCount - 1) * rowGap);
        var grid = new SubplotGrid(rowCount, columnCount, columnGap / plotWidth, rowGap / plotHeight)
        {
            TitleOffset = 4 / plotHeight,
        };
        // Each image is a layout image stretched over its cell's axes, drawn by the browser from its data URI. The
        // PNG renderer first draws the chart at its own page size and then exports it at the figure's size; an
        // "image" trace keeps the bitmap of that first draw and came out a fraction of its cell. The invisible
        // trace spanning the image's corners carries the caption and keeps the subplot.
        var traces = images.Select((image, cell) => PlotlyParts.Trace(
            "scatter",
            ("name", cellTitles[cell]),
            ("mode", "none"),
            ("x", new[] { 0.0, image.Width }),
            ("y", new[] { 0.0, image.Height }),
            ("hoverinfo", "skip"),
            ("xaxis", SubplotGrid.XAxis(cell)),
            ("yaxis", SubplotGrid.YAxis(cell))));
        var pictures = images.Select((image, cell) => PlotlyParts.Obj(
            ("source", ImageEncoding.ToPngDataUri(image)),
            ("xref", SubplotGrid.XAxis(cell)),
            ("yref", SubplotGrid.YAxis(cell)),
            ("x", 0),
            ("y", 0),
            ("sizex", image.Width),
            ("sizey", image.Height),
            ("xanchor", "left"),
            ("yanchor", "top"),
            ("sizing", "stretch"),
            ("layer", "above"))).ToList();

        // The title sits at the top edge and the column captions just above the cells, so they never meet.
        var (left, right, top, bottom) = (rowLabels is null ? 20 : 70, 20, 110, 20);
        var height = top + bottom + (int)Math.Round(plotHeight);
        var layout = PlotlyParts.Layout(
            title,
            width: left + right + (int)Math.Round(plotWidth),
            height: height,
            ("showlegend", false),
            ("images", pictures),
            ("margin", PlotlyParts.Obj(("l", left), ("r", right), ("t", top), ("b", bottom))));
        layout.SetProperty("title", PlotlyParts.Obj(
            ("text", title), ("font", PlotlyParts.Font(PlotlyParts.FontSize + 6)), ("x", 0.5), ("xanchor", "center"),
            ("yref", "container"), ("y", 1 - (16.0 / height)), ("yanchor", "top")));

        var labels = new List<DynamicObj.DynamicObj>();
        for (var row = 0; row < (rowLabels?.Count ?? 0); row++)
        {
            var label = PlotlyParts.PaperText(
                $"<b>{rowLabels![row]}</b>", -0.01, grid.RowCenter(row), "middle", PlotlyParts.FontSize);
            label.SetProperty("xanchor", "right");
            label.SetProperty("textangle", -90);
            labels.Add(label);
        }

        // Axes in image pixels, y pointing down, spanning exactly the cell: [0, w] across and [h, 0] up for an image
        // of the cell's aspect ratio, widened around the centre for any other (letterboxed, never stretched). No
        // scaleanchor: plotly would shrink the axis domains to keep the scale while the PNG renderer first draws
        // the chart at its own page size, and the export keeps those shrunken domains.
        (double[] X, double[] Y) Ranges(RgbImage image)
        {
            var scale = Math.Min(cellPixels / image.Width, cellHeight / image.Height);
            var (spanX, spanY) = (cellPixels / scale, cellHeight / scale);
            var (padX, padY) = ((spanX - image.Width) / 2, (spanY - image.Height) / 2);
            return ([-padX, image.Width + padX], [image.Height + padY, -padY]);
        }

        grid.Apply(
            layout,
            cellTitles,
            cell => PlotlyParts.Obj(("visible", false), ("range", Ranges(images[cell]).X), ("autorange", false)),
            cell => PlotlyParts.Obj(("visible", false), ("range", Ranges(images[cell]).Y), ("autorange", false)),
            labels);
        return PlotlyParts.Chart(traces, layout);
    }
}
