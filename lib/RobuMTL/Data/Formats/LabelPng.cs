using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace RobuMTL.Data.Formats;

/// <summary>
/// Single-channel 8-bit label maps as greyscale PNGs: one byte per pixel holding the label value itself
/// (class id, part id, 0/1, 255 = ignore), not a colour.
/// </summary>
public static class LabelPng
{
    /// <summary>Writes a (H * W) label map as an 8-bit greyscale PNG.</summary>
    public static void Write(string path, byte[] labels, int width, int height)
    {
        if (labels.Length != width * height)
        {
            throw new ArgumentException($"{width}x{height} needs {width * height} labels, got {labels.Length}");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var image = Image.LoadPixelData<L8>(labels, width, height);
        image.SaveAsPng(path, new PngEncoder
        {
            ColorType = PngColorType.Grayscale,
            BitDepth = PngBitDepth.Bit8,
            CompressionLevel = PngCompressionLevel.BestSpeed,
        });
    }

    /// <summary>
    /// Reads a greyscale label PNG, checking its size when <paramref name="width"/> and <paramref name="height"/>
    /// are given.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// The file is missing, undecodable, a colour or palette PNG (whose values are colours, not labels), or of
    /// the wrong size; the message names the file and what was expected.
    /// </exception>
    public static byte[] Read(string path, int? width = null, int? height = null)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"Label map '{path}' does not exist.");
        }

        try
        {
            var info = Image.Identify(path, out var format)
                ?? throw new UnknownImageFormatException("unknown format");
            var png = info.Metadata.GetPngMetadata();
            if (format is PngFormat
                && png.ColorType is not (PngColorType.Grayscale or PngColorType.GrayscaleWithAlpha))
            {
                throw new InvalidDataException(
                    $"Label map '{path}' is a {png.ColorType} PNG; expected 8-bit greyscale holding label values "
                    + "(convert palette PNGs to their indices).");
            }

            using var image = Image.Load<L8>(path);
            if ((width is { } w && image.Width != w) || (height is { } h && image.Height != h))
            {
                throw new InvalidDataException(
                    $"Label map '{path}' is {image.Width}x{image.Height}, expected {width}x{height} like its image.");
            }

            var labels = new byte[image.Width * image.Height];
            image.CopyPixelDataTo(labels);
            return labels;
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException)
        {
            throw new InvalidDataException($"Label map '{path}' is not a readable image ({e.Message}).", e);
        }
    }
}
