using RobuMTL.Weather;

namespace RobuMTL.Tests.Weather;

public class WeatherPrimitivesTests
{
    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(3, 0.5)]
    [InlineData(5, 1.0)]
    public void Severity_levels_map_to_quarter_steps(int level, double value)
    {
        var severity = WeatherSeverity.FromLevel(level);
        Assert.Equal(value, severity.Value);
        Assert.Equal(level, WeatherSeverity.FromValue(value).Level);
    }

    [Fact]
    public void Severity_rejects_out_of_range_values_naming_them()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => WeatherSeverity.FromLevel(6));
        Assert.Contains("6", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => WeatherSeverity.FromValue(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => WeatherSeverity.FromValue(double.NaN));
    }

    [Fact]
    public void Severity_interpolates_tables_exactly_at_levels()
    {
        double[] table = [0.08, 0.12, 0.18, 0.26, 0.38];
        Assert.Equal(0.18, WeatherSeverity.FromLevel(3).Interpolate(table), 12);
        Assert.Equal(0.38, WeatherSeverity.FromLevel(5).Interpolate(table), 12);
        Assert.Equal(0.15, WeatherSeverity.FromValue(0.375).Interpolate(table), 12);
    }

    [Fact]
    public void Seeds_are_stable_and_distinct_per_index()
    {
        Assert.Equal(WeatherSeed.For(1, 5), WeatherSeed.For(1, 5));
        var seeds = Enumerable.Range(0, 1000).Select(i => WeatherSeed.For(7, i)).ToHashSet();
        Assert.Equal(1000, seeds.Count);
        Assert.NotEqual(WeatherSeed.For(1, 0), WeatherSeed.For(2, 0));
    }

    [Fact]
    public void Fft_matches_a_direct_dft()
    {
        var rng = new Random(3);
        const int n = 16;
        var re = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        var im = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        var (re0, im0) = ((double[])re.Clone(), (double[])im.Clone());

        Fft.Transform(re, im, 0, 1, n, inverse: false);

        for (var k = 0; k < n; k++)
        {
            var (sr, si) = (0.0, 0.0);
            for (var t = 0; t < n; t++)
            {
                var (s, c) = Math.SinCos(-2 * Math.PI * k * t / n);
                sr += (re0[t] * c) - (im0[t] * s);
                si += (re0[t] * s) + (im0[t] * c);
            }

            Assert.Equal(sr, re[k], 9);
            Assert.Equal(si, im[k], 9);
        }

        Fft.Transform(re, im, 0, 1, n, inverse: true);
        Assert.Equal(re0, re, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void Frequency_noise_is_normalised_smooth_and_deterministic()
    {
        var a = FrequencyNoise.Generate(40, 56, -3.0, 8, new Random(2));
        var b = FrequencyNoise.Generate(40, 56, -3.0, 8, new Random(2));
        var rough = FrequencyNoise.Generate(40, 56, 0.0, 64, new Random(2));

        Assert.Equal(a, b);
        Assert.Equal(40 * 56, a.Length);
        Assert.All(a, v => Assert.InRange(v, 0f, 1f));
        Assert.True(a.Max() - a.Min() > 0.5f);
        Assert.True(NeighbourDiff(a, 56) < 0.5 * NeighbourDiff(rough, 56));
    }

    [Fact]
    public void Bicubic_keeps_constants_and_sizes()
    {
        var constant = Enumerable.Repeat(0.3f, 4 * 5).ToArray();
        var up = Resampling.Bicubic(constant, 5, 4, 17, 9);
        Assert.Equal(17 * 9, up.Length);
        Assert.All(up, v => Assert.Equal(0.3f, v, 5));
    }

    [Fact]
    public void Streak_kernel_is_normalised_and_lies_on_its_axis()
    {
        var taps = PrecipitationEffect.StreakTaps(0, 7);
        Assert.Equal(1f, taps.Sum(t => t.Weight), 5);
        Assert.All(taps, t => Assert.Equal(0, t.Dx));
        Assert.True(taps.Single(t => t.Dy == 0).Weight > taps.Single(t => t.Dy == -6).Weight);
    }

    private static double NeighbourDiff(float[] map, int width) =>
        Enumerable.Range(0, map.Length - 1)
            .Where(i => (i + 1) % width != 0)
            .Average(i => Math.Abs(map[i + 1] - map[i]));
}
