using System.Text.Json;
using RobuMTL.Backbone;
using RobuMTL.Backbone.Weights;
using RobuMTL.Core;
using RobuMTL.Fusion;
using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Backbone.Weights;

/// <summary>
/// Our Swin loads a torchvision state dict and reproduces torchvision 0.14's outputs (fixture made by
/// tools/make_swin_fixture.py: embed 6, depths [2,2,2,2], heads [1,2,2,4], window 4, 2x3x56x56 input).
/// </summary>
public sealed class SwinParityTests
{
    private const double Tolerance = 1e-5;
    private static readonly string FixtureDir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Backbone");

    public SwinParityTests() => TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);

    [Theory]
    [InlineData("swin_fixture.safetensors")]
    [InlineData("swin_fixture.pt")]
    public void MatchesTorchvisionAfterLoadingTheFixture(string file)
    {
        using var model = FixtureModel(MultiTaskSwinConfig.FullFineTune(FixtureConfig(), [TaskKind.Saliency]));

        var report = WeightLoader.LoadFile(model, Path.Combine(FixtureDir, file));

        Assert.True(report.IsComplete, report.ToString());
        Assert.Equal(CheckpointLayout.Torchvision, report.Layout);
        Assert.Empty(report.ExpectedMissing);
        Assert.Equal(8, report.Skipped.Count);
        Assert.All(report.Skipped, k => Assert.EndsWith("relative_position_index", k));
        Assert.Equal(model.parameters().Sum(p => p.numel()), report.LoadedValues);
        AssertMatchesFixture(model);
    }

    [Theory]
    [InlineData(CheckpointLayout.TimmLegacy)]
    [InlineData(CheckpointLayout.Timm)]
    public void MatchesTorchvisionAfterLoadingTimmNamedWeights(CheckpointLayout layout)
    {
        var path = Path.Combine(Path.GetTempPath(), $"robumtl-timm-{layout}-{Guid.NewGuid():N}.safetensors");
        try
        {
            using (var torchvision = SafetensorsFile.Read(Path.Combine(FixtureDir, "swin_fixture.safetensors")))
            {
                var renamed = torchvision.Select(p => KeyValuePair.Create(TimmName(p.Key, layout), p.Value));
                SafetensorsFile.Write(path, renamed);
            }

            using var model = FixtureModel(MultiTaskSwinConfig.FullFineTune(FixtureConfig(), [TaskKind.Saliency]));
            var report = WeightLoader.LoadFile(model, path);

            Assert.Equal(layout, report.Layout);
            Assert.True(report.IsComplete, report.ToString());
            AssertMatchesFixture(model);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReportsLoraExpertsAsExpectedMissingAndKeepsThemNoOps()
    {
        var config = MultiTaskSwinConfig.SingleShared(
            FixtureConfig(), new([2, 2, 2, 2], TaskRank: 0, Dropout: 0), [TaskKind.Saliency]);
        using var model = FixtureModel(config);

        var report = WeightLoader.LoadFile(model, Path.Combine(FixtureDir, "swin_fixture.safetensors"));

        Assert.True(report.IsComplete, report.ToString());
        Assert.NotEmpty(report.ExpectedMissing);
        Assert.All(report.ExpectedMissing, k => Assert.Contains(".experts.", k));
        Assert.Empty(report.Missing);
        AssertMatchesFixture(model);
    }

    [Fact]
    public void RefusesTheFixtureForAWrongSizeNamingTheTensors()
    {
        using var model = FixtureModel(
            MultiTaskSwinConfig.FullFineTune(FixtureConfig() with { EmbedDim = 8 }, [TaskKind.Saliency]));

        var error = Assert.Throws<WeightLoadException>(
            () => WeightLoader.LoadFile(model, Path.Combine(FixtureDir, "swin_fixture.safetensors")));

        Assert.Contains(error.Report.Mismatched, m => m.TargetKey == "features.0.0.weight");
        Assert.Contains("features.1.0.attn.qkv.weight", error.Message);
    }

    private static SwinConfig FixtureConfig()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureDir, "swin_fixture.json")));
        var root = json.RootElement;
        int[] Ints(string name) => root.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();
        return new SwinConfig(
            root.GetProperty("embed_dim").GetInt32(), Ints("depths"), Ints("num_heads"),
            root.GetProperty("window_size").GetInt32(), root.GetProperty("patch_size").GetInt32(),
            root.GetProperty("mlp_ratio").GetDouble(), StochasticDepth: 0,
            NumClasses: root.GetProperty("num_classes").GetInt32());
    }

    private static MultiTaskSwin FixtureModel(MultiTaskSwinConfig config)
    {
        var model = new MultiTaskSwin(config with { Tap = StageTap.BeforeMerging });
        model.eval();
        return model;
    }

    private static void AssertMatchesFixture(MultiTaskSwin model)
    {
        using var scope = NewDisposeScope();
        using var expected = SafetensorsFile.Read(Path.Combine(FixtureDir, "swin_fixture_outputs.safetensors"));
        using var _ = no_grad();
        var input = expected["input"];

        var stages = model.forward(input, ExpertRouting.BaseOnly)[TaskKind.Saliency];
        for (var s = 0; s < 4; s++)
        {
            var ours = stages[s].permute(0, 2, 3, 1); // (B, H_s, W_s, C_s) as torchvision
            AssertClose(expected[$"stage{s + 1}"], ours, $"stage{s + 1}");
        }

        AssertClose(expected["norm"], model.norm.call(stages[3].permute(0, 2, 3, 1)), "norm");
        AssertClose(expected["logits"], model.Classify(input), "logits");
    }

    private static void AssertClose(Tensor expected, Tensor actual, string name)
    {
        Assert.Equal(expected.shape, actual.shape);
        var worst = (expected - actual).abs().max().item<float>();
        Assert.True(worst <= Tolerance, $"{name}: max |torchvision - ours| = {worst:E2} > {Tolerance:E0}");
    }

    // The fixture's torchvision keys as timm writes them (the inverse of SwinKeyMap, spelled out by hand).
    private static string TimmName(string key, CheckpointLayout layout)
    {
        if (key.StartsWith("head.", StringComparison.Ordinal))
        {
            return layout == CheckpointLayout.Timm ? "head.fc." + key[5..] : key;
        }

        if (!key.StartsWith("features.", StringComparison.Ordinal))
        {
            return key;
        }

        var parts = key.Split('.', 4);
        var index = int.Parse(parts[1]);
        var rest = string.Join('.', parts[2..]);
        if (index == 0)
        {
            return (parts[2] == "0" ? "patch_embed.proj." : "patch_embed.norm.") + parts[3];
        }

        if (index % 2 == 1)
        {
            var blockRest = parts[3].Replace("mlp.0.", "mlp.fc1.").Replace("mlp.3.", "mlp.fc2.");
            return $"layers.{(index - 1) / 2}.blocks.{parts[2]}.{blockRest}";
        }

        var stage = layout == CheckpointLayout.TimmLegacy ? index / 2 - 1 : index / 2;
        return $"layers.{stage}.downsample.{rest}";
    }
}
