using RobuMTL.Data;
using RobuMTL.Evaluation;

namespace RobuMTL.Workbook;

/// <summary>The evaluation split degraded for one scenario, collated once and shared by every method.</summary>
/// <param name="Scenario">What was applied.</param>
/// <param name="Batches">The degraded, collated batches on the CPU (owned: dispose this object).</param>
public sealed record PreparedScenario(EvaluationScenario Scenario, IReadOnlyList<MultiTaskBatch> Batches) : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var batch in Batches)
        {
            batch.Dispose();
        }
    }
}
