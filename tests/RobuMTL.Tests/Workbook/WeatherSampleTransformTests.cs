using RobuMTL.Data;
using RobuMTL.Data.Scenes;
using RobuMTL.Weather;
using RobuMTL.Workbook;

namespace RobuMTL.Tests.Workbook;

public sealed class WeatherSampleTransformTests
{
    private static readonly MultiTaskSample Scene =
        new SceneGenerator(SceneGeneratorConfig.Tiny with { Seed = 5 }).Generate(0);

    [Fact]
    public void ASingleConditionIsRecordedWithItsSeverityAndAOneHotShare()
    {
        var level = WeatherSeverity.FromLevel(4);
        var sample = WeatherSampleTransform.Fixed(WeatherRecipe.Single(WeatherCondition.Snow, level))
            .Apply(Scene, new Random(1));

        Assert.Equal(WeatherCondition.Snow, sample.Condition);
        Assert.Equal(level, sample.Severity);
        Assert.Equal(1f, sample.ConditionWeights![(int)WeatherCondition.Snow]);
        Assert.Equal(1f, sample.ConditionWeights.Sum(), 5);
        Assert.NotEqual(Scene.Image.Pixels, sample.Image.Pixels);
    }

    [Fact]
    public void AMixtureRecordsEveryConditionsShareAndItsLargestAsTheLabel()
    {
        var recipe = WeatherRecipe.Sequence(
            WeatherSeverity.FromLevel(3), WeatherCondition.Rain, WeatherCondition.Fog, WeatherCondition.Noise);
        var sample = WeatherSampleTransform.Fixed(recipe).Apply(Scene, new Random(2));

        var shares = sample.ConditionWeights!;
        Assert.All([WeatherCondition.Rain, WeatherCondition.Fog, WeatherCondition.Noise],
            c => Assert.Equal(1f / 3, shares[(int)c], 5));
        Assert.Equal(0f, shares[(int)WeatherCondition.Clean]);
        Assert.Equal(WeatherCondition.Rain, sample.Condition);
        Assert.Equal(3, sample.Severity!.Value.Level);
    }

    [Fact]
    public void ACleanImageIsLabelledCleanWithoutASeverity()
    {
        var sample = WeatherSampleTransform.Clean.Apply(Scene, new Random(3));

        Assert.Equal(WeatherCondition.Clean, sample.Condition);
        Assert.Null(sample.Severity);
        Assert.Equal(1f, sample.ConditionWeights![(int)WeatherCondition.Clean]);
        Assert.Same(Scene.Image, sample.Image);
    }
}
