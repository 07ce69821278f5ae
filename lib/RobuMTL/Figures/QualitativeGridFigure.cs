using Plotly.NET;

namespace RobuMTL.Figures;

/// <summary>The qualitative comparison: per task, input, ground truth, baseline and RobuMTL side by side.</summary>
public static class QualitativeGridFigure
{
    /// <summary>A four-column image grid, one row per <see cref="QualitativeRow"/>, task names on the left.</summary>
    /// <exception cref="ArgumentException">No rows were given.</exception>
    public static GenericChart Build(
        IReadOnlyList<QualitativeRow> rows,
        string baselineName = "MTLoRA",
        string methodName = "RobuMTL",
        string title = "Qualitative results under weather")
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("the qualitative grid needs at least one row", nameof(rows));
        }

        var images = rows.SelectMany(r => new[] { r.Input, r.GroundTruth, r.Baseline, r.RobuMtl }).ToList();
        var headers = new[] { "Input", "Ground truth", baselineName, methodName };
        var titles = rows.SelectMany((_, row) => headers.Select(h => row == 0 ? h : "")).ToList();
        return ImageGrid.Build(
            title, images, titles, columns: 4, rowLabels: rows.Select(r => FigureText.Task(r.Task)).ToList());
    }
}
