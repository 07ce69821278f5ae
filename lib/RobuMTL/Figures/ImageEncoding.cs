using RobuMTL.Imaging;
using SixLabors.ImageSharp;

namespace RobuMTL.Figures;

/// <summary>Embeds images in figures as PNG data URIs, so HTML and notebooks need no image files.</summary>
public static class ImageEncoding
{
    /// <summary>The image as <c>data:image/png;base64,...</c> (values clamped to [0, 1], 8 bits per channel).</summary>
    public static string ToPngDataUri(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var sharp = image.ToImageSharp();
        using var stream = new MemoryStream();
        sharp.SaveAsPng(stream);
        return "data:image/png;base64," + Convert.ToBase64String(stream.ToArray());
    }
}
