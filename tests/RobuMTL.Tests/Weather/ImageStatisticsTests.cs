using RobuMTL.Imaging;
using RobuMTL.Weather;

namespace RobuMTL.Tests.Weather;

public class ImageStatisticsTests
{
    [Fact]
    public void Flat_image_has_its_value_as_brightness_and_no_contrast_or_detail()
    {
        var stats = ImageStatistics.Of(WeatherTestImages.Flat(0.3f, size: 8));

        Assert.Equal(0.3, stats.MeanBrightness, 5);
        Assert.Equal(0, stats.Contrast, 6);
        Assert.Equal(0, stats.HighFrequencyEnergy, 6);
    }

    [Fact]
    public void One_pixel_checkerboard_has_half_brightness_half_contrast_and_laplacian_energy_16()
    {
        var image = new RgbImage(6, 6);
        for (var i = 0; i < 36; i++)
        {
            var v = ((i % 6) + (i / 6)) % 2;
            image.Pixels.AsSpan(3 * i, 3).Fill(v);
        }

        var stats = ImageStatistics.Of(image);

        Assert.Equal(0.5, stats.MeanBrightness, 5);
        Assert.Equal(0.5, stats.Contrast, 5);
        Assert.Equal(16, stats.HighFrequencyEnergy, 4);
    }

    [Fact]
    public void Noise_raises_and_blur_lowers_high_frequency_energy_and_fog_lowers_contrast()
    {
        var scene = WeatherTestImages.Scene(32);
        var clean = ImageStatistics.Of(scene);
        ImageStatistics Under(WeatherCondition c) => ImageStatistics.Of(
            WeatherSynthesizer.Default.Apply(scene, c, WeatherSeverity.Strongest, new Random(3)).Image);

        Assert.True(Under(WeatherCondition.Noise).HighFrequencyEnergy > 2 * clean.HighFrequencyEnergy);
        Assert.True(Under(WeatherCondition.Blur).HighFrequencyEnergy < 0.5 * clean.HighFrequencyEnergy);
        Assert.True(Under(WeatherCondition.Fog).Contrast < clean.Contrast);
    }
}
