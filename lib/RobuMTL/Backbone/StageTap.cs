namespace RobuMTL.Backbone;

/// <summary>Where each stage's output map is taken.</summary>
public enum StageTap
{
    /// <summary>
    /// MTLoRA (Microsoft Swin layout): after the stage's patch merging, applied per task stream; channels
    /// [2C, 4C, 8C, 8C] at strides [2p, 4p, 8p, 8p] for patch p (the last stage has no merging).
    /// </summary>
    AfterMerging,

    /// <summary>
    /// torchvision/timm feature layout: the blocks' output; channels [C, 2C, 4C, 8C] at strides [p, 2p, 4p, 8p].
    /// </summary>
    BeforeMerging,
}
