using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Metrics;

/// <summary>
/// Accumulates one task's metric over a whole split: <see cref="Update"/> per batch (tensors are copied to the
/// CPU and reduced to counts there), <see cref="Compute"/> at the end.
/// </summary>
public interface ITaskMeter
{
    /// <summary>The task this meter measures.</summary>
    TaskKind Task { get; }

    /// <summary>Adds a batch: the head's raw output and the target, in the shapes the loss takes.</summary>
    void Update(Tensor prediction, Tensor target);

    /// <summary>The metrics over everything added since construction or the last <see cref="Reset"/>.</summary>
    TaskMetrics Compute();

    /// <summary>Forgets everything added.</summary>
    void Reset();
}
