using static TorchSharp.torch;

namespace RobuMTL.Training;

/// <summary>
/// What a caller's step function returns: the scalar to back-propagate, how many images it covered and,
/// optionally, the value of each named part (for example one per task) for progress records.
/// </summary>
/// <param name="Total">Scalar loss () with a graph to the trainable parameters; the trainer calls backward.</param>
/// <param name="Samples">Images in the batch, for images per second.</param>
/// <param name="Parts">Unweighted or weighted part losses by name; null or empty when there are none.</param>
public sealed record StepLoss(Tensor Total, int Samples, IReadOnlyDictionary<string, float>? Parts = null);
