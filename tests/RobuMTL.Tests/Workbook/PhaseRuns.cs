using RobuMTL.Core;
using RobuMTL.Training;

namespace RobuMTL.Tests.Workbook;

/// <summary>The profile and the phase runner the workbook tests share.</summary>
internal static class PhaseRuns
{
    /// <summary>A handful of 32 px scenes: every phase of the workbook in seconds.</summary>
    public static readonly RunProfile Micro = RunProfile.Smoke with
    {
        ImageSize = 32,
        TrainScenes = 16,
        ValScenes = 8,
        BatchSize = 8,
        Threads = 2,
        EvalSeverities = [3],
    };

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
