using RobuMTL.Core;
using RobuMTL.Data;
using RobuMTL.Imaging;
using RobuMTL.Tasks;
using RobuMTL.Weather;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Data;

public sealed class MultiTaskBatchTests
{
    public MultiTaskBatchTests() => TorchRuntime.Initialize();

    internal static MultiTaskSample Sample(string id, int width, int height, int salt)
    {
        var n = width * height;
        var image = new RgbImage(width, height);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = ((i + salt) % 11) / 10f;
        }

        var normals = new float[n * 3];
        for (var p = 0; p < n; p++)
        {
            normals[(3 * p) + 0] = 0.6f;
            normals[(3 * p) + 1] = salt % 2 == 0 ? 0.8f : -0.8f;
        }

        return new MultiTaskSample
        {
            Id = id,
            Image = image,
            Semantic = Enumerable.Range(0, n).Select(i => (byte)(i % 5 == 4 ? 255 : (i + salt) % 4)).ToArray(),
            HumanParts = Enumerable.Range(0, n).Select(i => (byte)((i + salt) % 7)).ToArray(),
            Saliency = Enumerable.Range(0, n).Select(i => (byte)(i % 3 == 2 ? 255 : i % 2)).ToArray(),
            Edges = Enumerable.Range(0, n).Select(i => (byte)((i + salt) % 2)).ToArray(),
            Depth = Enumerable.Range(0, n).Select(i => i * 0.5f + salt).ToArray(),
            Normals = normals,
        };
    }

    [Fact]
    public void CollateStacksEveryTargetWithDocumentedShapesAndTypes()
    {
        var samples = new[] { Sample("a", 4, 3, 0), Sample("b", 4, 3, 1) };
        using var batch = MultiTaskBatch.Collate(samples, normalize: false);

        Assert.Equal([2, 3, 3, 4], batch.Images.shape);
        Assert.Equal([2, 3, 4], batch.Targets[TaskKind.SemanticSegmentation].shape);
        Assert.Equal(ScalarType.Int64, batch.Targets[TaskKind.SemanticSegmentation].dtype);
        Assert.Equal(ScalarType.Int64, batch.Targets[TaskKind.HumanParts].dtype);
        Assert.Equal([2, 1, 3, 4], batch.Targets[TaskKind.Saliency].shape);
        Assert.Equal(ScalarType.Float32, batch.Targets[TaskKind.Edges].dtype);
        Assert.Equal([2, 3, 3, 4], batch.Targets[TaskKind.Normals].shape);
        Assert.Equal([2, 1, 3, 4], batch.Targets[TaskKind.Depth].shape);
        Assert.Null(batch.Conditions);

        // Sample 1, pixel (y=2, x=3) = index 11.
        Assert.Equal(255L, batch.Targets[TaskKind.SemanticSegmentation][1, 2, 1].item<long>());
        Assert.Equal((11 + 1) % 4, batch.Targets[TaskKind.SemanticSegmentation][1, 2, 3].item<long>());
        Assert.Equal(255f, batch.Targets[TaskKind.Saliency][0, 0, 2, 3].item<float>());
        Assert.Equal(11 * 0.5f + 1, batch.Targets[TaskKind.Depth][1, 0, 2, 3].item<float>());
        Assert.Equal(-0.8f, batch.Targets[TaskKind.Normals][1, 1, 2, 3].item<float>());
        Assert.Equal(samples[1].Image.Pixels[(11 * 3) + 2], batch.Images[1, 2, 2, 3].item<float>());
    }

    [Fact]
    public void CollateNormalisesWithImageNetStatistics()
    {
        var samples = new[] { Sample("a", 2, 2, 0) };
        using var raw = MultiTaskBatch.Collate(samples, normalize: false);
        using var norm = MultiTaskBatch.Collate(samples);
        var expected = (raw.Images[0, 1, 1, 0].item<float>() - 0.456f) / 0.224f;

        Assert.Equal(expected, norm.Images[0, 1, 1, 0].item<float>(), 5);
        using var back = ImageNetNormalization.Denormalize(norm.Images);
        Assert.True(back.allclose(raw.Images, atol: 1e-6));
    }

    [Fact]
    public void CollateCarriesConditionsWhenEverySampleHasOne()
    {
        var samples = new[]
        {
            Sample("a", 2, 2, 0) with { Condition = WeatherCondition.Fog },
            Sample("b", 2, 2, 1) with { Condition = WeatherCondition.Clean },
        };
        using var batch = MultiTaskBatch.Collate(samples);

        Assert.Equal(new long[] { 3, 0 }, batch.Conditions!.data<long>().ToArray());
    }

    [Fact]
    public void CollateStacksConditionWeightsWhenEverySampleHasThem()
    {
        var fog = new float[PerturbedImage.ConditionCount];
        fog[(int)WeatherCondition.Fog] = 0.25f;
        fog[(int)WeatherCondition.Rain] = 0.75f;
        var clean = new float[PerturbedImage.ConditionCount];
        clean[(int)WeatherCondition.Clean] = 1f;
        var samples = new[]
        {
            Sample("a", 2, 2, 0) with { ConditionWeights = fog },
            Sample("b", 2, 2, 1) with { ConditionWeights = clean },
        };

        using var batch = MultiTaskBatch.Collate(samples);
        Assert.Equal([2L, PerturbedImage.ConditionCount], batch.ConditionWeights!.shape);
        Assert.Equal(fog.Concat(clean), batch.ConditionWeights.data<float>().ToArray());

        using var partly = MultiTaskBatch.Collate([samples[0], Sample("c", 2, 2, 2)]);
        Assert.Null(partly.ConditionWeights);
        var shorter = samples[1] with { ConditionWeights = [1f] };
        Assert.Contains("'b' has 1 condition weights",
            Assert.Throws<ArgumentException>(() => MultiTaskBatch.Collate([samples[0], shorter])).Message);
    }

    [Fact]
    public void CollateRejectsMixedSizesAndMissingTasks()
    {
        var mixed = new[] { Sample("a", 2, 2, 0), Sample("b", 3, 2, 0) };
        var e = Assert.Throws<ArgumentException>(() => MultiTaskBatch.Collate(mixed));
        Assert.Contains("'b' is 3x2", e.Message);

        var missing = new[] { Sample("a", 2, 2, 0), Sample("b", 2, 2, 0) with { Depth = null } };
        using (var shared = MultiTaskBatch.Collate(missing))
        {
            Assert.False(shared.Targets.ContainsKey(TaskKind.Depth));
        }

        e = Assert.Throws<ArgumentException>(() => MultiTaskBatch.Collate(missing, [TaskKind.Depth]));
        Assert.Contains("'b' has no Depth", e.Message);
    }

    [Fact]
    public void SampleValidateNamesTheWrongLabel()
    {
        var bad = Sample("x", 2, 2, 0) with { Depth = new float[3] };
        var e = Assert.Throws<InvalidDataException>(() => bad.Validate());
        Assert.Contains("'x': depth label has 3 values, expected 4", e.Message);
    }
}
