using System.Text.RegularExpressions;

namespace RobuMTL.Backbone.Weights;

/// <summary>
/// Renames Swin checkpoint keys from torchvision or timm naming to ours (torchvision's). Our
/// <c>features</c> list interleaves stages and merges: index 0 is the patch embedding, 2i+1 stage i's
/// blocks, 2i+2 the patch merging after stage i.
/// </summary>
/// <remarks>
/// The map drops buffers we rebuild (<c>relative_position_index</c>, timm's <c>attn_mask</c>). The ImageNet
/// classifier maps to <c>head.*</c> (timm's <c>head.fc.*</c> too); <see cref="WeightLoader"/> skips it when
/// the target has no classifier, as a dense-task backbone does not.
/// </remarks>
public sealed partial class SwinKeyMap
{
    private SwinKeyMap(CheckpointLayout layout) => Layout = layout;

    /// <summary>The source naming this map reads.</summary>
    public CheckpointLayout Layout { get; }

    /// <summary>A map for a known layout.</summary>
    public static SwinKeyMap For(CheckpointLayout layout) =>
        Enum.IsDefined(layout) ? new SwinKeyMap(layout) : throw new ArgumentOutOfRangeException(nameof(layout));

    /// <summary>
    /// Recognises the layout from the keys: <c>features.*</c> is torchvision; <c>layers.*</c> is timm,
    /// legacy when stage 0 owns a <c>downsample</c>, current otherwise.
    /// </summary>
    /// <exception cref="InvalidDataException">The keys follow neither naming.</exception>
    public static CheckpointLayout Detect(IEnumerable<string> keys)
    {
        var list = keys.ToList();
        if (list.Any(k => k.StartsWith("features.", StringComparison.Ordinal)))
        {
            return CheckpointLayout.Torchvision;
        }

        if (list.Any(k => k.StartsWith("layers.", StringComparison.Ordinal)))
        {
            return list.Any(k => k.StartsWith("layers.0.downsample.", StringComparison.Ordinal))
                ? CheckpointLayout.TimmLegacy
                : CheckpointLayout.Timm;
        }

        var sample = string.Join(", ", list.Take(5));
        throw new InvalidDataException("The checkpoint's keys follow neither torchvision Swin naming "
            + $"('features.*') nor timm's ('layers.*'); first keys: {sample}. Pass the layout explicitly or "
            + "rename the keys.");
    }

    /// <summary>True for source keys that hold state we recompute instead of loading.</summary>
    public static bool IsRebuiltBuffer(string key) =>
        key.EndsWith("relative_position_index", StringComparison.Ordinal)
        || key.EndsWith("attn_mask", StringComparison.Ordinal)
        || key.EndsWith("relative_coords_table", StringComparison.Ordinal);

    /// <summary>True for our keys of the ImageNet classifier, which only a classifying model has.</summary>
    public static bool IsClassifierKey(string key) => key.StartsWith("head.", StringComparison.Ordinal);

    /// <summary>Our key for a source key, or null when the key is deliberately not loaded.</summary>
    public string? Map(string sourceKey)
    {
        ArgumentNullException.ThrowIfNull(sourceKey);
        if (IsRebuiltBuffer(sourceKey))
        {
            return null;
        }

        return Layout == CheckpointLayout.Torchvision ? sourceKey : MapTimm(sourceKey);
    }

    private string MapTimm(string key)
    {
        if (key.StartsWith("patch_embed.proj.", StringComparison.Ordinal))
        {
            return "features.0.0." + key["patch_embed.proj.".Length..];
        }

        if (key.StartsWith("patch_embed.norm.", StringComparison.Ordinal))
        {
            return "features.0.2." + key["patch_embed.norm.".Length..];
        }

        if (key.StartsWith("head.fc.", StringComparison.Ordinal))
        {
            return "head." + key["head.fc.".Length..];
        }

        var block = BlockKey().Match(key);
        if (block.Success)
        {
            var stage = int.Parse(block.Groups["stage"].Value);
            var rest = block.Groups["rest"].Value
                .Replace("mlp.fc1.", "mlp.0.", StringComparison.Ordinal)
                .Replace("mlp.fc2.", "mlp.3.", StringComparison.Ordinal);
            return $"features.{2 * stage + 1}.{block.Groups["block"].Value}.{rest}";
        }

        var merge = DownsampleKey().Match(key);
        if (merge.Success)
        {
            var stage = int.Parse(merge.Groups["stage"].Value);

            // Legacy: merge after stage i sits at features[2i+2]; current: merge before stage i at [2i].
            var index = Layout == CheckpointLayout.TimmLegacy ? 2 * stage + 2 : 2 * stage;
            return $"features.{index}.{merge.Groups["rest"].Value}";
        }

        // norm.* and legacy head.* are already our names; anything else passes through as unexpected.
        return key;
    }

    [GeneratedRegex(@"^layers\.(?<stage>\d+)\.blocks\.(?<block>\d+)\.(?<rest>.+)$")]
    private static partial Regex BlockKey();

    [GeneratedRegex(@"^layers\.(?<stage>\d+)\.downsample\.(?<rest>.+)$")]
    private static partial Regex DownsampleKey();
}
