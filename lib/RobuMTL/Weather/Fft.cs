namespace RobuMTL.Weather;

/// <summary>An in-place radix-2 complex FFT, enough for the frequency-noise grids (power-of-two sides).</summary>
internal static class Fft
{
    /// <summary>Transforms one strided complex sequence; the inverse uses e^{+i} and divides by n.</summary>
    public static void Transform(double[] re, double[] im, int offset, int stride, int n, bool inverse)
    {
        if (n < 2)
        {
            return;
        }

        if ((n & (n - 1)) != 0)
        {
            throw new ArgumentException($"FFT length {n} is not a power of two", nameof(n));
        }

        // Bit-reversal permutation.
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                var a = offset + (i * stride);
                var b = offset + (j * stride);
                (re[a], re[b]) = (re[b], re[a]);
                (im[a], im[b]) = (im[b], im[a]);
            }
        }

        var sign = inverse ? 1.0 : -1.0;
        for (var length = 2; length <= n; length <<= 1)
        {
            var angle = sign * 2 * Math.PI / length;
            var (stepRe, stepIm) = (Math.Cos(angle), Math.Sin(angle));
            for (var start = 0; start < n; start += length)
            {
                var (wRe, wIm) = (1.0, 0.0);
                for (var k = 0; k < length / 2; k++)
                {
                    var a = offset + ((start + k) * stride);
                    var b = offset + ((start + k + (length / 2)) * stride);
                    var tRe = (re[b] * wRe) - (im[b] * wIm);
                    var tIm = (re[b] * wIm) + (im[b] * wRe);
                    re[b] = re[a] - tRe;
                    im[b] = im[a] - tIm;
                    re[a] += tRe;
                    im[a] += tIm;
                    (wRe, wIm) = ((wRe * stepRe) - (wIm * stepIm), (wRe * stepIm) + (wIm * stepRe));
                }
            }
        }

        if (inverse)
        {
            for (var i = 0; i < n; i++)
            {
                re[offset + (i * stride)] /= n;
                im[offset + (i * stride)] /= n;
            }
        }
    }

    /// <summary>2-D transform of a row-major (rows, cols) complex grid: every row, then every column.</summary>
    public static void Transform2D(double[] re, double[] im, int rows, int cols, bool inverse)
    {
        for (var r = 0; r < rows; r++)
        {
            Transform(re, im, r * cols, 1, cols, inverse);
        }

        // Columns are copied out to contiguous scratch: strided butterflies thrash the cache on large grids.
        var columnRe = new double[rows];
        var columnIm = new double[rows];
        for (var c = 0; c < cols; c++)
        {
            for (var r = 0; r < rows; r++)
            {
                columnRe[r] = re[(r * cols) + c];
                columnIm[r] = im[(r * cols) + c];
            }

            Transform(columnRe, columnIm, 0, 1, rows, inverse);
            for (var r = 0; r < rows; r++)
            {
                re[(r * cols) + c] = columnRe[r];
                im[(r * cols) + c] = columnIm[r];
            }
        }
    }

    /// <summary>The smallest power of two that is at least <paramref name="n"/>.</summary>
    public static int CeilPowerOfTwo(int n) => n <= 1 ? 1 : 1 << (32 - int.LeadingZeroCount(n - 1));
}
