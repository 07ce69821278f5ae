using RobuMTL.Imaging;
using RobuMTL.Weather;
using static RobuMTL.Tests.Weather.WeatherTestImages;

namespace RobuMTL.Tests.Weather;

public class WeatherEffectTests
{
    private static readonly WeatherSynthesizer Synth = WeatherSynthesizer.Default;

    public static TheoryData<WeatherCondition> AllConditions() => [.. Enum.GetValues<WeatherCondition>()];

    public static TheoryData<WeatherCondition> Degrading() =>
        [.. Enum.GetValues<WeatherCondition>().Where(c => c != WeatherCondition.Clean)];

    private static RgbImage Run(IWeatherEffect effect, RgbImage image, int level, int seed) =>
        effect.Apply(image, WeatherSeverity.FromLevel(level), new Random(seed));

    [Theory]
    [MemberData(nameof(AllConditions))]
    public void Same_seed_gives_same_pixels_and_keeps_size_range_and_input(WeatherCondition condition)
    {
        var image = Scene();
        var before = (float[])image.Pixels.Clone();
        var effect = Synth.EffectFor(condition);

        var a = Run(effect, image, 3, 7);
        var b = Run(effect, image, 3, 7);

        Assert.Equal(condition, effect.Condition);
        Assert.Equal(a.Pixels, b.Pixels);
        Assert.Equal((image.Width, image.Height), (a.Width, a.Height));
        Assert.All(a.Pixels, v => Assert.InRange(v, 0f, 1f));
        Assert.Equal(before, image.Pixels);
        Assert.NotSame(image.Pixels, a.Pixels);
    }

    [Theory]
    [MemberData(nameof(Degrading))]
    public void Different_seeds_give_different_pixels_and_the_image_changes(WeatherCondition condition)
    {
        var image = Scene();
        var effect = Synth.EffectFor(condition);

        var a = Run(effect, image, 5, 1);
        var b = Run(effect, image, 5, 2);

        Assert.NotEqual(a.Pixels, b.Pixels);
        Assert.True(MeanAbsDiff(a, image) > 1e-3, $"{condition} left the image almost unchanged");
    }

    [Fact]
    public void Clean_is_the_identity()
    {
        var image = Scene();
        var result = Run(Synth.EffectFor(WeatherCondition.Clean), image, 5, 3);
        Assert.Equal(image.Pixels, result.Pixels);
    }

    [Theory]
    [MemberData(nameof(Degrading))]
    public void Channel_order_is_preserved(WeatherCondition condition)
    {
        // Every effect treats the channels alike (grey layers, per-channel filters), so R > B > G survives.
        var image = Scene();
        var result = Run(Synth.EffectFor(condition), image, 2, 11);

        var (r, g, b) = (ChannelMean(result, 0), ChannelMean(result, 1), ChannelMean(result, 2));
        Assert.True(r > b && b > g, $"{condition}: channel means R {r:F3}, G {g:F3}, B {b:F3}");
    }

    [Fact]
    public void Noise_raises_high_frequency_energy()
    {
        var image = Scene();
        var result = Run(new GaussianNoiseEffect(), image, 1, 5);
        Assert.True(HighFrequencyEnergy(result) > 1.5 * HighFrequencyEnergy(image));
    }

    [Theory]
    [InlineData(BlurKind.Gaussian)]
    [InlineData(BlurKind.Defocus)]
    [InlineData(BlurKind.Motion)]
    public void Blur_lowers_high_frequency_energy(BlurKind kind)
    {
        var image = Scene();
        // Pixel tables (no size scaling), so level 1 is ImageNet-C's level 1 on this small test image.
        var effect = new BlurEffect(BlurConfig.ImageNetC with { Kinds = [kind], ReferenceSize = null });
        var result = Run(effect, image, 1, 5);
        Assert.True(HighFrequencyEnergy(result) < 0.5 * HighFrequencyEnergy(image));
    }

    [Fact]
    public void Fog_raises_brightness_and_lowers_contrast()
    {
        var image = Scene();
        var result = Run(Synth.EffectFor(WeatherCondition.Fog), image, 3, 9);
        Assert.True(Mean(result) > Mean(image) + 0.1);
        Assert.True(StdDev(result) < 0.7 * StdDev(image));
    }

    [Fact]
    public void Clouds_brighten_the_image()
    {
        var image = Scene();
        var result = Run(Synth.EffectFor(WeatherCondition.Clouds), image, 5, 9);
        Assert.True(Mean(result) > Mean(image) + 0.02);
    }

    // Rain, snow and clouds also change their layer count with the level; they stay monotone per seed because
    // every possible layer's seed is drawn up front, so a higher level keeps the lower level's layers and adds.
    [Theory]
    [InlineData(WeatherCondition.Noise)]
    [InlineData(WeatherCondition.Blur)]
    [InlineData(WeatherCondition.Fog)]
    [InlineData(WeatherCondition.Rain)]
    [InlineData(WeatherCondition.Snow)]
    [InlineData(WeatherCondition.Clouds)]
    public void Severity_is_monotone_for_the_same_seed(WeatherCondition condition)
    {
        var image = Scene();
        var effect = Synth.EffectFor(condition);
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var change = Enumerable.Range(1, 5).Select(l => MeanAbsDiff(Run(effect, image, l, seed), image)).ToList();
            for (var l = 1; l < 5; l++)
            {
                Assert.True(change[l] >= change[l - 1] - 1e-6, $"{condition} seed {seed}: {string.Join(", ", change)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Degrading))]
    public void Strongest_level_changes_more_than_mildest_on_average(WeatherCondition condition)
    {
        var image = Scene(32);
        var effect = Synth.EffectFor(condition);
        var change = new[] { 1, 3, 5 }
            .Select(level => Enumerable.Range(0, 4).Average(s => MeanAbsDiff(Run(effect, image, level, s), image)))
            .ToList();
        Assert.True(change[2] > change[1] && change[1] > change[0], $"{condition}: {string.Join(", ", change)}");
    }

    [Fact]
    public void Continuous_severity_at_a_level_matches_the_level()
    {
        var image = Scene();
        var effect = Synth.EffectFor(WeatherCondition.Noise);
        var byLevel = effect.Apply(image, WeatherSeverity.FromLevel(4), new Random(3));
        var byValue = effect.Apply(image, WeatherSeverity.FromValue(0.75), new Random(3));
        Assert.Equal(byLevel.Pixels, byValue.Pixels);
    }

    [Theory]
    [InlineData(WeatherCondition.Rain, -35.0, 35.0)]
    [InlineData(WeatherCondition.Rain, 0.0, 60.0)]
    [InlineData(WeatherCondition.Snow, 30.0, -30.0)]
    public void Streaks_follow_the_angle(WeatherCondition condition, double angle, double otherAngle)
    {
        var baseConfig = condition == WeatherCondition.Rain ? PrecipitationConfig.Rain : PrecipitationConfig.Snow;
        PrecipitationEffect Effect(double a) => new(baseConfig with
        {
            Angle = ParameterRange.Fixed(a),
            Speed = ParameterRange.Fixed(0.3),
            Density = ParameterRange.Fixed(0.02),
        });
        var image = Flat(0.2f);

        var result = Run(Effect(angle), image, 3, 4);
        var (along, across) = DirectionalEnergy(result, image, angle);
        var (alongOther, acrossOther) = DirectionalEnergy(result, image, otherAngle);

        Assert.True(along < 0.5 * across, $"along {along:G3} vs across {across:G3}");
        Assert.True(along / across < alongOther / acrossOther);
    }

    [Fact]
    public void Snow_brightens_and_rain_pulls_dark_pixels_towards_grey()
    {
        var dark = Flat(0.05f, 48);
        var snow = Run(Synth.EffectFor(WeatherCondition.Snow), dark, 5, 2);
        var rain = Run(Synth.EffectFor(WeatherCondition.Rain), dark, 5, 2);

        Assert.All(snow.Pixels, v => Assert.True(v >= 0.05f - 1e-6f));
        Assert.True(snow.Pixels.Max() > 0.5f);
        Assert.All(rain.Pixels, v => Assert.InRange(v, 0.05f - 1e-6f, 240 / 255f + 1e-6f));
        Assert.True(rain.Pixels.Max() > 0.2f);
    }

    [Fact]
    public void Invalid_configs_are_rejected_with_the_field_name()
    {
        var e1 = Assert.Throws<ArgumentException>(() =>
            new PrecipitationEffect(PrecipitationConfig.Rain with { Density = new(0.5, 0.1) }));
        Assert.Contains("Density", e1.Message);
        Assert.Throws<ArgumentException>(() =>
            new PrecipitationEffect(PrecipitationConfig.Rain with { Condition = WeatherCondition.Fog }));
        Assert.Throws<ArgumentException>(() => new CloudEffect(CloudConfig.Fog with { MaxLayers = 3 }));
        Assert.Throws<ArgumentException>(() =>
            new GaussianNoiseEffect(new GaussianNoiseConfig([0.1, 0.2])));
    }
}
