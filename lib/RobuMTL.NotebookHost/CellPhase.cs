namespace RobuMTL.NotebookHost;

/// <summary>Where a cell is in its run, as reported by <see cref="CellProgress"/>.</summary>
public enum CellPhase
{
    /// <summary>The cell was submitted to the kernel.</summary>
    Started,

    /// <summary>The cell ran to the end.</summary>
    Succeeded,

    /// <summary>The cell failed; the run stops here.</summary>
    Failed,

    /// <summary>A markdown or raw cell: nothing to run.</summary>
    Skipped,
}
