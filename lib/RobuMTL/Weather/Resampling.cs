namespace RobuMTL.Weather;

/// <summary>Bicubic resizing of single-channel float maps (OpenCV's cubic: a = -0.75, pixel centres aligned).</summary>
internal static class Resampling
{
    private const double A = -0.75;

    /// <summary>Resizes a row-major (srcHeight, srcWidth) map to (height, width); edges are replicated.</summary>
    public static float[] Bicubic(float[] source, int srcWidth, int srcHeight, int width, int height)
    {
        if (srcWidth == width && srcHeight == height)
        {
            return (float[])source.Clone();
        }

        var (xIndex, xWeight) = Plan(srcWidth, width);
        var (yIndex, yWeight) = Plan(srcHeight, height);

        // Horizontal pass: (srcHeight, width).
        var rows = new float[srcHeight * width];
        for (var y = 0; y < srcHeight; y++)
        {
            var src = source.AsSpan(y * srcWidth, srcWidth);
            var dst = rows.AsSpan(y * width, width);
            for (var x = 0; x < width; x++)
            {
                var sum = 0f;
                for (var k = 0; k < 4; k++)
                {
                    sum += xWeight[(4 * x) + k] * src[xIndex[(4 * x) + k]];
                }

                dst[x] = sum;
            }
        }

        // Vertical pass: (height, width).
        var result = new float[height * width];
        for (var y = 0; y < height; y++)
        {
            var dst = result.AsSpan(y * width, width);
            for (var k = 0; k < 4; k++)
            {
                var weight = yWeight[(4 * y) + k];
                var src = rows.AsSpan(yIndex[(4 * y) + k] * width, width);
                for (var x = 0; x < width; x++)
                {
                    dst[x] += weight * src[x];
                }
            }
        }

        return result;
    }

    private static (int[] Index, float[] Weight) Plan(int sourceSize, int size)
    {
        var index = new int[4 * size];
        var weight = new float[4 * size];
        var scale = (double)sourceSize / size;
        for (var i = 0; i < size; i++)
        {
            var center = ((i + 0.5) * scale) - 0.5;
            var left = (int)Math.Floor(center);
            var t = center - left;
            for (var k = 0; k < 4; k++)
            {
                index[(4 * i) + k] = Math.Clamp(left - 1 + k, 0, sourceSize - 1);
                weight[(4 * i) + k] = (float)Cubic(Math.Abs(t - (k - 1)));
            }
        }

        return (index, weight);
    }

    private static double Cubic(double d) => d switch
    {
        <= 1 => ((((A + 2) * d) - (A + 3)) * d * d) + 1,
        < 2 => ((((A * d) - (5 * A)) * d) + (8 * A)) * d - (4 * A),
        _ => 0,
    };
}
