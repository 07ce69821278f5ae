using Plotly.NET;

namespace RobuMTL.Figures;

/// <summary>
/// Places subplots on a rows x columns grid by setting each axis pair's domain, with a title above each cell.
/// Cell i (row-major) draws on axes <see cref="XAxis"/>(i) / <see cref="YAxis"/>(i).
/// </summary>
internal sealed class SubplotGrid(int rows, int columns, double horizontalGap = 0.07, double verticalGap = 0.12)
{
    /// <summary>Number of rows.</summary>
    public int Rows { get; } = rows;

    /// <summary>Number of columns.</summary>
    public int Columns { get; } = columns;

    /// <summary>Gap between columns as a fraction of the plot width.</summary>
    public double HorizontalGap { get; } = horizontalGap;

    /// <summary>Gap between rows as a fraction of the plot height (room for the cell titles).</summary>
    public double VerticalGap { get; } = verticalGap;

    /// <summary>
    /// A grid with enough cells for <paramref name="count"/> subplots, at most <paramref name="maxColumns"/>
    /// wide.
    /// </summary>
    public static SubplotGrid For(int count, int maxColumns, double horizontalGap = 0.07, double verticalGap = 0.12)
    {
        var columns = Math.Max(1, Math.Min(count, maxColumns));
        return new SubplotGrid((count + columns - 1) / columns, columns, horizontalGap, verticalGap);
    }

    /// <summary>Height of a cell title's baseline above its cell, as a fraction of the plot height.</summary>
    public double TitleOffset { get; init; } = 0.01;

    /// <summary>The trace attribute value of cell i's x axis: "x", "x2", ...</summary>
    public static string XAxis(int cell) => cell == 0 ? "x" : $"x{cell + 1}";

    /// <summary>The trace attribute value of cell i's y axis: "y", "y2", ...</summary>
    public static string YAxis(int cell) => cell == 0 ? "y" : $"y{cell + 1}";

    /// <summary>The vertical centre of a row in paper coordinates (0 bottom, 1 top).</summary>
    public double RowCenter(int row) => 1.0 - (row * (CellHeight + VerticalGap)) - (CellHeight / 2);

    private double CellWidth => (1.0 - (HorizontalGap * (Columns - 1))) / Columns;

    private double CellHeight => (1.0 - (VerticalGap * (Rows - 1))) / Rows;

    /// <summary>
    /// Sets domains and anchors of every cell's axes on <paramref name="layout"/>, starting from the given axis
    /// objects, and adds the cell titles as annotations (plus any <paramref name="extraAnnotations"/>).
    /// </summary>
    public void Apply(
        Layout layout,
        IReadOnlyList<string> titles,
        Func<int, DynamicObj.DynamicObj> xAxis,
        Func<int, DynamicObj.DynamicObj> yAxis,
        IEnumerable<DynamicObj.DynamicObj>? extraAnnotations = null)
    {
        var annotations = new List<DynamicObj.DynamicObj>();
        var (cellWidth, cellHeight) = (CellWidth, CellHeight);
        for (var cell = 0; cell < titles.Count; cell++)
        {
            var (row, column) = (cell / Columns, cell % Columns);
            var x0 = column * (cellWidth + HorizontalGap);
            var y1 = 1.0 - (row * (cellHeight + VerticalGap));
            var x = xAxis(cell);
            x.SetProperty("domain", new[] { x0, x0 + cellWidth });
            x.SetProperty("anchor", YAxis(cell));
            var y = yAxis(cell);
            y.SetProperty("domain", new[] { y1 - cellHeight, y1 });
            y.SetProperty("anchor", XAxis(cell));
            var suffix = cell == 0 ? "" : (cell + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            layout.SetProperty($"xaxis{suffix}", x);
            layout.SetProperty($"yaxis{suffix}", y);
            annotations.Add(PlotlyParts.PaperText(
                $"<b>{titles[cell]}</b>", x0 + (cellWidth / 2), y1 + TitleOffset, "bottom", PlotlyParts.FontSize + 2));
        }

        annotations.AddRange(extraAnnotations ?? []);
        layout.SetProperty("annotations", annotations);
    }
}
