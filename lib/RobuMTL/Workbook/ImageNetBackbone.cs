using Microsoft.Extensions.Logging;
using RobuMTL.Backbone;
using RobuMTL.Backbone.Weights;

namespace RobuMTL.Workbook;

/// <summary>
/// Puts ImageNet Swin weights into the backbone of a workbook model before its phase trains: the clean MTL
/// fine-tunes from them, and the LoRA methods freeze them, as the paper does.
/// </summary>
public static class ImageNetBackbone
{
    /// <summary>
    /// Loads <paramref name="path"/> into <paramref name="backbone"/> strictly: every base tensor of the Swin must
    /// be in the file with its shape. The LoRA experts are new and keep their no-op start; the file's ImageNet
    /// classifier is skipped, because a dense-task backbone has none. The report goes to
    /// <paramref name="logger"/> as one summary line.
    /// </summary>
    /// <param name="backbone">The backbone of a fresh model, built without a classifier head.</param>
    /// <param name="path">A torchvision <c>.pth</c> or timm <c>.safetensors</c> Swin checkpoint.</param>
    /// <param name="logger">Receives the load report.</param>
    /// <exception cref="FileNotFoundException">The file is missing; the message says where to get it.</exception>
    /// <exception cref="WeightLoadException">The file does not fit the backbone; nothing was changed.</exception>
    public static WeightLoadReport Load(MultiTaskSwin backbone, string path, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(MissingMessage(path), path);
        }

        return WeightLoader.LoadFile(backbone, path, options: WeightLoadOptions.Strict, logger: logger);
    }

    /// <summary>
    /// Loads the profile's ImageNet weights into the backbone of a phase's fresh model; false when the profile
    /// names none. A phase that already has a checkpoint gets every weight back from it, so the file is not
    /// read (nor needed) again.
    /// </summary>
    /// <exception cref="FileNotFoundException">The profile's file is missing.</exception>
    internal static bool StartPhase(WorkbookSession session, string phase, MultiTaskSwin backbone, ILogger logger)
    {
        var path = session.PretrainedWeightsPath;
        if (path is null)
        {
            return false;
        }

        if (session.Checkpoints.ReadState(phase) is null)
        {
            Load(backbone, path, logger);
        }

        return true;
    }

    private static string MissingMessage(string path) =>
        $"The ImageNet Swin weights '{path}' (the profile's PretrainedWeights) do not exist. Download "
        + "torchvision's swin_t IMAGENET1K_V1 weights, swin_t-704ceda3.pth from the torchvision model zoo "
        + "(https://download.pytorch.org/models/swin_t-704ceda3.pth), or timm's swin_tiny_patch4_window7_224 "
        + ".safetensors, save it at that path (or point PretrainedWeights at it; a relative path is taken from "
        + "the repository root), and check it with `dotnet run --project lib/RobuMTL.Cli -- check-weights "
        + "<file>`.";
}
