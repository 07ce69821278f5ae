namespace RobuMTL.Weather;

/// <summary>What to do to an image: which conditions, combined how, at what severity.</summary>
/// <param name="Composition">Single, sequence or spatial mixture.</param>
/// <param name="Conditions">The conditions (one for <see cref="WeatherComposition.Single"/>, no repeats).</param>
/// <param name="Severity">Severity used by every condition.</param>
public sealed record WeatherRecipe(
    WeatherComposition Composition, IReadOnlyList<WeatherCondition> Conditions, WeatherSeverity Severity)
{
    /// <summary>One condition over the whole image.</summary>
    public static WeatherRecipe Single(WeatherCondition condition, WeatherSeverity severity) =>
        new(WeatherComposition.Single, [condition], severity);

    /// <summary>Conditions applied in order, e.g. rain then fog then noise.</summary>
    public static WeatherRecipe Sequence(WeatherSeverity severity, params WeatherCondition[] conditions) =>
        new(WeatherComposition.Sequence, conditions, severity);

    /// <summary>Conditions in different soft regions of one image.</summary>
    public static WeatherRecipe Spatial(WeatherSeverity severity, params WeatherCondition[] conditions) =>
        new(WeatherComposition.Spatial, conditions, severity);

    /// <summary>Throws when the composition and the condition list do not fit together.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Composition))
        {
            throw new ArgumentException($"unknown weather composition {Composition}");
        }

        if (Conditions is null || Conditions.Count == 0)
        {
            throw new ArgumentException("a weather recipe needs at least one condition");
        }

        if (Composition == WeatherComposition.Single && Conditions.Count != 1)
        {
            throw new ArgumentException(
                $"a Single recipe takes one condition, got {Conditions.Count}; use Sequence or Spatial to mix");
        }

        var unknown = Conditions.Where(c => !Enum.IsDefined(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown weather condition(s) {string.Join(", ", unknown)}");
        }

        if (Conditions.Distinct().Count() != Conditions.Count)
        {
            throw new ArgumentException(
                $"conditions repeat in [{string.Join(", ", Conditions)}]; list each condition once");
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Composition} [{string.Join(" + ", Conditions)}] at {Severity}";
}
