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

    /// <summary>The conditions in <see cref="EvaluationRecord.Conditions"/> form ("Clean", "Rain", "Rain+Fog").</summary>
    public string Conditions => Recipe is null ? "Clean" : EvaluationRecord.JoinConditions(Recipe.Conditions);

    /// <summary>The primary condition of each image (the oracle's choice): the first listed condition.</summary>
    public WeatherCondition Primary => Recipe?.Conditions[0] ?? WeatherCondition.Clean;

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

    /// <summary>Short label for logs and tables.</summary>
    public override string ToString() => Kind switch
    {
        ScenarioKind.Clean => "clean",
        ScenarioKind.Sweep => $"{Conditions} @ {Strength:0.00}",
        _ => $"{Kind} {Conditions} L{Severity}",
    };
}
