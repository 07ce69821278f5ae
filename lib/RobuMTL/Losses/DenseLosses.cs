using static TorchSharp.torch;

namespace RobuMTL.Losses;

/// <summary>
/// The per-task dense losses of MTLoRA / Multi-Task-Learning-PyTorch, each returning a scalar (). Ignored or
/// invalid pixels contribute neither value nor gradient.
/// </summary>
public static class DenseLosses
{
    /// <summary>
    /// Cross-entropy of logits (B, C, H, W) against labels (B, H, W) int64, averaged over the non-ignored pixels.
    /// A batch with every pixel ignored (a PASCAL image without people, for parts) gives 0, not NaN.
    /// </summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor labels, long ignoreIndex = 255)
    {
        CheckSpatial(logits, labels, "cross-entropy");
        using var scope = NewDisposeScope();
        var summed = nn.functional.cross_entropy(
            logits, labels, ignore_index: ignoreIndex, reduction: nn.Reduction.Sum);
        var valid = labels.ne(ignoreIndex).sum().clamp_min(1).to(logits.dtype);
        return (summed / valid).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// HED-style balanced binary cross-entropy of logits (B, 1, H, W) against targets (B, 1, H, W) in {0, 1}
    /// (pixels equal to <paramref name="ignoreIndex"/> are ignored). Positives are weighted by w and negatives by
    /// 1 - w, with w = <paramref name="positiveWeight"/> or, when null, the fraction of valid pixels that are
    /// negative. As in Multi-Task-Learning-PyTorch the weighted sum is divided by the number of all pixels.
    /// Deviation: ignored pixels are masked out with a fixed weight too (the reference masks them only when w is
    /// computed from the labels).
    /// </summary>
    public static Tensor BalancedBinaryCrossEntropy(
        Tensor logits, Tensor targets, double? positiveWeight = null, double ignoreIndex = 255)
    {
        CheckSame(logits, targets, "balanced BCE");
        using var scope = NewDisposeScope();
        var valid = targets.ne(ignoreIndex).to(logits.dtype);
        var positive = targets.ge(0.5).to(logits.dtype) * valid;
        var negative = valid - positive;
        var perPixel = nn.functional.binary_cross_entropy_with_logits(
            logits, positive, reduction: nn.Reduction.None);           // (B, 1, H, W)
        var lossPositive = (perPixel * positive).sum();
        var lossNegative = (perPixel * negative).sum();
        var w = positiveWeight is { } fixedWeight
            ? tensor(fixedWeight, logits.dtype, logits.device)
            : negative.sum() / valid.sum().clamp_min(1);
        var loss = (w * lossPositive + (1 - w) * lossNegative) / targets.numel();
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// L1 between unit-normalised predictions (B, 3, H, W) and target normals (B, 3, H, W), averaged over the
    /// components of valid pixels. A target pixel is invalid when any component equals
    /// <paramref name="ignoreIndex"/> or the vector is zero (NYUD-v2 marks missing normals with zeros).
    /// </summary>
    public static Tensor NormalsL1(Tensor predictions, Tensor targets, double ignoreIndex = 255)
    {
        CheckSame(predictions, targets, "normals L1");
        using var scope = NewDisposeScope();
        var valid = NormalsValidMask(targets, ignoreIndex).to(predictions.dtype); // (B, 1, H, W)
        var unit = predictions / predictions.norm(1, keepdim: true).clamp_min(1e-12); // (B, 3, H, W)
        var safeTargets = targets.nan_to_num(0, 0, 0) * valid;
        var summed = ((unit - safeTargets).abs() * valid).sum();
        var count = (valid.sum() * targets.shape[1]).clamp_min(1);
        return (summed / count).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// L1 between predicted depth (B, 1, H, W) and target depth (B, 1, H, W), averaged over valid pixels: a target
    /// pixel is valid when it is finite and greater than zero (0 marks missing depth).
    /// </summary>
    public static Tensor DepthL1(Tensor predictions, Tensor targets)
    {
        CheckSame(predictions, targets, "depth L1");
        using var scope = NewDisposeScope();
        var valid = DepthValidMask(targets).to(predictions.dtype);
        var safeTargets = targets.nan_to_num(0, 0, 0) * valid;
        var summed = ((predictions - safeTargets).abs() * valid).sum();
        return (summed / valid.sum().clamp_min(1)).MoveToOuterDisposeScope();
    }

    /// <summary>Valid-pixel mask (B, 1, H, W) of target normals (B, 3, H, W); shared with the normals metric.</summary>
    public static Tensor NormalsValidMask(Tensor targets, double ignoreIndex = 255)
    {
        using var scope = NewDisposeScope();
        var ignored = targets.eq(ignoreIndex).any(1, keepdim: true);    // (B, 1, H, W)
        var zero = targets.abs().sum(1, keepdim: true).eq(0);           // (B, 1, H, W)
        var finite = targets.isfinite().all(1, keepdim: true);          // (B, 1, H, W)
        return (ignored.logical_not() & zero.logical_not() & finite).MoveToOuterDisposeScope();
    }

    /// <summary>Valid-pixel mask (B, 1, H, W) of target depth (B, 1, H, W); shared with the depth metric.</summary>
    public static Tensor DepthValidMask(Tensor targets)
    {
        using var scope = NewDisposeScope();
        return (targets.isfinite() & targets.gt(0)).MoveToOuterDisposeScope();
    }

    private static void CheckSame(Tensor prediction, Tensor target, string what)
    {
        if (!prediction.shape.SequenceEqual(target.shape))
        {
            throw new ArgumentException(
                $"The {what} prediction is ({string.Join(", ", prediction.shape)}) but the target is " +
                $"({string.Join(", ", target.shape)}); resize the prediction to the target size first.");
        }
    }

    private static void CheckSpatial(Tensor logits, Tensor labels, string what)
    {
        if (logits.dim() != 4 || labels.dim() != 3 || logits.shape[0] != labels.shape[0]
            || logits.shape[2] != labels.shape[1] || logits.shape[3] != labels.shape[2])
        {
            throw new ArgumentException(
                $"The {what} logits are ({string.Join(", ", logits.shape)}) and the labels " +
                $"({string.Join(", ", labels.shape)}); expected (B, C, H, W) logits and (B, H, W) labels.");
        }
    }
}
