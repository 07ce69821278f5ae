using RobuMTL.Weather;
using static RobuMTL.Tests.Weather.WeatherTestImages;

namespace RobuMTL.Tests.Weather;

public class WeatherSynthesizerTests
{
    private static readonly WeatherSynthesizer Synth = WeatherSynthesizer.Default;
    private static readonly WeatherSeverity Level3 = WeatherSeverity.FromLevel(3);

    [Fact]
    public void Every_condition_has_an_effect_of_that_condition()
    {
        foreach (var condition in Enum.GetValues<WeatherCondition>())
        {
            Assert.Equal(condition, Synth.EffectFor(condition).Condition);
        }

        Assert.IsType<CleanEffect>(Synth.EffectFor(WeatherCondition.Clean));
    }

    [Fact]
    public void Overrides_replace_the_default_effect()
    {
        var custom = new BlurEffect(BlurConfig.ImageNetC with { Kinds = [BlurKind.Gaussian] });
        var synth = new WeatherSynthesizer([custom]);
        Assert.Same(custom, synth.EffectFor(WeatherCondition.Blur));
    }

    [Fact]
    public void Single_records_its_condition_as_primary()
    {
        var result = Synth.Apply(Scene(32), WeatherCondition.Snow, Level3, new Random(1));

        Assert.Equal([WeatherCondition.Snow], result.Conditions);
        Assert.Equal(WeatherCondition.Snow, result.PrimaryCondition);
        Assert.Equal(WeatherComposition.Single, result.Composition);
        Assert.Equal(3, result.Severity.Level);
        var weights = result.ConditionWeights();
        Assert.Equal(PerturbedImage.ConditionCount, weights.Length);
        Assert.Equal(1f, weights[(int)WeatherCondition.Snow]);
        Assert.Equal(1f, weights.Sum());
    }

    [Fact]
    public void Sequence_applies_effects_in_order_and_records_equal_shares()
    {
        var image = Scene(32);
        var recipe = WeatherRecipe.Sequence(
            Level3, WeatherCondition.Rain, WeatherCondition.Fog, WeatherCondition.Noise);

        var result = Synth.Apply(image, recipe, new Random(5));

        Assert.Equal([WeatherCondition.Rain, WeatherCondition.Fog, WeatherCondition.Noise], result.Conditions);
        Assert.All(result.Weights, w => Assert.Equal(1.0 / 3, w, 9));
        var weights = result.ConditionWeights();
        Assert.Equal(0f, weights[(int)WeatherCondition.Clean]);
        Assert.Equal(1f / 3, weights[(int)WeatherCondition.Fog], 5);

        // The same steps by hand, with the per-step streams the sequence derives.
        var rng = new Random(5);
        var manual = image;
        foreach (var condition in recipe.Conditions)
        {
            manual = Synth.EffectFor(condition).Apply(manual, Level3, new Random(rng.Next()));
        }

        Assert.Equal(manual.Pixels, result.Image.Pixels);
    }

    [Fact]
    public void Spatial_mixture_blends_regions_and_records_weights()
    {
        var image = Scene(48);
        var recipe = WeatherRecipe.Spatial(WeatherSeverity.Strongest, WeatherCondition.Clean, WeatherCondition.Noise);

        var result = Synth.Apply(image, recipe, new Random(21));

        Assert.Equal(1.0, result.Weights.Sum(), 6);
        Assert.All(result.Weights, w => Assert.InRange(w, 0.0, 1.0));
        Assert.Equal(result.Weights[1] > result.Weights[0] ? WeatherCondition.Noise : WeatherCondition.Clean,
            result.PrimaryCondition);

        // Some pixels stay close to the clean image, others carry strong noise.
        var diffs = image.Pixels.Zip(result.Image.Pixels, (a, b) => Math.Abs(a - b)).ToArray();
        Assert.True(diffs.Count(d => d < 0.02f) > diffs.Length / 20, "no clean region");
        Assert.True(diffs.Count(d => d > 0.15f) > diffs.Length / 20, "no noisy region");
    }

    [Fact]
    public void Bad_recipes_are_rejected()
    {
        var image = Scene(16);
        Assert.Throws<ArgumentException>(() => Synth.Apply(
            image, new WeatherRecipe(WeatherComposition.Single, [WeatherCondition.Rain, WeatherCondition.Fog], Level3),
            new Random(1)));
        Assert.Throws<ArgumentException>(() => Synth.Apply(
            image, WeatherRecipe.Sequence(Level3, WeatherCondition.Fog, WeatherCondition.Fog), new Random(1)));
        Assert.Throws<ArgumentException>(() => Synth.Apply(
            image, WeatherRecipe.Sequence(Level3), new Random(1)));
    }

    [Fact]
    public void Batch_is_deterministic_per_index_whatever_the_parallelism()
    {
        var images = Enumerable.Range(0, 6).Select(_ => Scene(24)).ToList();
        var recipes = images.Select((_, i) => WeatherRecipe.Single((WeatherCondition)(i % 7), Level3)).ToList();
        recipes[4] = WeatherRecipe.Sequence(Level3, WeatherCondition.Rain, WeatherCondition.Fog);
        recipes[5] = WeatherRecipe.Spatial(Level3, WeatherCondition.Snow, WeatherCondition.Blur);

        var serial = Synth.ApplyBatch(images, recipes, seed: 42, maxDegreeOfParallelism: 1);
        var parallel = Synth.ApplyBatch(images, recipes, seed: 42, maxDegreeOfParallelism: 4);
        var otherSeed = Synth.ApplyBatch(images, recipes, seed: 43);

        for (var i = 0; i < images.Count; i++)
        {
            Assert.Equal(serial[i].Image.Pixels, parallel[i].Image.Pixels);
            var alone = Synth.Apply(images[i], recipes[i], WeatherSeed.RandomFor(42, i));
            Assert.Equal(alone.Image.Pixels, serial[i].Image.Pixels);
            Assert.Equal(recipes[i].Conditions, serial[i].Conditions);
        }

        Assert.NotEqual(serial[1].Image.Pixels, otherSeed[1].Image.Pixels);
    }

    [Fact]
    public void Batch_needs_one_recipe_per_image()
    {
        var images = new[] { Scene(8), Scene(8) };
        var e = Assert.Throws<ArgumentException>(() =>
            Synth.ApplyBatch(images, [WeatherRecipe.Single(WeatherCondition.Fog, Level3)], 1));
        Assert.Contains("one recipe per image", e.Message);
    }
}
