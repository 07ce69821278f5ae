using RobuMTL.Imaging;

namespace RobuMTL.Weather;

/// <summary>
/// Three numbers that show what a weather effect does to an image, computed on the luma
/// Y = 0.299 R + 0.587 G + 0.114 B: fog and snow raise the brightness, fog and blur lower the contrast,
/// noise raises and blur lowers the high-frequency energy.
/// </summary>
/// <param name="MeanBrightness">Mean luma in [0, 1].</param>
/// <param name="Contrast">Standard deviation of the luma (RMS contrast).</param>
/// <param name="HighFrequencyEnergy">
/// Mean squared response of the 4-neighbour Laplacian over interior pixels (0 for images under 3x3 pixels):
/// a flat image gives 0, a one-pixel checkerboard of 0 and 1 gives 16.
/// </param>
public sealed record ImageStatistics(double MeanBrightness, double Contrast, double HighFrequencyEnergy)
{
    /// <summary>The statistics of <paramref name="image"/>.</summary>
    public static ImageStatistics Of(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (w, h) = (image.Width, image.Height);
        var luma = new double[w * h];
        var p = image.Pixels;
        for (var i = 0; i < luma.Length; i++)
        {
            luma[i] = (0.299 * p[3 * i]) + (0.587 * p[(3 * i) + 1]) + (0.114 * p[(3 * i) + 2]);
        }

        var mean = luma.Average();
        var variance = luma.Sum(v => (v - mean) * (v - mean)) / luma.Length;

        // Interior pixels only, so no border rule adds edges the image does not have.
        var (energy, count) = (0.0, 0);
        for (var y = 1; y < h - 1; y++)
        {
            for (var x = 1; x < w - 1; x++)
            {
                var i = (y * w) + x;
                var laplacian = (4 * luma[i]) - luma[i - 1] - luma[i + 1] - luma[i - w] - luma[i + w];
                energy += laplacian * laplacian;
                count++;
            }
        }

        return new ImageStatistics(mean, Math.Sqrt(variance), count == 0 ? 0 : energy / count);
    }
}
