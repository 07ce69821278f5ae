using RobuMTL.Backbone.Weights;

namespace RobuMTL.Tests.Backbone.Weights;

public sealed class SwinKeyMapTests
{
    // A two-stage Swin in each naming, as the libraries write it.
    private static readonly string[] TimmLegacyKeys =
    [
        "patch_embed.proj.weight", "patch_embed.proj.bias", "patch_embed.norm.weight",
        "layers.0.blocks.0.norm1.weight", "layers.0.blocks.0.attn.relative_position_bias_table",
        "layers.0.blocks.0.attn.relative_position_index", "layers.0.blocks.0.attn.qkv.weight",
        "layers.0.blocks.1.attn_mask", "layers.0.blocks.1.mlp.fc1.weight", "layers.0.blocks.1.mlp.fc2.bias",
        "layers.0.downsample.reduction.weight", "layers.0.downsample.norm.weight",
        "layers.1.blocks.0.attn.proj.weight", "norm.weight", "head.weight", "head.bias",
    ];

    private static readonly string[] TimmKeys =
    [
        "patch_embed.proj.weight", "patch_embed.norm.bias", "layers.0.blocks.0.attn.qkv.bias",
        "layers.0.blocks.1.mlp.fc2.weight", "layers.1.downsample.reduction.weight",
        "layers.1.downsample.norm.bias", "layers.1.blocks.0.norm2.weight", "norm.bias", "head.fc.weight",
    ];

    public static TheoryData<CheckpointLayout, string, string?> Mappings => new()
    {
        { CheckpointLayout.Torchvision, "features.1.0.attn.qkv.weight", "features.1.0.attn.qkv.weight" },
        { CheckpointLayout.Torchvision, "features.2.reduction.weight", "features.2.reduction.weight" },
        { CheckpointLayout.Torchvision, "features.5.3.attn.relative_position_index", null },
        { CheckpointLayout.Torchvision, "head.weight", "head.weight" },
        { CheckpointLayout.TimmLegacy, "patch_embed.proj.weight", "features.0.0.weight" },
        { CheckpointLayout.TimmLegacy, "patch_embed.norm.bias", "features.0.2.bias" },
        { CheckpointLayout.TimmLegacy, "layers.2.blocks.5.mlp.fc1.weight", "features.5.5.mlp.0.weight" },
        { CheckpointLayout.TimmLegacy, "layers.3.blocks.1.mlp.fc2.bias", "features.7.1.mlp.3.bias" },
        { CheckpointLayout.TimmLegacy, "layers.0.blocks.1.attn.proj.weight", "features.1.1.attn.proj.weight" },
        { CheckpointLayout.TimmLegacy, "layers.0.downsample.reduction.weight", "features.2.reduction.weight" },
        { CheckpointLayout.TimmLegacy, "layers.2.downsample.norm.weight", "features.6.norm.weight" },
        { CheckpointLayout.TimmLegacy, "layers.1.blocks.1.attn_mask", null },
        { CheckpointLayout.TimmLegacy, "norm.weight", "norm.weight" },
        { CheckpointLayout.TimmLegacy, "head.bias", "head.bias" },
        { CheckpointLayout.Timm, "layers.1.downsample.reduction.weight", "features.2.reduction.weight" },
        { CheckpointLayout.Timm, "layers.3.downsample.norm.bias", "features.6.norm.bias" },
        { CheckpointLayout.Timm, "layers.3.blocks.0.norm1.weight", "features.7.0.norm1.weight" },
        {
            CheckpointLayout.Timm, "layers.1.blocks.0.attn.relative_position_bias_table",
            "features.3.0.attn.relative_position_bias_table"
        },
        { CheckpointLayout.Timm, "layers.1.blocks.0.attn.relative_position_index", null },
        { CheckpointLayout.Timm, "head.fc.weight", "head.weight" },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public void MapsEachKey(CheckpointLayout layout, string source, string? expected) =>
        Assert.Equal(expected, SwinKeyMap.For(layout).Map(source));

    [Fact]
    public void DetectsTheLayoutFromTheKeys()
    {
        Assert.Equal(CheckpointLayout.TimmLegacy, SwinKeyMap.Detect(TimmLegacyKeys));
        Assert.Equal(CheckpointLayout.Timm, SwinKeyMap.Detect(TimmKeys));
        Assert.Equal(CheckpointLayout.Torchvision, SwinKeyMap.Detect(["features.0.0.weight", "norm.weight"]));
        var error = Assert.Throws<InvalidDataException>(() => SwinKeyMap.Detect(["encoder.conv.weight"]));
        Assert.Contains("encoder.conv.weight", error.Message);
    }

    [Fact]
    public void BothTimmLayoutsPlaceTheSameMergeAtTheSameFeatureIndex()
    {
        var legacy = SwinKeyMap.For(CheckpointLayout.TimmLegacy);
        var current = SwinKeyMap.For(CheckpointLayout.Timm);

        for (var merge = 0; merge < 3; merge++)
        {
            var fromLegacy = legacy.Map($"layers.{merge}.downsample.reduction.weight");
            var fromCurrent = current.Map($"layers.{merge + 1}.downsample.reduction.weight");
            Assert.Equal($"features.{2 * merge + 2}.reduction.weight", fromLegacy);
            Assert.Equal(fromLegacy, fromCurrent);
        }
    }

    [Fact]
    public void MapsWholeLegacyListWithoutCollisions()
    {
        var map = SwinKeyMap.For(CheckpointLayout.TimmLegacy);
        var mapped = TimmLegacyKeys.Select(map.Map).OfType<string>().ToList();

        Assert.Equal(mapped.Count, mapped.Distinct().Count());
        Assert.All(mapped, k => Assert.Matches(@"^(features\.\d+\.|norm\.|head\.)", k));
        Assert.Equal(2, TimmLegacyKeys.Length - mapped.Count);
    }
}
