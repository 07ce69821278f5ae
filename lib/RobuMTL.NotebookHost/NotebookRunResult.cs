namespace RobuMTL.NotebookHost;

/// <summary>The outcome of running one notebook headless.</summary>
/// <param name="NotebookPath">The notebook that ran.</param>
/// <param name="OutputPath">Where the executed notebook with its outputs was written; null when not written.</param>
/// <param name="Cells">Every code cell that ran, in order (the failing cell last when the run failed).</param>
/// <param name="Failure">The first failing cell; null when every cell succeeded.</param>
/// <param name="Duration">Wall time of the whole run, including the kernel start.</param>
public sealed record NotebookRunResult(
    string NotebookPath,
    string? OutputPath,
    IReadOnlyList<CellResult> Cells,
    CellFailure? Failure,
    TimeSpan Duration)
{
    /// <summary>Whether every code cell succeeded.</summary>
    public bool Succeeded => Failure is null;
}
