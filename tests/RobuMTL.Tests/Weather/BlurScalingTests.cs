using RobuMTL.Imaging;
using RobuMTL.Weather;

namespace RobuMTL.Tests.Weather;

public sealed class BlurScalingTests
{
    [Fact]
    public void TablesScaleWithTheShorterSideAndAreExactAt224()
    {
        Assert.Equal(1.0, BlurConfig.ImageNetC.ScaleFor(224, 300));
        Assert.Equal(0.5, BlurConfig.ImageNetC.ScaleFor(200, 112));
        Assert.Equal(1.0, (BlurConfig.ImageNetC with { ReferenceSize = null }).ScaleFor(64, 64));
        Assert.Throws<ArgumentException>(() => (BlurConfig.ImageNetC with { ReferenceSize = 0 }).Validate());
    }

    [Fact]
    public void ScaledBlurKeepsMoreDetailOnASmallImageThanPixelTables()
    {
        var image = new RgbImage(48, 48);
        var random = new Random(3);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = (float)random.NextDouble();
        }

        var level = WeatherSeverity.FromLevel(3);
        var scaled = new BlurEffect(BlurConfig.ImageNetC with { Kinds = [BlurKind.Gaussian] })
            .Apply(image, level, new Random(1));
        var pixels = new BlurEffect(BlurConfig.ImageNetC with { Kinds = [BlurKind.Gaussian], ReferenceSize = null })
            .Apply(image, level, new Random(1));

        Assert.True(Roughness(scaled) > 2 * Roughness(pixels), $"{Roughness(scaled)} vs {Roughness(pixels)}");
    }

    private static double Roughness(RgbImage image)
    {
        var sum = 0.0;
        for (var i = 3; i < image.Pixels.Length; i++)
        {
            sum += Math.Abs(image.Pixels[i] - image.Pixels[i - 3]);
        }

        return sum;
    }
}
