using RobuMTL.Training;

namespace RobuMTL.Tests.Workbook;

/// <summary>Runs a workbook phase in a test.</summary>
internal static class PhaseRuns
{
    /// <summary>Consumes every progress record of <paramref name="phase"/> and returns the last.</summary>
    public static async Task<TrainingProgress> Drain(IAsyncEnumerable<TrainingProgress> phase)
    {
        TrainingProgress? last = null;
        await foreach (var record in phase)
        {
            last = record;
        }

        return last ?? throw new InvalidOperationException("the phase reported no progress");
    }
}
