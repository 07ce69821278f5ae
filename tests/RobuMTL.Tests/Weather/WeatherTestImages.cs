using RobuMTL.Imaging;

namespace RobuMTL.Tests.Weather;

/// <summary>Small synthetic images and image statistics shared by the weather tests.</summary>
internal static class WeatherTestImages
{
    /// <summary>A textured mid-grey scene: smooth gradients plus a checker pattern, channels R > B > G.</summary>
    public static RgbImage Scene(int size = 48)
    {
        var image = new RgbImage(size, size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var checker = ((x / 4) + (y / 4)) % 2 == 0 ? 0.08f : -0.08f;
                var i = ((y * size) + x) * 3;
                image.Pixels[i] = 0.55f + (0.2f * x / size) + checker;
                image.Pixels[i + 1] = 0.15f + (0.1f * y / size) + checker;
                image.Pixels[i + 2] = 0.35f + (0.1f * (x + y) / (2 * size)) + checker;
            }
        }

        return image;
    }

    /// <summary>A flat image of one grey value.</summary>
    public static RgbImage Flat(float value, int size = 64)
    {
        var image = new RgbImage(size, size);
        Array.Fill(image.Pixels, value);
        return image;
    }

    /// <summary>Mean squared difference between 4-neighbours, over all channels: high-frequency energy.</summary>
    public static double HighFrequencyEnergy(RgbImage image)
    {
        var (w, h, p) = (image.Width, image.Height, image.Pixels);
        var sum = 0.0;
        for (var y = 0; y < h - 1; y++)
        {
            for (var x = 0; x < w - 1; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var v = p[(((y * w) + x) * 3) + c];
                    var dx = p[(((y * w) + x + 1) * 3) + c] - v;
                    var dy = p[((((y + 1) * w) + x) * 3) + c] - v;
                    sum += (dx * dx) + (dy * dy);
                }
            }
        }

        return sum / ((w - 1) * (h - 1) * 3);
    }

    /// <summary>Mean over all pixels and channels.</summary>
    public static double Mean(RgbImage image) => image.Pixels.Average(v => (double)v);

    /// <summary>Standard deviation over all pixels and channels (global contrast).</summary>
    public static double StdDev(RgbImage image)
    {
        var mean = Mean(image);
        return Math.Sqrt(image.Pixels.Average(v => (v - mean) * (v - mean)));
    }

    /// <summary>Mean of one channel.</summary>
    public static double ChannelMean(RgbImage image, int channel) =>
        Enumerable.Range(0, image.Width * image.Height).Average(i => (double)image.Pixels[(3 * i) + channel]);

    /// <summary>Mean absolute difference between two images of one size.</summary>
    public static double MeanAbsDiff(RgbImage a, RgbImage b) =>
        a.Pixels.Zip(b.Pixels).Average(t => Math.Abs((double)t.First - t.Second));

    /// <summary>
    /// Energy of the red-channel difference map's derivative along and across a streak axis that is
    /// <paramref name="angleDegrees"/> from vertical (axis (sin a, -cos a) in x-right, y-down coordinates).
    /// </summary>
    public static (double Along, double Across) DirectionalEnergy(
        RgbImage changed, RgbImage original, double angleDegrees)
    {
        var (w, h) = (changed.Width, changed.Height);
        double D(int x, int y) => changed.Pixels[((y * w) + x) * 3] - original.Pixels[((y * w) + x) * 3];
        var (sin, cos) = Math.SinCos(angleDegrees * Math.PI / 180);
        var (along, across) = (0.0, 0.0);
        for (var y = 1; y < h - 1; y++)
        {
            for (var x = 1; x < w - 1; x++)
            {
                var gx = (D(x + 1, y) - D(x - 1, y)) / 2;
                var gy = (D(x, y + 1) - D(x, y - 1)) / 2;
                var ga = (gx * sin) - (gy * cos);
                var gp = (gx * cos) + (gy * sin);
                along += ga * ga;
                across += gp * gp;
            }
        }

        return (along, across);
    }
}
