namespace RobuMTL.Checkpoints;

/// <summary>
/// A checkpoint was written with a different configuration than the run that wants to resume or load it; the
/// message names every differing field with its saved and current value.
/// </summary>
public sealed class CheckpointMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception for the phase folder and the differences found.</summary>
    /// <param name="phaseDirectory">Folder holding the refused checkpoint.</param>
    /// <param name="differences">One entry per differing field.</param>
    /// <param name="remedy">What to do about it; null gives the advice for resuming a phase.</param>
    public CheckpointMismatchException(
        string phaseDirectory, IReadOnlyList<string> differences, string? remedy = null)
        : base(Describe(phaseDirectory, differences, remedy))
    {
        PhaseDirectory = phaseDirectory;
        Differences = differences;
    }

    /// <summary>Folder holding the refused checkpoint.</summary>
    public string PhaseDirectory { get; }

    /// <summary>One entry per differing field: <c>path: saved X, now Y</c>.</summary>
    public IReadOnlyList<string> Differences { get; }

    private static string Describe(string phaseDirectory, IReadOnlyList<string> differences, string? remedy) =>
        $"The checkpoint in '{phaseDirectory}' was written with a different configuration "
        + $"({string.Join("; ", differences)}). "
        + (remedy ?? "Run with the saved settings to resume, or delete that folder to train the phase from "
            + "the start.");
}
