using System.Numerics;

namespace RobuMTL.Weather;

/// <summary>
/// Sparse-kernel filtering of interleaved (H, W, C) float maps with replicated edges, and the kernels the effects
/// need: Gaussian (separable), disk (defocus), and line kernels (motion blur, rain and snow streaks).
/// </summary>
internal static class Convolution
{
    /// <summary>out(x, y) = sum of w * in(clamp(x + dx), clamp(y + dy)); returns a new (H, W, C) map.</summary>
    public static float[] Apply(float[] source, int width, int height, int channels, IReadOnlyList<Tap> taps)
    {
        var result = new float[source.Length];
        var stride = width * channels;
        foreach (var tap in taps)
        {
            // Columns whose source x + dx lies inside the image; the rest read the edge column.
            var inStart = Math.Clamp(-tap.Dx, 0, width);
            var inEnd = Math.Clamp(width - tap.Dx, inStart, width);
            for (var y = 0; y < height; y++)
            {
                var sourceY = Math.Clamp(y + tap.Dy, 0, height - 1);
                var src = source.AsSpan(sourceY * stride, stride);
                var dst = result.AsSpan(y * stride, stride);
                if (inEnd > inStart)
                {
                    AddScaled(
                        dst.Slice(inStart * channels, (inEnd - inStart) * channels),
                        src.Slice((inStart + tap.Dx) * channels, (inEnd - inStart) * channels),
                        tap.Weight);
                }

                AddEdge(dst, src[..channels], 0, inStart, channels, tap.Weight);
                AddEdge(dst, src[((width - 1) * channels)..], inEnd, width, channels, tap.Weight);
            }
        }

        return result;
    }

    /// <summary>Separable Gaussian blur (skimage's truncation at 4 sigma); returns a new (H, W, C) map.</summary>
    public static float[] GaussianBlur(float[] source, int width, int height, int channels, double sigma)
    {
        if (sigma <= 0)
        {
            return (float[])source.Clone();
        }

        var weights = GaussianWeights(sigma);
        var radius = weights.Length / 2;
        var horizontal = weights.Select((w, i) => new Tap(i - radius, 0, w)).ToArray();
        var vertical = weights.Select((w, i) => new Tap(0, i - radius, w)).ToArray();
        return Apply(Apply(source, width, height, channels, horizontal), width, height, channels, vertical);
    }

    /// <summary>Normalised 1-D Gaussian weights of radius round(4 sigma).</summary>
    public static float[] GaussianWeights(double sigma)
    {
        var radius = Math.Max(1, (int)((4 * sigma) + 0.5));
        var weights = new double[(2 * radius) + 1];
        for (var i = -radius; i <= radius; i++)
        {
            weights[i + radius] = Math.Exp(-(i * i) / (2 * sigma * sigma));
        }

        var sum = weights.Sum();
        return [.. weights.Select(w => (float)(w / sum))];
    }

    /// <summary>
    /// ImageNet-C's defocus kernel: a disk of <paramref name="radius"/> on a grid of half-size max(8, radius),
    /// smoothed by a small Gaussian (3x3, or 5x5 beyond radius 8) of <paramref name="aliasSigma"/>.
    /// </summary>
    public static Tap[] DiskTaps(double radius, double aliasSigma)
    {
        var half = (int)Math.Max(8, Math.Ceiling(radius));
        var size = (2 * half) + 1;
        var disk = new double[size * size];
        for (var y = -half; y <= half; y++)
        {
            for (var x = -half; x <= half; x++)
            {
                disk[((y + half) * size) + x + half] = (x * x) + (y * y) <= radius * radius ? 1 : 0;
            }
        }

        var smallRadius = radius <= 8 ? 1 : 2;
        var smooth = new double[(2 * smallRadius) + 1];
        for (var i = -smallRadius; i <= smallRadius; i++)
        {
            smooth[i + smallRadius] = Math.Exp(-(i * i) / (2 * aliasSigma * aliasSigma));
        }

        var taps = new List<Tap>();
        var kernel = new double[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var sum = 0.0;
                for (var j = -smallRadius; j <= smallRadius; j++)
                {
                    for (var i = -smallRadius; i <= smallRadius; i++)
                    {
                        var (sy, sx) = (y + j, x + i);
                        if (sy >= 0 && sy < size && sx >= 0 && sx < size)
                        {
                            sum += smooth[j + smallRadius] * smooth[i + smallRadius] * disk[(sy * size) + sx];
                        }
                    }
                }

                kernel[(y * size) + x] = sum;
            }
        }

        var total = kernel.Sum();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var w = kernel[(y * size) + x] / total;
                if (w > 1e-7)
                {
                    taps.Add(new Tap(x - half, y - half, (float)w));
                }
            }
        }

        return [.. taps];
    }

    /// <summary>
    /// A one-sided streak: <paramref name="length"/> samples at unit steps along direction (dx, dy), splatted
    /// bilinearly, with weights from <paramref name="weightAt"/>(step) and normalised to sum 1.
    /// </summary>
    public static Tap[] LineTaps(double dx, double dy, int length, Func<int, double> weightAt)
    {
        var weights = new Dictionary<(int X, int Y), double>();
        for (var t = 0; t < length; t++)
        {
            var (px, py) = (t * dx, t * dy);
            var (x0, y0) = ((int)Math.Floor(px), (int)Math.Floor(py));
            var (fx, fy) = (px - x0, py - y0);
            var w = weightAt(t);
            Accumulate(weights, x0, y0, w * (1 - fx) * (1 - fy));
            Accumulate(weights, x0 + 1, y0, w * fx * (1 - fy));
            Accumulate(weights, x0, y0 + 1, w * (1 - fx) * fy);
            Accumulate(weights, x0 + 1, y0 + 1, w * fx * fy);
        }

        var total = weights.Values.Sum();
        return [.. weights
            .Where(kv => kv.Value > 1e-9)
            .OrderBy(kv => kv.Key.Y).ThenBy(kv => kv.Key.X)
            .Select(kv => new Tap(kv.Key.X, kv.Key.Y, (float)(kv.Value / total)))];
    }

    private static void Accumulate(Dictionary<(int X, int Y), double> weights, int x, int y, double w)
    {
        if (w > 0)
        {
            weights[(x, y)] = weights.GetValueOrDefault((x, y)) + w;
        }
    }

    private static void AddEdge(Span<float> dst, ReadOnlySpan<float> pixel, int from, int to, int channels, float w)
    {
        for (var x = from; x < to; x++)
        {
            for (var c = 0; c < channels; c++)
            {
                dst[(x * channels) + c] += w * pixel[c];
            }
        }
    }

    /// <summary>dst += w * src, vectorised.</summary>
    internal static void AddScaled(Span<float> dst, ReadOnlySpan<float> src, float w)
    {
        var i = 0;
        var width = Vector<float>.Count;
        var scale = new Vector<float>(w);
        for (; i <= dst.Length - width; i += width)
        {
            (new Vector<float>(dst[i..]) + (scale * new Vector<float>(src[i..]))).CopyTo(dst[i..]);
        }

        for (; i < dst.Length; i++)
        {
            dst[i] += w * src[i];
        }
    }
}
