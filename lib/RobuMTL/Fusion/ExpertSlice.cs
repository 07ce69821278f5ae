using static TorchSharp.torch;

namespace RobuMTL.Fusion;

/// <summary>
/// The samples one expert serves in a batch: which rows and with what weight. Adapted layers compute the
/// expert only on these rows (gather, low-rank product, scatter-add).
/// </summary>
/// <param name="Expert">Index of the expert in the bank order.</param>
/// <param name="Samples">(n) int64 rows of the batch that use the expert; null when every row does.</param>
/// <param name="Weights">(n) routing weight per served row; null when every weight is exactly 1.</param>
public sealed record ExpertSlice(int Expert, Tensor? Samples, Tensor? Weights);
