using RobuMTL.Imaging;

namespace RobuMTL.Data.Augmentation;

/// <summary>
/// Geometric operations applied to a whole sample with the right rule per map: bilinear for the image,
/// bilinear then renormalised for normals, nearest for class maps, masks and depth (depth is not blended so
/// that no value is invented across an occlusion or next to an invalid zero).
/// </summary>
public static class SampleGeometry
{
    /// <summary>Mirrors left-right; normals get their x component negated.</summary>
    public static MultiTaskSample FlipHorizontal(MultiTaskSample s)
    {
        var (w, h) = (s.Width, s.Height);
        var normals = FlipMap(s.Normals, w, h, 3);
        if (normals is not null)
        {
            for (var p = 0; p < normals.Length; p += 3)
            {
                normals[p] = -normals[p];
            }
        }

        return s with
        {
            Image = new RgbImage(w, h, FlipMap(s.Image.Pixels, w, h, 3)!),
            Semantic = FlipMap(s.Semantic, w, h, 1),
            HumanParts = FlipMap(s.HumanParts, w, h, 1),
            Saliency = FlipMap(s.Saliency, w, h, 1),
            Edges = FlipMap(s.Edges, w, h, 1),
            Depth = FlipMap(s.Depth, w, h, 1),
            Normals = normals,
        };
    }

    /// <summary>Resizes to <paramref name="width"/> x <paramref name="height"/> (half-pixel centres).</summary>
    public static MultiTaskSample Resize(MultiTaskSample s, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (width == s.Width && height == s.Height)
        {
            return s;
        }

        var normals = s.Normals is null ? null : Bilinear(s.Normals, s.Width, s.Height, 3, width, height);
        if (normals is not null)
        {
            Renormalize(normals);
        }

        return s with
        {
            Image = new RgbImage(width, height, Bilinear(s.Image.Pixels, s.Width, s.Height, 3, width, height)),
            Semantic = Nearest(s.Semantic, s.Width, s.Height, width, height),
            HumanParts = Nearest(s.HumanParts, s.Width, s.Height, width, height),
            Saliency = Nearest(s.Saliency, s.Width, s.Height, width, height),
            Edges = Nearest(s.Edges, s.Width, s.Height, width, height),
            Depth = Nearest(s.Depth, s.Width, s.Height, width, height),
            Normals = normals,
        };
    }

    /// <summary>
    /// Takes the window at (<paramref name="left"/>, <paramref name="top"/>) of the given size; parts outside
    /// the source are filled: image with <paramref name="imageFill"/> (RGB in [0, 1]), class maps and masks
    /// with 255 (ignore), depth and normals with 0 (invalid).
    /// </summary>
    public static MultiTaskSample CropOrPad(
        MultiTaskSample s, int left, int top, int width, int height, IReadOnlyList<float> imageFill)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var pixels = Window(s.Image.Pixels, s.Width, s.Height, 3, left, top, width, height, 0f);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (sx, sy) = (x + left, y + top);
                if (sx < 0 || sy < 0 || sx >= s.Width || sy >= s.Height)
                {
                    var p = ((y * width) + x) * 3;
                    (pixels[p], pixels[p + 1], pixels[p + 2]) = (imageFill[0], imageFill[1], imageFill[2]);
                }
            }
        }

        T[]? Cut<T>(T[]? map, int channels, T fill) =>
            map is null ? null : Window(map, s.Width, s.Height, channels, left, top, width, height, fill);
        return s with
        {
            Image = new RgbImage(width, height, pixels),
            Semantic = Cut(s.Semantic, 1, MultiTaskSample.Ignore),
            HumanParts = Cut(s.HumanParts, 1, MultiTaskSample.Ignore),
            Saliency = Cut(s.Saliency, 1, MultiTaskSample.Ignore),
            Edges = Cut(s.Edges, 1, MultiTaskSample.Ignore),
            Depth = Cut(s.Depth, 1, 0f),
            Normals = Cut(s.Normals, 3, 0f),
        };
    }

    private static T[]? FlipMap<T>(T[]? map, int w, int h, int channels)
    {
        if (map is null)
        {
            return null;
        }

        var result = new T[map.Length];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                Array.Copy(map, ((y * w) + x) * channels, result, ((y * w) + (w - 1 - x)) * channels, channels);
            }
        }

        return result;
    }

    private static T[]? Nearest<T>(T[]? map, int w, int h, int outW, int outH)
    {
        if (map is null)
        {
            return null;
        }

        var result = new T[outW * outH];
        for (var y = 0; y < outH; y++)
        {
            var sy = Math.Min(h - 1, (int)((y + 0.5) * h / outH));
            for (var x = 0; x < outW; x++)
            {
                var sx = Math.Min(w - 1, (int)((x + 0.5) * w / outW));
                result[(y * outW) + x] = map[(sy * w) + sx];
            }
        }

        return result;
    }

    private static float[] Bilinear(float[] map, int w, int h, int channels, int outW, int outH)
    {
        var result = new float[outW * outH * channels];
        for (var y = 0; y < outH; y++)
        {
            var fy = Math.Clamp(((y + 0.5f) * h / outH) - 0.5f, 0f, h - 1);
            var y0 = (int)fy;
            var y1 = Math.Min(y0 + 1, h - 1);
            var ty = fy - y0;
            for (var x = 0; x < outW; x++)
            {
                var fx = Math.Clamp(((x + 0.5f) * w / outW) - 0.5f, 0f, w - 1);
                var x0 = (int)fx;
                var x1 = Math.Min(x0 + 1, w - 1);
                var tx = fx - x0;
                var (p00, p01) = (((y0 * w) + x0) * channels, ((y0 * w) + x1) * channels);
                var (p10, p11) = (((y1 * w) + x0) * channels, ((y1 * w) + x1) * channels);
                for (var c = 0; c < channels; c++)
                {
                    var top = (map[p00 + c] * (1 - tx)) + (map[p01 + c] * tx);
                    var bottom = (map[p10 + c] * (1 - tx)) + (map[p11 + c] * tx);
                    result[(((y * outW) + x) * channels) + c] = (top * (1 - ty)) + (bottom * ty);
                }
            }
        }

        return result;
    }

    private static T[] Window<T>(T[] map, int w, int h, int channels, int left, int top, int outW, int outH, T fill)
    {
        var result = new T[outW * outH * channels];
        Array.Fill(result, fill);
        for (var y = 0; y < outH; y++)
        {
            var sy = y + top;
            if (sy < 0 || sy >= h)
            {
                continue;
            }

            var x0 = Math.Max(0, -left);
            var x1 = Math.Min(outW, w - left);
            if (x1 > x0)
            {
                Array.Copy(map, ((sy * w) + x0 + left) * channels, result, ((y * outW) + x0) * channels,
                    (x1 - x0) * channels);
            }
        }

        return result;
    }

    /// <summary>Scales each non-zero vector of an interleaved (H * W * 3) array to unit length in place.</summary>
    internal static void Renormalize(float[] normals)
    {
        for (var p = 0; p < normals.Length; p += 3)
        {
            var len = MathF.Sqrt((normals[p] * normals[p]) + (normals[p + 1] * normals[p + 1])
                + (normals[p + 2] * normals[p + 2]));
            var scale = len > 1e-6f ? 1f / len : 0f;
            normals[p] *= scale;
            normals[p + 1] *= scale;
            normals[p + 2] *= scale;
        }
    }
}
