using RobuMTL.Backbone.Weights;
using RobuMTL.Core;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Backbone.Weights;

public sealed class WeightLoaderTests
{
    public WeightLoaderTests() => TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);

    // torchvision-style names plus an adapter: features.0.{weight,bias}, norm.*, features.0_lora_A.weight.
    private static nn.Module Tiny() => nn.Sequential(
        ("features", nn.Sequential(nn.Linear(4, 3))),
        ("norm", nn.LayerNorm(3)),
        ("qkv_lora_A", nn.Linear(3, 2, hasBias: false)));

    private static StateDict Source(params (string Key, long[] Shape)[] entries) =>
        new(entries.Select(e => new KeyValuePair<string, Tensor>(e.Key, full(e.Shape, 0.5f))));

    [Fact]
    public void LoadsMatchingKeysAndReportsAdaptersAsExpectedMissing()
    {
        using var model = Tiny();
        using var source = Source(
            ("features.0.weight", [3, 4]), ("features.0.bias", [3]), ("norm.weight", [3]), ("norm.bias", [3]),
            ("head.weight", [10, 3]), ("features.1.0.attn.relative_position_index", [16]));

        var report = WeightLoader.Load(model, source);

        Assert.True(report.IsComplete);
        Assert.Equal(CheckpointLayout.Torchvision, report.Layout);
        Assert.Equal(["features.0.weight", "features.0.bias", "norm.weight", "norm.bias"], report.Loaded);
        Assert.Equal(12 + 3 + 3 + 3, report.LoadedValues);
        Assert.Equal(["head.weight", "features.1.0.attn.relative_position_index"], report.Skipped);
        Assert.Equal(["qkv_lora_A.weight"], report.ExpectedMissing);
        Assert.Empty(report.Missing);
        TensorAssert.AllEqual(model.state_dict()["features.0.weight"], 0.5f);
    }

    [Fact]
    public void RefusesAMisShapedTensorByNameAndChangesNothing()
    {
        using var model = Tiny();
        using var before = model.state_dict()["norm.weight"].clone();
        using var source = Source(
            ("features.0.weight", [3, 5]), ("features.0.bias", [3]), ("norm.weight", [3]), ("norm.bias", [3]));

        var error = Assert.Throws<WeightLoadException>(() => WeightLoader.Load(model, source));

        var mismatch = Assert.Single(error.Report.Mismatched);
        Assert.Equal("features.0.weight", mismatch.TargetKey);
        Assert.Equal([3L, 4L], mismatch.Expected);
        Assert.Equal([3L, 5L], mismatch.Found);
        Assert.Contains("features.0.weight", error.Message);
        TensorAssert.Identical(before, model.state_dict()["norm.weight"]);
    }

    [Fact]
    public void SkipsAMisShapedTensorWhenTold()
    {
        using var model = Tiny();
        using var source = Source(
            ("features.0.weight", [3, 5]), ("features.0.bias", [3]), ("norm.weight", [3]), ("norm.bias", [3]));

        var report = WeightLoader.Load(model, source, options: new WeightLoadOptions(SkipMismatchedShapes: true));

        Assert.False(report.IsComplete);
        Assert.Equal("features.0.weight", Assert.Single(report.Mismatched).TargetKey);
        Assert.DoesNotContain("features.0.weight", report.Loaded);
        TensorAssert.AllEqual(model.state_dict()["norm.bias"], 0.5f);
    }

    [Fact]
    public void NamesMissingAndUnexpectedKeys()
    {
        using var model = Tiny();
        using var source = Source(
            ("features.0.weight", [3, 4]), ("norm.weight", [3]), ("norm.bias", [3]), ("features.9.gamma", [3]));

        var strict = Assert.Throws<WeightLoadException>(() => WeightLoader.Load(model, source));
        Assert.Equal(["features.0.bias"], strict.Report.Missing);
        Assert.Contains("features.0.bias", strict.Message);

        var report = WeightLoader.Load(model, source, options: WeightLoadOptions.Lenient);
        Assert.Equal(["features.0.bias"], report.Missing);
        Assert.Equal(["features.9.gamma"], report.Unexpected);
        Assert.Contains("unexpected: features.9.gamma", report.ToString());
    }

    [Fact]
    public void MapsTimmNamesUnderAPrefixAndTreatsKeysOutsideItAsExpected()
    {
        using var model = nn.Sequential(
            ("backbone", nn.Sequential(("features", nn.Sequential(nn.Sequential(nn.Linear(2, 2)))))),
            ("decoder", nn.Linear(2, 1)));
        using var source = Source(("patch_embed.proj.weight", [2, 2]), ("patch_embed.proj.bias", [2]));

        var report = WeightLoader.Load(
            model, source, CheckpointLayout.TimmLegacy, new WeightLoadOptions(TargetPrefix: "backbone."));

        Assert.Equal(["backbone.features.0.0.weight", "backbone.features.0.0.bias"], report.Loaded);
        Assert.Equal(["decoder.weight", "decoder.bias"], report.ExpectedMissing);
    }

    [Fact]
    public void RejectsTwoFileKeysForOneTarget()
    {
        var mlp = nn.Sequential(("mlp", nn.Sequential(nn.Linear(2, 2))));
        using var model = nn.Sequential(("features", nn.Sequential(nn.Identity(), nn.Sequential(mlp))));
        using var source = Source(("layers.0.blocks.0.mlp.fc1.weight", [2, 2]), ("features.1.0.mlp.0.weight", [2, 2]));

        var error = Assert.Throws<InvalidDataException>(() => WeightLoader.Load(
            model, source, CheckpointLayout.TimmLegacy, WeightLoadOptions.Lenient));
        Assert.Contains("layers.0.blocks.0.mlp.fc1.weight", error.Message);
        Assert.Contains("features.1.0.mlp.0.weight", error.Message);
    }
}
