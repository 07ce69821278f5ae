namespace RobuMTL.Weather;

/// <summary>A closed interval a weather parameter is drawn from (imgaug's uniform <c>(a, b)</c> tuples).</summary>
/// <param name="Min">Lower end.</param>
/// <param name="Max">Upper end (equal to <paramref name="Min"/> for a fixed value).</param>
public readonly record struct ParameterRange(double Min, double Max)
{
    /// <summary>A range holding one value.</summary>
    public static ParameterRange Fixed(double value) => new(value, value);

    /// <summary>The value at <paramref name="fraction"/> of the way from Min to Max.</summary>
    public double At(double fraction) => Min + (fraction * (Max - Min));

    /// <summary>A uniform draw from the whole range.</summary>
    public double Sample(Random rng) => At(rng.NextDouble());

    /// <summary>A draw from this severity's window of the range (see <see cref="WeatherSeverity"/>).</summary>
    public double Sample(Random rng, WeatherSeverity severity) => At(severity.Window(rng.NextDouble()));

    /// <summary>Throws when Min exceeds Max or either end lies outside [lowest, highest].</summary>
    internal void Validate(string name, double lowest, double highest)
    {
        if (!(Min <= Max && Min >= lowest && Max <= highest))
        {
            throw new ArgumentException(
                $"{name} range ({Min}, {Max}) must satisfy {lowest} <= min <= max <= {highest}");
        }
    }
}
