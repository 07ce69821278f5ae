namespace RobuMTL.NotebookHost;

/// <summary>How <see cref="NotebookRunner"/> runs a notebook.</summary>
/// <param name="OutputPath">
/// Where to write the executed notebook; null writes it back in place. The file is written even when a cell
/// fails, so the failing cell's error is visible in the notebook.
/// </param>
/// <param name="Environment">
/// Environment variables set for the run and restored afterwards, the way notebooks receive parameters
/// (for example <c>ROBUMTL_PROFILE=smoke</c>, read by <c>RunProfile.Resolve()</c>); a null value unsets one.
/// </param>
/// <param name="WriteOutput">False runs the notebook without writing any file.</param>
public sealed record NotebookRunOptions(
    string? OutputPath = null,
    IReadOnlyDictionary<string, string?>? Environment = null,
    bool WriteOutput = true)
{
    /// <summary>Runs the notebook and writes it back in place with its outputs.</summary>
    public static NotebookRunOptions InPlace { get; } = new();
}
