using RobuMTL.Imaging;

namespace RobuMTL.Weather;

/// <summary>
/// Renders one source image under several conditions and severities into a single image for notebooks:
/// row r is <c>conditions[r]</c>, column c is <c>severities[c]</c>, cells separated by white gaps. Every cell of
/// a row uses the same seed, so a row shows one random draw growing stronger.
/// </summary>
public static class WeatherGrid
{
    /// <summary>The grid image, (rows * (H + gap) + gap, columns * (W + gap) + gap, 3).</summary>
    public static RgbImage Render(
        RgbImage source,
        IReadOnlyList<WeatherCondition> conditions,
        IReadOnlyList<WeatherSeverity> severities,
        int seed,
        int gap = 2,
        WeatherSynthesizer? synthesizer = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (conditions.Count == 0 || severities.Count == 0)
        {
            throw new ArgumentException("a weather grid needs at least one condition and one severity");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        synthesizer ??= WeatherSynthesizer.Default;
        var (w, h) = (source.Width, source.Height);
        var gridWidth = (severities.Count * (w + gap)) + gap;
        var gridHeight = (conditions.Count * (h + gap)) + gap;
        var grid = new RgbImage(gridWidth, gridHeight);
        Array.Fill(grid.Pixels, 1f);

        var cells = new RgbImage[conditions.Count * severities.Count];
        Parallel.For(0, cells.Length, k =>
        {
            var (row, column) = (k / severities.Count, k % severities.Count);
            var effect = synthesizer.EffectFor(conditions[row]);
            cells[k] = effect.Apply(source, severities[column], WeatherSeed.RandomFor(seed, row));
        });

        for (var k = 0; k < cells.Length; k++)
        {
            var left = gap + ((k % severities.Count) * (w + gap));
            var top = gap + ((k / severities.Count) * (h + gap));
            for (var y = 0; y < h; y++)
            {
                cells[k].Pixels.AsSpan(y * w * 3, w * 3)
                    .CopyTo(grid.Pixels.AsSpan((((top + y) * gridWidth) + left) * 3, w * 3));
            }
        }

        return grid;
    }
}
