namespace RobuMTL.Backbone.Weights;

/// <summary>How strictly <see cref="WeightLoader"/> treats keys that do not line up.</summary>
/// <param name="TargetPrefix">
/// Put in front of every mapped key, for a backbone nested in a larger model (for example
/// <c>"backbone."</c>). Target keys outside the prefix (task heads, selector) are expected to be missing.
/// </param>
/// <param name="SkipMismatchedShapes">
/// Leave target tensors whose shape differs from the file's at their current values instead of refusing.
/// </param>
/// <param name="AllowMissing">Accept target keys the file does not provide (other than expected ones).</param>
/// <param name="AllowUnexpected">Accept file keys that have no target (after the key map).</param>
/// <param name="IsExpectedMissing">
/// Target keys an ImageNet checkpoint cannot have; null uses <see cref="IsAdapterKey"/>.
/// </param>
public sealed record WeightLoadOptions(
    string TargetPrefix = "",
    bool SkipMismatchedShapes = false,
    bool AllowMissing = false,
    bool AllowUnexpected = false,
    Func<string, bool>? IsExpectedMissing = null)
{
    /// <summary>Strict: every backbone tensor must load with its exact shape, nothing may be left over.</summary>
    public static WeightLoadOptions Strict { get; } = new();

    /// <summary>Loads what fits and reports the rest (for partial or fine-tuned checkpoints).</summary>
    public static WeightLoadOptions Lenient { get; } =
        new(SkipMismatchedShapes: true, AllowMissing: true, AllowUnexpected: true);

    /// <summary>
    /// The default notion of an adapter tensor: a key with a dot-separated part <c>experts</c> (our LoRA
    /// experts, <c>features.1.0.attn.qkv.experts.Rain.shared.A</c>) or containing <c>lora</c> (any case).
    /// </summary>
    public static bool IsAdapterKey(string key) =>
        key.Split('.').Any(part =>
            part == "experts" || part.Contains("lora", StringComparison.OrdinalIgnoreCase));

    internal bool ExpectsMissing(string targetKey) =>
        !targetKey.StartsWith(TargetPrefix, StringComparison.Ordinal)
        || (IsExpectedMissing ?? IsAdapterKey)(targetKey);
}
