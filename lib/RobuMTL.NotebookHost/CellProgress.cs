namespace RobuMTL.NotebookHost;

/// <summary>One step of a notebook run, reported when a cell starts and when it ends.</summary>
/// <param name="Notebook">File name of the notebook, for example <c>00-setup.ipynb</c>.</param>
/// <param name="CellIndex">Zero-based index of the cell among all cells of the notebook.</param>
/// <param name="CellCount">Number of cells in the notebook (code and markdown).</param>
/// <param name="Phase">Started, succeeded, failed or skipped.</param>
/// <param name="Summary">The cell's first non-empty source line, to name it on a progress line.</param>
/// <param name="Elapsed">Time the cell has run; zero when it starts.</param>
public sealed record CellProgress(
    string Notebook,
    int CellIndex,
    int CellCount,
    CellPhase Phase,
    string Summary,
    TimeSpan Elapsed);
