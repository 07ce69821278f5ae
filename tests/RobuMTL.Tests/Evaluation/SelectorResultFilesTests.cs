using RobuMTL.Evaluation;
using RobuMTL.Weather;

namespace RobuMTL.Tests.Evaluation;

public sealed class SelectorResultFilesTests : IDisposable
{
    private static readonly WeatherCondition[] Classes =
        [WeatherCondition.Clean, WeatherCondition.Fog, WeatherCondition.Rain];

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"selector-files-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ConfusionMatrixRoundTripsWithClassOrderAndZeros()
    {
        var path = Path.Combine(folder, "confusion.csv");
        var matrix = new ConfusionMatrix(Classes, [[5, 0, 1], [0, 0, 0], [2, 3, 7]]);

        matrix.Save(path);
        var back = ConfusionMatrix.Load(path);

        Assert.Equal(Classes, back.Classes);
        Assert.Equal(matrix.Counts, back.Counts);
        Assert.Equal(10, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void ConfusionMatrixLoadNamesAFileWithAMissingCell()
    {
        var path = Path.Combine(folder, "broken.csv");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(path, ["True,Predicted,Count", "Clean,Clean,3", "Clean,Fog,1", "Fog,Clean,0"]);

        var error = Assert.Throws<InvalidDataException>(() => ConfusionMatrix.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FeaturesRoundTripBitForBit()
    {
        var path = Path.Combine(folder, "features.csv");
        var features = new SelectorFeatures(
            [[0.1f, -2.5e-7f, 3f], [float.Epsilon, 1f / 3f, -0f]], [WeatherCondition.Snow, WeatherCondition.Clean]);

        features.Save(path);
        var back = SelectorFeatures.Load(path);

        Assert.Equal(features.Labels, back.Labels);
        Assert.Equal(features.Features, back.Features);
        Assert.Equal("Label,f0,f1,f2", File.ReadLines(path).First());
    }

    [Fact]
    public void FeaturesLoadRejectsARowOfTheWrongWidth()
    {
        var path = Path.Combine(folder, "ragged.csv");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(path, ["Label,f0,f1", "Rain,1,2", "Fog,1"]);

        var error = Assert.Throws<InvalidDataException>(() => SelectorFeatures.Load(path));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }
}
