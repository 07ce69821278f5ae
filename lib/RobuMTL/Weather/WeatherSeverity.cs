namespace RobuMTL.Weather;

/// <summary>
/// How strong a weather effect is: both an ImageNet-C style level 1..5 and a continuous value in [0, 1].
/// Level L is the value (L - 1) / 4, so level 1 is 0.0, level 3 is 0.5 and level 5 is 1.0; a continuous value
/// reports the nearest level.
/// </summary>
/// <remarks>
/// Effects use the value in two ways. ImageNet-C tables (noise sigma, blur radii) are indexed by level and
/// interpolated linearly in between, so a level reproduces the table entry exactly. imgaug ranges (fog density,
/// rain density, ...) are split into five equal windows and a severity draws from its window: the drawn fraction
/// of the range is (4 * value + u) / 5 with u uniform in [0, 1), so level 1 draws from the lowest fifth and
/// level 5 from the highest fifth. Each effect's doc comment lists which of its parameters follow the severity.
/// </remarks>
public readonly record struct WeatherSeverity
{
    private WeatherSeverity(double value) => Value = value;

    /// <summary>The continuous strength in [0, 1].</summary>
    public double Value { get; }

    /// <summary>The nearest ImageNet-C level, 1..5.</summary>
    public int Level => (int)Math.Round(Value * 4) + 1;

    /// <summary>The mildest level (1).</summary>
    public static WeatherSeverity Mildest => new(0);

    /// <summary>The strongest level (5).</summary>
    public static WeatherSeverity Strongest => new(1);

    /// <summary>All five levels, mildest first.</summary>
    public static IReadOnlyList<WeatherSeverity> Levels { get; } = [.. Enumerable.Range(1, 5).Select(FromLevel)];

    /// <summary>The severity of an ImageNet-C level.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside 1..5.</exception>
    public static WeatherSeverity FromLevel(int level)
    {
        if (level is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(
                nameof(level), level, $"severity level {level} is outside 1..5; pass a level from 1 to 5");
        }

        return new((level - 1) / 4.0);
    }

    /// <summary>A continuous severity.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1] or not a number.</exception>
    public static WeatherSeverity FromValue(double value)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(value), value, $"severity strength {value} is outside [0, 1]; pass a value from 0 to 1");
        }

        return new(value);
    }

    /// <summary>Linear interpolation in a five-entry per-level table (exact at the levels).</summary>
    internal double Interpolate(IReadOnlyList<double> table)
    {
        var position = Value * (table.Count - 1);
        var lower = Math.Min((int)Math.Floor(position), table.Count - 2);
        var fraction = position - lower;
        return table[lower] + (fraction * (table[lower + 1] - table[lower]));
    }

    /// <summary>The fraction of a range this severity draws, given a uniform <paramref name="u"/> in [0, 1).</summary>
    internal double Window(double u) => ((4 * Value) + u) / 5;

    /// <summary>A count in min..max from this severity's window (layer counts: fewest at level 1, most at 5).</summary>
    internal int Count(int min, int max, double u) => Math.Min(max, min + (int)(Window(u) * (max - min + 1)));

    /// <inheritdoc/>
    public override string ToString() => $"level {Level} ({Value:0.###})";
}
