namespace RobuMTL.NotebookHost;

/// <summary>How one code cell ran.</summary>
/// <param name="CellIndex">Zero-based index of the cell among all cells of the notebook.</param>
/// <param name="Summary">The cell's first non-empty source line.</param>
/// <param name="Duration">Wall time from submission to completion.</param>
/// <param name="Succeeded">Whether the kernel reported success.</param>
public sealed record CellResult(int CellIndex, string Summary, TimeSpan Duration, bool Succeeded);
