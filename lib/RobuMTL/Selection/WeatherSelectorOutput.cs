using static TorchSharp.torch;

namespace RobuMTL.Selection;

/// <summary>What the <see cref="WeatherSelector"/> computes for a batch.</summary>
/// <param name="Logits">Per-condition logits (B, E), in the order of the config's conditions.</param>
/// <param name="Features">Pooled features after the SE block (B, F), the input to the last linear layer.</param>
public sealed record WeatherSelectorOutput(Tensor Logits, Tensor Features);
