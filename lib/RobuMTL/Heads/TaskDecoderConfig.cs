namespace RobuMTL.Heads;

/// <summary>
/// Shape of one MTLoRA task decoder (<see cref="TaskDecoder"/>): the backbone's four stage widths, the width each
/// stage is projected to, and the hidden width of the fusing 1x1 conv.
/// </summary>
/// <param name="StageChannels">Channels of the backbone stage maps, first (finest) stage first.</param>
/// <param name="ProjectionChannels">Width of each stage's 1x1 projection; same count as the stages.</param>
/// <param name="HiddenChannels">Width of the 1x1 conv after concatenation (1080 for Swin-T).</param>
public sealed record TaskDecoderConfig(
    IReadOnlyList<int> StageChannels,
    IReadOnlyList<int> ProjectionChannels,
    int HiddenChannels)
{
    /// <summary>Swin-Tiny: stages 96/192/384/768 projected to 18/36/72/144 (270 concatenated), hidden 1080.</summary>
    public static TaskDecoderConfig SwinTiny { get; } = ForSwin(96);

    /// <summary>
    /// The MTLoRA rule for a Swin backbone of embedding width <paramref name="embedDim"/>: stage i has
    /// embed * 2^i channels, is projected to 3/16 of that, and the hidden width is four times the concatenation.
    /// </summary>
    public static TaskDecoderConfig ForSwin(int embedDim, int stages = 4)
    {
        if (embedDim < 1 || stages < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(embedDim), $"embedDim ({embedDim}) and stages ({stages}) must be positive.");
        }

        var stageChannels = Enumerable.Range(0, stages).Select(i => embedDim << i).ToArray();
        var projections = stageChannels.Select(c => Math.Max(1, c * 3 / 16)).ToArray();
        return new TaskDecoderConfig(stageChannels, projections, 4 * projections.Sum());
    }

    /// <summary>Total width of the concatenated projections.</summary>
    public int ConcatenatedChannels => ProjectionChannels.Sum();

    /// <summary>Throws <see cref="ArgumentException"/> naming the invalid field and how to fix it.</summary>
    public void Validate()
    {
        if (StageChannels.Count == 0 || StageChannels.Count != ProjectionChannels.Count)
        {
            throw new ArgumentException(
                $"TaskDecoderConfig needs one projection width per stage: {StageChannels.Count} stages, " +
                $"{ProjectionChannels.Count} projections.");
        }

        if (StageChannels.Concat(ProjectionChannels).Any(c => c < 1) || HiddenChannels < 1)
        {
            throw new ArgumentException(
                $"TaskDecoderConfig widths must be positive: stages [{string.Join(", ", StageChannels)}], " +
                $"projections [{string.Join(", ", ProjectionChannels)}], hidden {HiddenChannels}.");
        }
    }
}
