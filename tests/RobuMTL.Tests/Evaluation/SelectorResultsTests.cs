using RobuMTL.Evaluation;
using RobuMTL.Tasks;
using RobuMTL.Weather;

namespace RobuMTL.Tests.Evaluation;

public sealed class SelectorResultsTests
{
    private static readonly WeatherCondition[] Classes = [WeatherCondition.Clean, WeatherCondition.Rain, WeatherCondition.Fog];

    [Fact]
    public void ConfusionCountsPredictionsAndNormalisesRows()
    {
        var truth = new[] { WeatherCondition.Clean, WeatherCondition.Clean, WeatherCondition.Rain, WeatherCondition.Fog };
        var predicted = new[] { WeatherCondition.Clean, WeatherCondition.Rain, WeatherCondition.Rain, WeatherCondition.Fog };

        var matrix = ConfusionMatrix.FromPredictions(Classes, truth, predicted);

        Assert.Equal([1, 1, 0], matrix.Counts[0]);
        Assert.Equal(0.75, matrix.Accuracy);
        Assert.Equal([0.5, 0.5, 0.0], matrix.RowNormalised()[0]);
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.FromPredictions(
            Classes, [WeatherCondition.Snow], [WeatherCondition.Clean]));
    }

    [Fact]
    public void ConfusionRejectsANonSquareMatrix() =>
        Assert.Throws<ArgumentException>(() => new ConfusionMatrix(Classes, [[1, 2], [3, 4]]));

    [Fact]
    public void FeaturesNeedOneLabelPerVector() =>
        Assert.Throws<ArgumentException>(() => new SelectorFeatures([[1f, 2f]], Classes));

    [Fact]
    public void TrainingCurvesRoundTripThroughCsv()
    {
        var path = Path.Combine(Path.GetTempPath(), $"curves-{Guid.NewGuid():N}.csv");
        var curves = new TrainingCurveTable(
        [
            new("Warmup", WeatherCondition.Clean, 0, TaskKind.Saliency, 0.6931471805599453),
            new("Selector", null, 12, null, 1e-7),
        ]);
        try
        {
            curves.Save(path);
            Assert.Equal(curves.Points, TrainingCurveTable.Load(path).Points);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
