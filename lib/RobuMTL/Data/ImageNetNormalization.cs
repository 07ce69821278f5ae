using static TorchSharp.torch;

namespace RobuMTL.Data;

/// <summary>
/// The ImageNet channel mean and standard deviation the pretrained Swin expects. The workbook applies it once,
/// in <see cref="MultiTaskBatch.Collate"/>, after every per-sample transform (weather effects work on [0, 1]
/// images), so batches reach the model normalised.
/// </summary>
public static class ImageNetNormalization
{
    /// <summary>Per-channel mean (R, G, B) of ImageNet in [0, 1] units.</summary>
    public static IReadOnlyList<float> Mean { get; } = [0.485f, 0.456f, 0.406f];

    /// <summary>Per-channel standard deviation (R, G, B) of ImageNet in [0, 1] units.</summary>
    public static IReadOnlyList<float> Std { get; } = [0.229f, 0.224f, 0.225f];

    /// <summary>(x - mean) / std per channel of a (B, 3, H, W) float tensor in [0, 1]; returns (B, 3, H, W).</summary>
    public static Tensor Normalize(Tensor images)
    {
        CheckShape(images);
        using var mean = tensor(Mean.ToArray(), [1, 3, 1, 1]).to(images.device);
        using var std = tensor(Std.ToArray(), [1, 3, 1, 1]).to(images.device);
        return (images - mean) / std;
    }

    /// <summary>Inverse of <see cref="Normalize"/>: x * std + mean; (B, 3, H, W) in and out.</summary>
    public static Tensor Denormalize(Tensor images)
    {
        CheckShape(images);
        using var mean = tensor(Mean.ToArray(), [1, 3, 1, 1]).to(images.device);
        using var std = tensor(Std.ToArray(), [1, 3, 1, 1]).to(images.device);
        return (images * std) + mean;
    }

    private static void CheckShape(Tensor images)
    {
        if (images.dim() != 4 || images.shape[1] != 3)
        {
            throw new ArgumentException(
                $"expected images (B, 3, H, W), got ({string.Join(", ", images.shape)})", nameof(images));
        }
    }
}
