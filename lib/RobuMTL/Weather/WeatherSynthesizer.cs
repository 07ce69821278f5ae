using RobuMTL.Imaging;

namespace RobuMTL.Weather;

/// <summary>
/// Maps each <see cref="WeatherCondition"/> to its effect and applies recipes: one condition, a sequence, or a
/// spatial mixture, to one image or to a batch in parallel (deterministic per index via <see cref="WeatherSeed"/>).
/// </summary>
public sealed class WeatherSynthesizer
{
    /// <summary>Smoothness of the spatial mixture masks: grid size of their frequency noise.</summary>
    private const int MaskGrid = 8;

    /// <summary>Exponent of the mask noise (strongly low-frequency: a few large regions).</summary>
    private const double MaskExponent = -3.0;

    /// <summary>Softmax gain on the [0, 1] mask noise; higher gives crisper region borders.</summary>
    private const float MaskSharpness = 12f;

    private readonly Dictionary<WeatherCondition, IWeatherEffect> _effects;

    /// <summary>
    /// Creates a synthesizer with the default effects (imgaug / ImageNet-C settings), replacing any condition
    /// that <paramref name="overrides"/> provides an effect for.
    /// </summary>
    public WeatherSynthesizer(IEnumerable<IWeatherEffect>? overrides = null)
    {
        _effects = new Dictionary<WeatherCondition, IWeatherEffect>
        {
            [WeatherCondition.Clean] = new CleanEffect(),
            [WeatherCondition.Rain] = new PrecipitationEffect(PrecipitationConfig.Rain),
            [WeatherCondition.Snow] = new PrecipitationEffect(PrecipitationConfig.Snow),
            [WeatherCondition.Fog] = new CloudEffect(CloudConfig.Fog),
            [WeatherCondition.Noise] = new GaussianNoiseEffect(),
            [WeatherCondition.Blur] = new BlurEffect(),
            [WeatherCondition.Clouds] = new CloudEffect(CloudConfig.Clouds),
        };
        foreach (var effect in overrides ?? [])
        {
            _effects[effect.Condition] = effect;
        }
    }

    /// <summary>A shared synthesizer with the default effects (effects hold no mutable state).</summary>
    public static WeatherSynthesizer Default { get; } = new();

    /// <summary>The effect that produces <paramref name="condition"/> (Clean is the identity).</summary>
    public IWeatherEffect EffectFor(WeatherCondition condition) =>
        _effects.TryGetValue(condition, out var effect)
            ? effect
            : throw new ArgumentOutOfRangeException(nameof(condition), condition, "unknown weather condition");

    /// <summary>One condition over the whole image.</summary>
    public PerturbedImage Apply(RgbImage image, WeatherCondition condition, WeatherSeverity severity, Random rng) =>
        Apply(image, WeatherRecipe.Single(condition, severity), rng);

    /// <summary>Applies a recipe; the input image is not modified.</summary>
    public PerturbedImage Apply(RgbImage image, WeatherRecipe recipe, Random rng)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(rng);
        recipe.Validate();
        return recipe.Composition switch
        {
            WeatherComposition.Single or WeatherComposition.Sequence => ApplySequence(image, recipe, rng),
            WeatherComposition.Spatial => ApplySpatial(image, recipe, rng),
            _ => throw new ArgumentOutOfRangeException(nameof(recipe), recipe.Composition, "unknown composition"),
        };
    }

    /// <summary>
    /// Applies one recipe per image in parallel. Image i uses <see cref="WeatherSeed.RandomFor"/>(seed, i), so the
    /// result does not depend on the thread count or scheduling.
    /// </summary>
    public IReadOnlyList<PerturbedImage> ApplyBatch(
        IReadOnlyList<RgbImage> images, IReadOnlyList<WeatherRecipe> recipes, int seed, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(recipes);
        if (recipes.Count != images.Count)
        {
            throw new ArgumentException(
                $"got {recipes.Count} recipes for {images.Count} images; pass one recipe per image", nameof(recipes));
        }

        foreach (var recipe in recipes)
        {
            recipe.Validate();
        }

        var results = new PerturbedImage[images.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, images.Count, options, i =>
            results[i] = Apply(images[i], recipes[i], WeatherSeed.RandomFor(seed, i)));
        return results;
    }

    /// <summary>Applies the same recipe to every image in parallel (each image still gets its own seed).</summary>
    public IReadOnlyList<PerturbedImage> ApplyBatch(
        IReadOnlyList<RgbImage> images, WeatherRecipe recipe, int seed, int maxDegreeOfParallelism = -1) =>
        ApplyBatch(images, [.. Enumerable.Repeat(recipe, images.Count)], seed, maxDegreeOfParallelism);

    private PerturbedImage ApplySequence(RgbImage image, WeatherRecipe recipe, Random rng)
    {
        var current = image;
        foreach (var condition in recipe.Conditions)
        {
            // Each step gets its own stream so adding a step never changes the earlier ones.
            current = EffectFor(condition).Apply(current, recipe.Severity, new Random(rng.Next()));
        }

        var share = 1.0 / recipe.Conditions.Count;
        return new PerturbedImage(
            current, recipe.Conditions, [.. recipe.Conditions.Select(_ => share)], recipe.Severity, recipe.Composition);
    }

    private PerturbedImage ApplySpatial(RgbImage image, WeatherRecipe recipe, Random rng)
    {
        var (w, h) = (image.Width, image.Height);
        var k = recipe.Conditions.Count;
        var outputs = new float[k][];
        var masks = new float[k][];
        for (var j = 0; j < k; j++)
        {
            outputs[j] = EffectFor(recipe.Conditions[j]).Apply(image, recipe.Severity, new Random(rng.Next())).Pixels;
            masks[j] = FrequencyNoise.Generate(h, w, MaskExponent, MaskGrid, new Random(rng.Next()));
        }

        // Softmax over the condition axis gives masks that sum to 1 at every pixel.
        var pixels = new float[image.Pixels.Length];
        var totals = new double[k];
        var weights = new float[k];
        for (var i = 0; i < w * h; i++)
        {
            var max = float.MinValue;
            for (var j = 0; j < k; j++)
            {
                max = Math.Max(max, masks[j][i]);
            }

            var sum = 0f;
            for (var j = 0; j < k; j++)
            {
                weights[j] = MathF.Exp(MaskSharpness * (masks[j][i] - max));
                sum += weights[j];
            }

            for (var j = 0; j < k; j++)
            {
                var m = weights[j] / sum;
                totals[j] += m;
                for (var c = 0; c < 3; c++)
                {
                    pixels[(3 * i) + c] += m * outputs[j][(3 * i) + c];
                }
            }
        }

        FrequencyNoise.ClampInPlace(pixels, 0f, 1f);
        return new PerturbedImage(
            new RgbImage(w, h, pixels),
            recipe.Conditions,
            [.. totals.Select(t => t / (w * h))],
            recipe.Severity,
            recipe.Composition);
    }
}
