using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Heads;

/// <summary>
/// The MTLoRA decoder of one task: each stage map gets a 1x1 projection, all are bilinearly upsampled to the first
/// stage's resolution and concatenated, then 1x1 conv to the hidden width, BatchNorm, ReLU, a 1x1 conv to the
/// task's output channels, and a bilinear upsample to the requested output size.
/// </summary>
public sealed class TaskDecoder : nn.Module
{
    private readonly ModuleList<Conv2d> projections;
    private readonly Conv2d fuse;
    private readonly BatchNorm2d norm;
    private readonly Conv2d predict;

    /// <summary>Builds a decoder with <paramref name="outputChannels"/> outputs; validates the config.</summary>
    public TaskDecoder(TaskDecoderConfig config, int outputChannels) : base(nameof(TaskDecoder))
    {
        config.Validate();
        if (outputChannels < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(outputChannels), outputChannels, "a task decoder needs at least one output channel");
        }

        Config = config;
        OutputChannels = outputChannels;
        projections = nn.ModuleList(config.StageChannels
            .Select((c, i) => nn.Conv2d(c, config.ProjectionChannels[i], 1))
            .ToArray());
        fuse = nn.Conv2d(config.ConcatenatedChannels, config.HiddenChannels, 1);
        norm = nn.BatchNorm2d(config.HiddenChannels);
        predict = nn.Conv2d(config.HiddenChannels, outputChannels, 1);
        RegisterComponents();
    }

    /// <summary>The decoder's configuration.</summary>
    public TaskDecoderConfig Config { get; }

    /// <summary>Number of output channels of the task.</summary>
    public int OutputChannels { get; }

    /// <summary>
    /// Decodes the stage maps (B, C_i, H_i, W_i), finest first, into the task output (B, O, height, width).
    /// </summary>
    public Tensor forward(IReadOnlyList<Tensor> stages, long height, long width)
    {
        if (stages.Count != projections.Count)
        {
            throw new ArgumentException(
                $"TaskDecoder expects {projections.Count} stage maps, got {stages.Count}.", nameof(stages));
        }

        using var scope = NewDisposeScope();
        var first = stages[0].shape;
        var projected = new Tensor[stages.Count];
        for (var i = 0; i < stages.Count; i++)
        {
            var map = projections[i].call(stages[i]);                   // (B, P_i, H_i, W_i)
            projected[i] = i == 0 ? map : nn.functional.interpolate(
                map, [first[2], first[3]], mode: InterpolationMode.Bilinear, align_corners: false);
        }

        var fused = cat(projected, 1);                                  // (B, sum P_i, H_0, W_0)
        var hidden = nn.functional.relu(norm.call(fuse.call(fused)));   // (B, hidden, H_0, W_0)
        var logits = predict.call(hidden);                              // (B, O, H_0, W_0)
        var output = nn.functional.interpolate(
            logits, [height, width], mode: InterpolationMode.Bilinear, align_corners: false); // (B, O, H, W)
        return output.MoveToOuterDisposeScope();
    }
}
