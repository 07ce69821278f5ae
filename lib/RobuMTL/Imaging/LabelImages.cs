using RobuMTL.Data;
using RobuMTL.Tasks;

namespace RobuMTL.Imaging;

/// <summary>
/// Turns dense labels (or predictions in label form) into RGB images that line up pixel for pixel with the input:
/// classes in a fixed palette, depth in a perceptual colour map, normals as colours, binary maps in grey.
/// Ignored or invalid pixels are black.
/// </summary>
public static class LabelImages
{
    // Class 0 (background) is dark grey so it differs from ignored (black); the rest are distinct hues.
    private static readonly float[][] Palette =
    [
        [0.25f, 0.25f, 0.25f], [0.90f, 0.10f, 0.29f], [0.24f, 0.71f, 0.29f], [1.00f, 0.88f, 0.10f],
        [0.00f, 0.51f, 0.78f], [0.96f, 0.51f, 0.19f], [0.57f, 0.12f, 0.71f], [0.27f, 0.94f, 0.94f],
        [0.94f, 0.20f, 0.90f], [0.82f, 0.96f, 0.24f], [0.98f, 0.75f, 0.83f], [0.00f, 0.50f, 0.50f],
        [0.86f, 0.75f, 1.00f], [0.67f, 0.43f, 0.16f], [1.00f, 0.98f, 0.78f], [0.50f, 0.00f, 0.00f],
        [0.67f, 1.00f, 0.76f], [0.50f, 0.50f, 0.00f], [1.00f, 0.84f, 0.71f], [0.00f, 0.00f, 0.50f],
    ];

    // Viridis sampled at 0, 0.25, 0.5, 0.75, 1; linear in between.
    private static readonly float[][] DepthStops =
    [
        [0.267f, 0.005f, 0.329f], [0.230f, 0.322f, 0.546f], [0.128f, 0.567f, 0.551f],
        [0.369f, 0.789f, 0.383f], [0.993f, 0.906f, 0.144f],
    ];

    /// <summary>The colour of class <paramref name="label"/> (RGB in [0, 1]); ignored (255) is black.</summary>
    public static (float R, float G, float B) ClassColor(byte label)
    {
        if (label == MultiTaskSample.Ignore)
        {
            return (0, 0, 0);
        }

        var c = Palette[label % Palette.Length];
        return (c[0], c[1], c[2]);
    }

    /// <summary>A class map (H * W) in the palette, (H, W, 3).</summary>
    public static RgbImage Classes(byte[] labels, int width, int height)
    {
        var image = Blank(labels, width, height, 1);
        for (var i = 0; i < labels.Length; i++)
        {
            var (r, g, b) = ClassColor(labels[i]);
            Set(image, i, r, g, b);
        }

        return image;
    }

    /// <summary>A binary map (H * W, 0 or 1) as black and white, ignored (255) as mid grey, (H, W, 3).</summary>
    public static RgbImage Binary(byte[] labels, int width, int height)
    {
        var image = Blank(labels, width, height, 1);
        for (var i = 0; i < labels.Length; i++)
        {
            var v = labels[i] == MultiTaskSample.Ignore ? 0.5f : labels[i] > 0 ? 1f : 0f;
            Set(image, i, v, v, v);
        }

        return image;
    }

    /// <summary>
    /// Depth (H * W, metres, 0 invalid) in viridis between the valid minimum (dark) and maximum (yellow), (H, W, 3).
    /// </summary>
    public static RgbImage Depth(float[] depth, int width, int height)
    {
        var image = Blank(depth, width, height, 1);
        var valid = depth.Where(d => d > 0).ToArray();
        if (valid.Length == 0)
        {
            return image;
        }

        var (min, max) = (valid.Min(), valid.Max());
        var span = Math.Max(max - min, 1e-6f);
        for (var i = 0; i < depth.Length; i++)
        {
            if (depth[i] > 0)
            {
                var (r, g, b) = Viridis((depth[i] - min) / span);
                Set(image, i, r, g, b);
            }
        }

        return image;
    }

    /// <summary>Unit normals (H * W * 3) as colours (n + 1) / 2; invalid (0, 0, 0) is black, (H, W, 3).</summary>
    public static RgbImage Normals(float[] normals, int width, int height)
    {
        var image = Blank(normals, width, height, 3);
        for (var i = 0; i < width * height; i++)
        {
            var (x, y, z) = (normals[3 * i], normals[(3 * i) + 1], normals[(3 * i) + 2]);
            if (x != 0 || y != 0 || z != 0)
            {
                Set(image, i, (x + 1) / 2, (y + 1) / 2, (z + 1) / 2);
            }
        }

        return image;
    }

    /// <summary>The label of <paramref name="task"/> in <paramref name="sample"/>, visualised, (H, W, 3).</summary>
    /// <exception cref="ArgumentException">The sample has no label for the task.</exception>
    public static RgbImage For(MultiTaskSample sample, TaskKind task)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (!sample.Has(task))
        {
            throw new ArgumentException($"Sample '{sample.Id}' has no {task} label; pick one of "
                + $"[{string.Join(", ", sample.Tasks)}].", nameof(task));
        }

        var (w, h) = (sample.Width, sample.Height);
        return task switch
        {
            TaskKind.SemanticSegmentation => Classes(sample.Semantic!, w, h),
            TaskKind.HumanParts => Classes(sample.HumanParts!, w, h),
            TaskKind.Saliency => Binary(sample.Saliency!, w, h),
            TaskKind.Edges => Binary(sample.Edges!, w, h),
            TaskKind.Depth => Depth(sample.Depth!, w, h),
            TaskKind.Normals => Normals(sample.Normals!, w, h),
            _ => throw new ArgumentOutOfRangeException(nameof(task), task, "unknown task"),
        };
    }

    private static (float R, float G, float B) Viridis(float t)
    {
        var position = Math.Clamp(t, 0f, 1f) * (DepthStops.Length - 1);
        var lower = Math.Min((int)position, DepthStops.Length - 2);
        var f = position - lower;
        var (a, b) = (DepthStops[lower], DepthStops[lower + 1]);
        return (a[0] + (f * (b[0] - a[0])), a[1] + (f * (b[1] - a[1])), a[2] + (f * (b[2] - a[2])));
    }

    private static RgbImage Blank<T>(T[] values, int width, int height, int channels)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != width * height * channels)
        {
            throw new ArgumentException(
                $"a {width}x{height} map with {channels} channel(s) needs {width * height * channels} values, "
                + $"got {values.Length}", nameof(values));
        }

        return new RgbImage(width, height);
    }

    private static void Set(RgbImage image, int pixel, float r, float g, float b)
    {
        image.Pixels[3 * pixel] = r;
        image.Pixels[(3 * pixel) + 1] = g;
        image.Pixels[(3 * pixel) + 2] = b;
    }
}
