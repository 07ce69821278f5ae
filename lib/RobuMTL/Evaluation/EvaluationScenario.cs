using RobuMTL.Weather;

namespace RobuMTL.Evaluation;

/// <summary>One way of degrading the evaluation split, with the labels its results rows carry.</summary>
/// <param name="Kind">Clean, single, mixed, spatial mixture or severity sweep.</param>
/// <param name="Recipe">What is applied to every image; null for clean images.</param>
/// <param name="Severity">Level 1..5 for level-based scenarios; null for clean and continuous sweeps.</param>
/// <param name="Strength">Continuous strength in [0, 1] for sweeps; null otherwise.</param>
public sealed record EvaluationScenario(ScenarioKind Kind, WeatherRecipe? Recipe, int? Severity, double? Strength)
{
    /// <summary>Undegraded images.</summary>
    public static EvaluationScenario Clean { get; } = new(ScenarioKind.Clean, null, null, null);

    /// <summary>Name of the image source of an <see cref="ScenarioKind.External"/> scenario; null otherwise.</summary>
    public string? Source { get; init; }

    /// <summary>The condition an external source is known to show (for oracle routing and selector accuracy).</summary>
    public WeatherCondition? SourceCondition { get; init; }

    /// <summary>
    /// The conditions in <see cref="EvaluationRecord.Conditions"/> form ("Clean", "Rain", "Rain+Fog"), or the
    /// source name of an external scenario.
    /// </summary>
    public string Conditions =>
        Source ?? (Recipe is null ? "Clean" : EvaluationRecord.JoinConditions(Recipe.Conditions));

    /// <summary>
    /// The primary condition of each image (the oracle's choice): the first listed condition, or the condition an
    /// external source is known to show (Clean when unknown).
    /// </summary>
    public WeatherCondition Primary => SourceCondition ?? Recipe?.Conditions[0] ?? WeatherCondition.Clean;

    /// <summary>False for an external source of unknown condition: selector accuracy is then not scored.</summary>
    public bool HasKnownCondition => Kind != ScenarioKind.External || SourceCondition is not null;

    /// <summary>One condition over the whole image at a level 1..5.</summary>
    public static EvaluationScenario Single(WeatherCondition condition, int level) =>
        new(ScenarioKind.Single, WeatherRecipe.Single(condition, WeatherSeverity.FromLevel(level)), level, null);

    /// <summary>Conditions applied on top of each other at a level 1..5.</summary>
    public static EvaluationScenario Mixed(int level, params WeatherCondition[] conditions) =>
        new(ScenarioKind.Mixed, WeatherRecipe.Sequence(WeatherSeverity.FromLevel(level), conditions), level, null);

    /// <summary>Conditions in different soft regions of each image at a level 1..5.</summary>
    public static EvaluationScenario Spatial(int level, params WeatherCondition[] conditions) =>
        new(ScenarioKind.SpatialMix, WeatherRecipe.Spatial(WeatherSeverity.FromLevel(level), conditions), level, null);

    /// <summary>One condition at a continuous strength in [0, 1].</summary>
    public static EvaluationScenario Sweep(WeatherCondition condition, double strength) =>
        new(ScenarioKind.Sweep, WeatherRecipe.Single(condition, WeatherSeverity.FromValue(strength)), null, strength);

    /// <summary>
    /// Images from outside the workbook (a folder another tool degraded, real adverse-weather data), used as they
    /// are: nothing is applied. <paramref name="condition"/> is the condition they show, when known.
    /// </summary>
    public static EvaluationScenario External(string source, WeatherCondition? condition = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return new(ScenarioKind.External, null, null, null) { Source = source, SourceCondition = condition };
    }

    /// <summary>Short label for logs and tables.</summary>
    public override string ToString() => Kind switch
    {
        ScenarioKind.Clean => "clean",
        ScenarioKind.Sweep => $"{Conditions} @ {Strength:0.00}",
        ScenarioKind.External => $"External {Conditions}",
        _ => $"{Kind} {Conditions} L{Severity}",
    };
}
