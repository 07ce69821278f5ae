using RobuMTL.Adapters;
using RobuMTL.Backbone;
using RobuMTL.Checkpoints;
using RobuMTL.Core;
using RobuMTL.Heads;
using RobuMTL.Model;
using RobuMTL.Selection;
using RobuMTL.Tasks;
using RobuMTL.Weather;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Model;

public sealed class ModelFilesTests
{
    public ModelFilesTests() => TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);

    private static RobuMtlModel TinyModel(
        ModelVariant variant, int seed, LoraConfig? lora = null, int semanticClasses = 3)
    {
        TorchRuntime.Seed(seed);
        var config = RobuMtlModelConfig.Create(
            variant, SwinConfig.Nano, lora ?? LoraConfig.Nano, [TaskKind.SemanticSegmentation, TaskKind.Depth],
            semanticClasses, decoderWidthRatio: 1);
        var model = new RobuMtlModel(config);
        using (no_grad())
        {
            // Fresh B factors are zero; random ones make the round trip observable.
            foreach (var parameter in model.parameters())
            {
                parameter.uniform_(-0.3, 0.3);
            }
        }

        return model;
    }

    private static void AssertBitEqual(nn.Module expected, nn.Module actual)
    {
        var saved = expected.state_dict();
        var loaded = actual.state_dict();
        Assert.Equal(saved.Keys.Order(), loaded.Keys.Order());
        foreach (var (name, tensor) in saved)
        {
            Assert.True(Same(tensor, loaded[name]), $"{name} differs after the round trip");
        }
    }

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    private static void AssertDiffers(nn.Module a, nn.Module b) =>
        Assert.Contains(a.state_dict(), kv => !Same(kv.Value, b.state_dict()[kv.Key]));

    [Fact]
    public void WholeModelHeadsSquadsAndSelectorRoundTripBitExact()
    {
        using var folder = new TempFolder();
        using var source = TinyModel(ModelVariant.RobuMtlPlus, seed: 1);
        using var target = TinyModel(ModelVariant.RobuMtlPlus, seed: 2);
        using var plain = TinyModel(ModelVariant.RobuMtl, seed: 3);
        using var plainTarget = TinyModel(ModelVariant.RobuMtl, seed: 4);
        AssertDiffers(source, target);

        ModelFiles.Save(source.squads!, folder.Path);
        ModelFiles.Save(source.selector!, folder.Path);
        ModelFiles.Save(plain.heads!, folder.Path);
        ModelFiles.Load(target.squads!, folder.Path);
        ModelFiles.Load(target.selector!, folder.Path);
        ModelFiles.Load(plainTarget.heads!, folder.Path);

        AssertBitEqual(source.squads!, target.squads!);
        AssertBitEqual(source.selector!, target.selector!);
        AssertBitEqual(plain.heads!, plainTarget.heads!);
        AssertDiffers(source.backbone, target.backbone);

        ModelFiles.Save(source, folder.Path);
        ModelFiles.Load(target, folder.Path);
        AssertBitEqual(source, target);
        Assert.True(File.Exists(Path.Combine(folder.Path, "model.json")));
    }

    [Fact]
    public void OneExpertRoundTripsBitExactAndLeavesTheRestOfTheBank()
    {
        using var folder = new TempFolder();
        using var source = TinyModel(ModelVariant.RobuMtl, seed: 1);
        using var target = TinyModel(ModelVariant.RobuMtl, seed: 2);
        var fogBefore = target.backbone.Experts.Parameters(WeatherCondition.Fog).Select(p => p.clone()).ToList();

        ModelFiles.SaveExpert(source.backbone, WeatherCondition.Rain, folder.Path);
        ModelFiles.LoadExpert(target.backbone, WeatherCondition.Rain, folder.Path);

        var expected = source.backbone.Experts.Parameters(WeatherCondition.Rain).ToList();
        var actual = target.backbone.Experts.Parameters(WeatherCondition.Rain).ToList();
        Assert.Equal(expected.Count, actual.Count);
        Assert.All(expected.Zip(actual), pair => Assert.True(Same(pair.First, pair.Second)));
        var fogAfter = target.backbone.Experts.Parameters(WeatherCondition.Fog).ToList();
        Assert.All(fogBefore.Zip(fogAfter), pair => Assert.True(Same(pair.First, pair.Second)));
        Assert.False(Same(
            source.backbone.features.parameters().First(), target.backbone.features.parameters().First()));
        Assert.True(File.Exists(Path.Combine(folder.Path, "rain.json")));
    }

    [Fact]
    public void AnExpertWithAnotherRankScheduleIsRefusedNamingTheRank()
    {
        using var folder = new TempFolder();
        using var source = TinyModel(ModelVariant.RobuMtl, seed: 1);
        using var target = TinyModel(
            ModelVariant.RobuMtl, seed: 2, lora: new LoraConfig([4, 8, 16, 16], TaskRank: 2));
        ModelFiles.SaveExpert(source.backbone, WeatherCondition.Snow, folder.Path);
        var before = target.backbone.Experts.Parameters(WeatherCondition.Snow).Select(p => p.clone()).ToList();

        var error = Assert.Throws<CheckpointMismatchException>(
            () => ModelFiles.LoadExpert(target.backbone, WeatherCondition.Snow, folder.Path));

        Assert.Equal(["Lora.Ranks[3]: saved 32, now 16"], error.Differences);
        Assert.Contains("snow.json", error.Message);
        var after = target.backbone.Experts.Parameters(WeatherCondition.Snow).ToList();
        Assert.All(before.Zip(after), pair => Assert.True(Same(pair.First, pair.Second)));
    }

    [Fact]
    public void MismatchedConfigsAreRefusedNamingTheField()
    {
        using var folder = new TempFolder();
        using var source = TinyModel(ModelVariant.RobuMtl, seed: 1);
        using var other = TinyModel(ModelVariant.RobuMtl, seed: 2, semanticClasses: 5);
        ModelFiles.Save(source.heads!, folder.Path);
        ModelFiles.Save(source, folder.Path);
        using var selector = new WeatherSelector(
            WeatherSelectorConfig.Default with { Conditions = [WeatherCondition.Clean, WeatherCondition.Fog] });
        ModelFiles.Save(source.selector!, folder.Path);

        var heads = Assert.Throws<CheckpointMismatchException>(() => ModelFiles.Load(other.heads!, folder.Path));
        var model = Assert.Throws<CheckpointMismatchException>(() => ModelFiles.Load(other, folder.Path));
        var classes = Assert.Throws<CheckpointMismatchException>(() => ModelFiles.Load(selector, folder.Path));
        var absent = Assert.Throws<FileNotFoundException>(() => ModelFiles.Load(other.heads!, folder.Path, "nope"));

        Assert.Equal(["SemanticClasses: saved 3, now 5"], heads.Differences);
        Assert.Equal(["Heads.SemanticClasses: saved 3, now 5"], model.Differences);
        Assert.Contains(classes.Differences, d => d.StartsWith("Conditions", StringComparison.Ordinal));
        Assert.Contains("nope.bin", absent.Message);
    }
}
