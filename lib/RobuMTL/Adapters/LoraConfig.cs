using System.Text.Json.Serialization;

namespace RobuMTL.Adapters;

/// <summary>
/// LoRA adapter sizes for a Swin backbone: one shared rank per stage (hierarchical ranks), a rank for the
/// task-specific adapters of each stage's last block, MTLoRA's plain scale multiplier and input dropout.
/// </summary>
/// <param name="Ranks">Shared (task-agnostic) rank r of each stage, for qkv, proj, fc1 and fc2 of every block.</param>
/// <param name="TaskRank">Rank of the task-specific adapters on proj, fc1, fc2 of each stage's last block;
/// 0 disables them (all tasks then share one feature stream).</param>
/// <param name="Scale">Multiplier of the shared low-rank update (MTLoRA uses 4.0, not alpha / r).</param>
/// <param name="TaskScale">Multiplier of the task-specific low-rank update.</param>
/// <param name="Dropout">Dropout on the adapter input (training only).</param>
/// <param name="AdaptMerging">
/// Also put shared (task-agnostic) adapters on each patch merging's bias-free 4C -> 2C projection, the merge
/// after stage s with stage s's rank (it reads that stage's channels). The paper calls this optional; off in every
/// preset. Left out of the JSON while off, so configs saved before the option existed still match.
/// </param>
public sealed record LoraConfig(
    IReadOnlyList<int> Ranks,
    int TaskRank = 4,
    double Scale = 4.0,
    double TaskScale = 4.0,
    double Dropout = 0.05,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool AdaptMerging = false)
{
    /// <summary>The paper's PASCAL-Context ranks [16, 32, 64, 128].</summary>
    public static LoraConfig PascalContext { get; } = new([16, 32, 64, 128]);

    /// <summary>The paper's NYUD-v2 ranks [64, 128, 256, 512].</summary>
    public static LoraConfig NyudV2 { get; } = new([64, 128, 256, 512]);

    /// <summary>Ablation: reversed hierarchy [128, 64, 32, 16].</summary>
    public static LoraConfig Reversed { get; } = new([128, 64, 32, 16]);

    /// <summary>Ablation: the smaller hierarchy [8, 16, 32, 64] (more robust, worse on clean images).</summary>
    public static LoraConfig Small { get; } = new([8, 16, 32, 64]);

    /// <summary>For <c>SwinConfig.Nano</c> (32..256 channels): [4, 8, 16, 32], task rank 2.</summary>
    public static LoraConfig Nano { get; } = new([4, 8, 16, 32], TaskRank: 2);

    /// <summary>The same rank in every one of <paramref name="stages"/> stages (ablation).</summary>
    public static LoraConfig Uniform(int rank, int stages = 4) => new(Enumerable.Repeat(rank, stages).ToArray());

    /// <summary>
    /// Throws one clear error when the config does not fit a backbone of <paramref name="stages"/> stages.
    /// </summary>
    public void Validate(int stages)
    {
        if (Ranks.Count != stages)
        {
            throw new ArgumentException(
                $"LoraConfig: {Ranks.Count} ranks [{string.Join(", ", Ranks)}] for a backbone of {stages} stages; "
                + "give one rank per stage.");
        }

        if (Ranks.Any(r => r < 1) || TaskRank < 0)
        {
            throw new ArgumentException(
                $"LoraConfig: ranks [{string.Join(", ", Ranks)}] must be at least 1 and TaskRank ({TaskRank}) "
                + "not negative.");
        }

        if (!double.IsFinite(Scale) || !double.IsFinite(TaskScale) || Dropout is < 0 or >= 1)
        {
            throw new ArgumentException(
                $"LoraConfig: Scale ({Scale}) and TaskScale ({TaskScale}) must be finite and Dropout ({Dropout}) "
                + "in [0, 1).");
        }
    }
}
