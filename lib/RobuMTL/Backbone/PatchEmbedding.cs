using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace RobuMTL.Backbone;

/// <summary>
/// The stem: a patch-size strided convolution and a LayerNorm on channels-last tokens. Registered as
/// <c>0</c> (conv) and <c>2</c> (norm) so the keys equal torchvision's <c>features.0.0</c> / <c>features.0.2</c>.
/// </summary>
public sealed class PatchEmbedding : nn.Module
{
    [ComponentName(Name = "0")]
    private readonly Conv2d conv;

    [ComponentName(Name = "2")]
    private readonly LayerNorm norm;

    /// <summary>Builds the stem for 3-channel images.</summary>
    public PatchEmbedding(int embedDim, int patchSize) : base(nameof(PatchEmbedding))
    {
        conv = nn.Conv2d(3, embedDim, kernel_size: patchSize, stride: patchSize);
        norm = nn.LayerNorm(embedDim, eps: 1e-5);
        RegisterComponents();
    }

    /// <summary>Embeds images (B, 3, H, W); sizes that do not divide by the patch lose the remainder.</summary>
    /// <returns>(B, H / p, W / p, C).</returns>
    public Tensor forward(Tensor images) =>
        norm.call(conv.call(images).permute(0, 2, 3, 1)); // (B, H/p, W/p, C)
}
