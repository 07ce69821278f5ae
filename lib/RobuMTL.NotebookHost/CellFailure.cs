namespace RobuMTL.NotebookHost;

/// <summary>The cell that stopped a notebook run, and why.</summary>
/// <param name="CellIndex">Zero-based index of the failing cell among all cells of the notebook.</param>
/// <param name="Line">
/// One-based line within the cell that failed: known for compile errors, null for exceptions thrown at run time
/// (the kernel compiles cells without debug information).
/// </param>
/// <param name="SourceLine">The text of that line (or of the cell's first line when no line is known).</param>
/// <param name="Message">The kernel's error message (compiler diagnostics or exception message).</param>
public sealed record CellFailure(int CellIndex, int? Line, string SourceLine, string Message)
{
    /// <summary>One readable sentence: cell (counted from 1, as an editor shows it), line, source and error.</summary>
    public override string ToString() => Line is { } line
        ? $"cell {CellIndex + 1} (index {CellIndex}), line {line} `{SourceLine.Trim()}`: {Message}"
        : $"cell {CellIndex + 1} (index {CellIndex}) `{SourceLine.Trim()}`: {Message}";
}
