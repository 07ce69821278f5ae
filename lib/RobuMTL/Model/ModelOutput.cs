using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Model;

/// <summary>What one forward pass of <see cref="RobuMtlModel"/> produces.</summary>
/// <param name="Predictions">Per task (B, O_t, H, W): logits for classification tasks, raw normals and depth.</param>
/// <param name="RoutingWeights">(B, E) expert weights used, null for variants without experts.</param>
/// <param name="SelectorLogits">(B, E) selector logits when the selector ran, else null.</param>
public sealed record ModelOutput(
    Dictionary<TaskKind, Tensor> Predictions,
    Tensor? RoutingWeights,
    Tensor? SelectorLogits);
