using RobuMTL.Core;

namespace RobuMTL.Backbone;

/// <summary>
/// Architecture of a Swin Transformer v1 (torchvision 0.14 <c>SwinTransformer</c> numerics).
/// Use a preset and <c>with</c> for variants; <see cref="Validate"/> runs where the model is built.
/// </summary>
/// <param name="EmbedDim">Channels of stage 1; stage i has <c>EmbedDim * 2^i</c>.</param>
/// <param name="Depths">Blocks per stage; blocks alternate plain and shifted windows.</param>
/// <param name="Heads">Attention heads per stage; each stage's channels must divide by its heads.</param>
/// <param name="WindowSize">Side of the square attention window in tokens (Ws).</param>
/// <param name="PatchSize">Side of the square patch the stem convolution embeds.</param>
/// <param name="MlpRatio">Hidden width of each block's MLP relative to its channels.</param>
/// <param name="StochasticDepth">Drop-path rate of the last block; it grows linearly from 0 at the first.</param>
/// <param name="NumClasses">Classifier outputs (<c>head</c>); 0 builds no classifier (dense tasks only).</param>
public sealed record SwinConfig(
    int EmbedDim,
    IReadOnlyList<int> Depths,
    IReadOnlyList<int> Heads,
    int WindowSize,
    int PatchSize,
    double MlpRatio,
    double StochasticDepth,
    int NumClasses = 0)
{
    /// <summary>Swin-T as published and in torchvision <c>swin_t</c>: 96, [2,2,6,2], [3,6,12,24], window 7.</summary>
    public static SwinConfig Tiny { get; } = new(96, [2, 2, 6, 2], [3, 6, 12, 24], 7, 4, 4.0, 0.2);

    /// <summary>
    /// A CPU preset for 64-128 px generated scenes: embed 32, depths [1,1,2,1], heads [1,2,4,8], window 4,
    /// patch 2, MLP 4, stochastic depth 0.1. Patch 2 keeps stage 4 at 4x4 tokens for a 64 px image (one
    /// window), so every stage still attends over a useful area; one head per 32 channels as in Swin-T.
    /// </summary>
    public static SwinConfig Nano { get; } = new(32, [1, 1, 2, 1], [1, 2, 4, 8], 4, 2, 4.0, 0.1);

    /// <summary>Number of stages (4 for the presets).</summary>
    public int StageCount => Depths.Count;

    /// <summary>The config a <see cref="BackbonePreset"/> names.</summary>
    public static SwinConfig FromPreset(BackbonePreset preset) => preset switch
    {
        BackbonePreset.SwinTiny => Tiny,
        BackbonePreset.SwinNano => Nano,
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "unknown backbone preset"),
    };

    /// <summary>Channels of stage <paramref name="stage"/> (0-based): <c>EmbedDim * 2^stage</c>.</summary>
    public int StageDim(int stage) => EmbedDim << stage;

    /// <summary>Throws one clear error for the first invalid field.</summary>
    public void Validate()
    {
        if (EmbedDim < 1 || WindowSize < 1 || PatchSize < 1)
        {
            throw new ArgumentException(
                $"SwinConfig: EmbedDim ({EmbedDim}), WindowSize ({WindowSize}) and PatchSize ({PatchSize}) "
                + "must be at least 1.");
        }

        if (Depths.Count == 0 || Depths.Count != Heads.Count)
        {
            throw new ArgumentException(
                $"SwinConfig: Depths ({Depths.Count} stages) and Heads ({Heads.Count} stages) must have the "
                + "same, non-zero length.");
        }

        for (var s = 0; s < Depths.Count; s++)
        {
            if (Depths[s] < 1 || Heads[s] < 1 || StageDim(s) % Heads[s] != 0)
            {
                throw new ArgumentException(
                    $"SwinConfig: stage {s} has depth {Depths[s]} and {Heads[s]} heads for {StageDim(s)} "
                    + "channels; depth and heads must be at least 1 and divide the channels.");
            }
        }

        if (MlpRatio <= 0 || StochasticDepth is < 0 or >= 1 || NumClasses < 0)
        {
            throw new ArgumentException(
                $"SwinConfig: MlpRatio ({MlpRatio}) must be positive, StochasticDepth ({StochasticDepth}) in "
                + $"[0, 1) and NumClasses ({NumClasses}) not negative.");
        }
    }
}
