using RobuMTL.Adapters;
using RobuMTL.Backbone;
using RobuMTL.Model;
using RobuMTL.Selection;
using RobuMTL.Tasks;

namespace RobuMTL.Tests.Model;

public sealed class RobuMtlModelConfigTests
{
    private static readonly TaskKind[] Pascal =
        [TaskKind.SemanticSegmentation, TaskKind.HumanParts, TaskKind.Saliency, TaskKind.Normals];

    [Fact]
    public void SwinTinyDecodersHaveMtLoraWidths()
    {
        var config = RobuMtlModelConfig.Create(
            ModelVariant.RobuMtl, SwinConfig.Tiny, LoraConfig.PascalContext, Pascal, semanticClasses: 21);

        Assert.Equal([18, 36, 72, 144], config.Heads.Decoder.ProjectionChannels);
        Assert.Equal(1080, config.Heads.Decoder.HiddenChannels);
        Assert.Equal([192, 384, 768, 768], config.Heads.Decoder.StageChannels);
        Assert.NotNull(config.Selector);
    }

    [Theory]
    [InlineData(ModelVariant.FineTunedMtl, BackboneMode.FullFineTune, false)]
    [InlineData(ModelVariant.SharedLora, BackboneMode.SingleSharedLora, false)]
    [InlineData(ModelVariant.RobuMtl, BackboneMode.ConditionExperts, true)]
    [InlineData(ModelVariant.RobuMtlPlus, BackboneMode.ConditionExperts, true)]
    public void VariantsDifferOnlyWhereTheMethodsDiffer(ModelVariant variant, BackboneMode mode, bool routed)
    {
        var config = RobuMtlModelConfig.Create(variant, SwinConfig.Nano, LoraConfig.Nano, Pascal, 9);

        Assert.Equal(mode, config.Backbone.Mode);
        Assert.Equal(routed, config.IsRouted);
        Assert.Equal(routed, config.Selector is not null);
        config.Validate();
    }

    [Fact]
    public void SelectorClassesMustMatchTheExpertsInOrder()
    {
        var config = RobuMtlModelConfig.Create(ModelVariant.RobuMtl, SwinConfig.Nano, LoraConfig.Nano, Pascal, 9);
        var reversed = config with
        {
            Selector = WeatherSelectorConfig.Default with
            {
                Conditions = WeatherSelectorConfig.Default.Conditions.Reverse().ToArray(),
            },
        };

        var error = Assert.Throws<ArgumentException>(reversed.Validate);
        Assert.Contains("selector class i routes to expert i", error.Message);
    }
}
