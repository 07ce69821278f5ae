using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static TorchSharp.torch;

namespace RobuMTL.Imaging;

/// <summary>
/// An RGB image as interleaved floats in [0, 1], row-major (H, W, 3). The common currency of weather effects,
/// scene generation and image files; <see cref="ToTensor"/> gives the (3, H, W) layout models use.
/// </summary>
public sealed class RgbImage
{
    /// <summary>Wraps existing pixels (not copied). <paramref name="pixels"/> holds H * W * 3 values.</summary>
    public RgbImage(int width, int height, float[] pixels)
    {
        if (width < 1 || height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"image size {width}x{height} must be positive");
        }

        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != width * height * 3)
        {
            throw new ArgumentException(
                $"{width}x{height} RGB needs {width * height * 3} values, got {pixels.Length}", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>A black image.</summary>
    public RgbImage(int width, int height)
        : this(width, height, new float[width * height * 3])
    {
    }

    /// <summary>Width in pixels (W).</summary>
    public int Width { get; }

    /// <summary>Height in pixels (H).</summary>
    public int Height { get; }

    /// <summary>Interleaved RGB values in [0, 1], index (y * W + x) * 3 + c.</summary>
    public float[] Pixels { get; }

    /// <summary>A deep copy.</summary>
    public RgbImage Clone() => new(Width, Height, (float[])Pixels.Clone());

    /// <summary>Reads a PNG, JPEG or any format ImageSharp decodes.</summary>
    /// <exception cref="InvalidDataException">
    /// The file is missing or not a decodable image; the message names it.
    /// </exception>
    public static RgbImage Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"Image file '{path}' does not exist.");
        }

        try
        {
            using var image = Image.Load<Rgb24>(path);
            return FromImageSharp(image);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException)
        {
            throw new InvalidDataException($"'{path}' is not a readable image ({e.Message}).", e);
        }
    }

    /// <summary>Writes the image; the format follows the extension (.png, .jpg/.jpeg, .bmp).</summary>
    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var image = ToImageSharp();
        image.Save(path);
    }

    /// <summary>Converts from an ImageSharp image (rows read as spans, no per-pixel indexer).</summary>
    public static RgbImage FromImageSharp(Image<Rgb24> image)
    {
        var result = new RgbImage(image.Width, image.Height);
        var pixels = result.Pixels;
        var width = image.Width;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var offset = y * width * 3;
                for (var x = 0; x < row.Length; x++)
                {
                    pixels[offset + (3 * x)] = row[x].R / 255f;
                    pixels[offset + (3 * x) + 1] = row[x].G / 255f;
                    pixels[offset + (3 * x) + 2] = row[x].B / 255f;
                }
            }
        });
        return result;
    }

    /// <summary>Converts to an 8-bit ImageSharp image, clamping to [0, 1] and rounding.</summary>
    public Image<Rgb24> ToImageSharp()
    {
        var image = new Image<Rgb24>(Width, Height);
        var pixels = Pixels;
        var width = Width;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var offset = y * width * 3;
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = new Rgb24(
                        ToByte(pixels[offset + (3 * x)]),
                        ToByte(pixels[offset + (3 * x) + 1]),
                        ToByte(pixels[offset + (3 * x) + 2]));
                }
            }
        });
        return image;
    }

    /// <summary>The image as a float tensor (3, H, W) in [0, 1] on the CPU.</summary>
    public Tensor ToTensor()
    {
        using var hwc = tensor(Pixels, [Height, Width, 3]);
        return hwc.permute(2, 0, 1).contiguous(); // (3, H, W)
    }

    /// <summary>Stacks images of one size into a float tensor (B, 3, H, W).</summary>
    public static Tensor ToBatchTensor(IReadOnlyList<RgbImage> images)
    {
        ArgumentOutOfRangeException.ThrowIfZero(images.Count);
        var (width, height) = (images[0].Width, images[0].Height);
        var data = new float[images.Count * height * width * 3];
        for (var i = 0; i < images.Count; i++)
        {
            if (images[i].Width != width || images[i].Height != height)
            {
                throw new ArgumentException(
                    $"image {i} is {images[i].Width}x{images[i].Height}, expected {width}x{height}", nameof(images));
            }

            images[i].Pixels.CopyTo(data, i * height * width * 3);
        }

        using var bhwc = tensor(data, [images.Count, height, width, 3]);
        return bhwc.permute(0, 3, 1, 2).contiguous(); // (B, 3, H, W)
    }

    /// <summary>Reads a (3, H, W) float tensor in [0, 1] back into an image.</summary>
    public static RgbImage FromTensor(Tensor chw)
    {
        if (chw.dim() != 3 || chw.shape[0] != 3)
        {
            throw new ArgumentException($"expected a (3, H, W) tensor, got ({string.Join(", ", chw.shape)})");
        }

        using var hwc = chw.detach().cpu().to(ScalarType.Float32).permute(1, 2, 0).contiguous(); // (H, W, 3)
        return new RgbImage((int)chw.shape[2], (int)chw.shape[1], hwc.data<float>().ToArray());
    }

    private static byte ToByte(float v) => (byte)Math.Clamp(MathF.Round(v * 255f), 0f, 255f);
}
