namespace RobuMTL.Weather;

/// <summary>
/// imgaug-style frequency noise: a random complex spectrum weighted by distance^exponent from the zero frequency
/// (DC removed), inverse FFT, min-max normalised to [0.01, 1], computed at a reduced size and resized up.
/// Negative exponents give smooth, cloud-like maps; the reduced size sets the coarseness.
/// </summary>
internal static class FrequencyNoise
{
    /// <summary>A (height, width) map in [0, 1], row-major.</summary>
    /// <param name="height">Output height H.</param>
    /// <param name="width">Output width W.</param>
    /// <param name="exponent">Spectrum weight exponent (imgaug uses -4..-1 for weather).</param>
    /// <param name="sizePxMax">Longest side of the grid the noise is computed on before upscaling.</param>
    /// <param name="rng">Source of every random number.</param>
    public static float[] Generate(int height, int width, double exponent, int sizePxMax, Random rng)
    {
        var longest = Math.Max(height, width);
        var (smallHeight, smallWidth) = longest > sizePxMax
            ? ((int)(height * (double)sizePxMax / longest), (int)(width * (double)sizePxMax / longest))
            : (height, width);
        smallHeight = Math.Max(smallHeight, 4);
        smallWidth = Math.Max(smallWidth, 4);

        // Known limitation: the FFT is radix-2, so the spectrum lives on the next power-of-two grid and the
        // wanted size is cropped from it; the statistics match, the exact pattern differs from imgaug's.
        var rows = Fft.CeilPowerOfTwo(smallHeight);
        var cols = Fft.CeilPowerOfTwo(smallWidth);
        var re = new double[rows * cols];
        var im = new double[rows * cols];
        // distance^exponent depends on (min(y, rows - y), min(x, cols - x)) only: a quarter grid holds every value.
        var (halfRows, halfCols) = ((rows / 2) + 1, (cols / 2) + 1);
        var weight = new double[halfRows * halfCols];
        for (var fy = 0; fy < halfRows; fy++)
        {
            for (var fx = 0; fx < halfCols; fx++)
            {
                var squared = (fy * fy) + (fx * fx);
                weight[(fy * halfCols) + fx] = squared == 0 ? 0 : Math.Exp(0.5 * exponent * Math.Log(squared));
            }
        }

        var random = new FastRandom(rng);
        for (var y = 0; y < rows; y++)
        {
            var fy = Math.Min(y, rows - y);
            for (var x = 0; x < cols; x++)
            {
                var scale = weight[(fy * halfCols) + Math.Min(x, cols - x)];
                var magnitude = random.NextDouble() * scale;
                var (sin, cos) = Math.SinCos(2 * Math.PI * random.NextDouble());
                re[(y * cols) + x] = magnitude * cos;
                im[(y * cols) + x] = magnitude * sin;
            }
        }

        Fft.Transform2D(re, im, rows, cols, inverse: true);

        // Crop to the reduced size and min-max normalise to [0.01, 1].
        var small = new float[smallHeight * smallWidth];
        var (min, max) = (double.MaxValue, double.MinValue);
        for (var y = 0; y < smallHeight; y++)
        {
            for (var x = 0; x < smallWidth; x++)
            {
                var v = re[(y * cols) + x];
                (min, max) = (Math.Min(min, v), Math.Max(max, v));
            }
        }

        var range = max - min;
        for (var y = 0; y < smallHeight; y++)
        {
            for (var x = 0; x < smallWidth; x++)
            {
                var v = range > 0 ? (re[(y * cols) + x] - min) / range : 0.5;
                small[(y * smallWidth) + x] = (float)(0.01 + (0.99 * v));
            }
        }

        var noise = Resampling.Bicubic(small, smallWidth, smallHeight, width, height);
        ClampInPlace(noise, 0f, 1f);
        return noise;
    }

    /// <summary>Clamps every value of a map in place.</summary>
    public static void ClampInPlace(Span<float> values, float min, float max)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Clamp(values[i], min, max);
        }
    }
}
