using RobuMTL.Data;
using RobuMTL.Weather;

namespace RobuMTL.Workbook;

/// <summary>
/// Degrades each sample's image with a weather recipe drawn per sample, keeps every label as it is (weather
/// changes what the camera sees, not the scene), and records the weather: the primary condition (the selector's
/// label), every condition's share and the severity.
/// </summary>
public sealed class WeatherSampleTransform : ISampleTransform
{
    private readonly Func<Random, WeatherRecipe?> recipes;
    private readonly WeatherSynthesizer synthesizer;

    /// <summary>Draws a recipe per sample; a null recipe leaves the image clean.</summary>
    public WeatherSampleTransform(Func<Random, WeatherRecipe?> recipes, WeatherSynthesizer? synthesizer = null)
    {
        this.recipes = recipes;
        this.synthesizer = synthesizer ?? WeatherSynthesizer.Default;
    }

    /// <summary>Leaves images clean and labels them <see cref="WeatherCondition.Clean"/>.</summary>
    public static WeatherSampleTransform Clean { get; } = new(_ => null);

    /// <summary>One condition at a severity level drawn uniformly from 1..5 per image.</summary>
    public static WeatherSampleTransform Condition(WeatherCondition condition) =>
        OneOf([condition]);

    /// <summary>A condition drawn uniformly from <paramref name="conditions"/>, at a uniform level 1..5.</summary>
    public static WeatherSampleTransform OneOf(IReadOnlyList<WeatherCondition> conditions) => new(random =>
    {
        var condition = conditions[random.Next(conditions.Count)];
        var level = WeatherSeverity.FromLevel(random.Next(1, 6));
        return condition == WeatherCondition.Clean ? null : WeatherRecipe.Single(condition, level);
    });

    /// <summary>The same recipe for every image (evaluation scenarios).</summary>
    public static WeatherSampleTransform Fixed(WeatherRecipe recipe) => new(_ => recipe);

    /// <inheritdoc />
    public MultiTaskSample Apply(MultiTaskSample sample, Random random)
    {
        var recipe = recipes(random);
        if (recipe is null || recipe.Conditions.All(c => c == WeatherCondition.Clean))
        {
            var clean = new float[PerturbedImage.ConditionCount];
            clean[(int)WeatherCondition.Clean] = 1f;
            return sample with { Condition = WeatherCondition.Clean, ConditionWeights = clean, Severity = null };
        }

        var perturbed = synthesizer.Apply(sample.Image, recipe, random);
        return sample with
        {
            Image = perturbed.Image,
            Condition = perturbed.PrimaryCondition,
            ConditionWeights = perturbed.ConditionWeights(),
            Severity = perturbed.Severity,
        };
    }
}
