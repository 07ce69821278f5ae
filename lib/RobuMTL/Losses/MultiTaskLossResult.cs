using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Losses;

/// <summary>The weighted total and each task's unweighted loss, all scalars ().</summary>
/// <param name="Total">Sum over tasks of weight * loss; call backward on this.</param>
/// <param name="PerTask">Each task's loss before weighting.</param>
public sealed record MultiTaskLossResult(Tensor Total, IReadOnlyDictionary<TaskKind, Tensor> PerTask);
