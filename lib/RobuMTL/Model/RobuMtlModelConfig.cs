using RobuMTL.Adapters;
using RobuMTL.Backbone;
using RobuMTL.Heads;
using RobuMTL.Selection;
using RobuMTL.Tasks;

namespace RobuMTL.Model;

/// <summary>
/// One method of the comparison, fully specified: the backbone with its adapters, the decoder heads and, for
/// RobuMTL and RobuMTL+, the selector. Saved as JSON beside every checkpoint of the model.
/// </summary>
/// <param name="Variant">The method.</param>
/// <param name="Backbone">Swin, adapters, tasks and expert conditions.</param>
/// <param name="Heads">Decoder heads (one set, or one set per condition for RobuMTL+).</param>
/// <param name="Selector">The condition classifier (DMLS); null for variants that route nothing.</param>
public sealed record RobuMtlModelConfig(
    ModelVariant Variant,
    MultiTaskSwinConfig Backbone,
    TaskHeadSetConfig Heads,
    WeatherSelectorConfig? Selector)
{
    /// <summary>
    /// Builds the configuration of <paramref name="variant"/> from the parts every variant shares, so that the
    /// compared methods differ only where the methods differ.
    /// </summary>
    /// <param name="variant">Which method.</param>
    /// <param name="swin">Backbone architecture.</param>
    /// <param name="lora">Adapter ranks (ignored by the fully fine-tuned baseline).</param>
    /// <param name="tasks">Tasks to predict.</param>
    /// <param name="semanticClasses">Classes of semantic segmentation.</param>
    /// <param name="selector">Selector shape; its conditions are the experts (default: the paper's six).</param>
    /// <param name="decoderWidthRatio">Decoder hidden width per concatenated projection channel (MTLoRA: 4).</param>
    public static RobuMtlModelConfig Create(
        ModelVariant variant,
        SwinConfig swin,
        LoraConfig lora,
        IReadOnlyList<TaskKind> tasks,
        int semanticClasses,
        WeatherSelectorConfig? selector = null,
        int decoderWidthRatio = 4)
    {
        selector ??= WeatherSelectorConfig.Default;
        var backbone = variant switch
        {
            ModelVariant.FineTunedMtl => MultiTaskSwinConfig.FullFineTune(swin, tasks),
            ModelVariant.SharedLora => MultiTaskSwinConfig.SingleShared(swin, lora, tasks),
            _ => MultiTaskSwinConfig.Experts(swin, lora, tasks) with { Conditions = selector.Conditions },
        };
        // MTLoRA's projection widths follow the Swin stage widths (18/36/72/144 for Swin-T) whatever the tap.
        var stageChannels = Enumerable.Range(0, swin.StageCount).Select(s => swin.StageDim(backbone.TapStage(s)));
        var projections = TaskDecoderConfig.ForSwin(swin.EmbedDim, swin.StageCount).ProjectionChannels;
        var decoder = new TaskDecoderConfig(
            stageChannels.ToArray(), projections, decoderWidthRatio * projections.Sum());
        var routed = variant is ModelVariant.RobuMtl or ModelVariant.RobuMtlPlus;
        return new RobuMtlModelConfig(
            variant, backbone, new TaskHeadSetConfig(tasks, semanticClasses, decoder), routed ? selector : null);
    }

    /// <summary>Whether the variant routes images to condition experts (and so needs the selector).</summary>
    public bool IsRouted => Variant is ModelVariant.RobuMtl or ModelVariant.RobuMtlPlus;

    /// <summary>Throws one clear error for an inconsistent combination, naming the field.</summary>
    public void Validate()
    {
        Backbone.Validate();
        Heads.Validate();
        if (IsRouted && Selector is null)
        {
            throw new ArgumentException($"{Variant} routes by the selector; set Selector (for example "
                + "WeatherSelectorConfig.Default).");
        }

        if (Selector is not null && !Selector.Conditions.SequenceEqual(Backbone.Conditions))
        {
            throw new ArgumentException(
                $"Selector classes [{string.Join(", ", Selector.Conditions)}] must equal the experts "
                + $"[{string.Join(", ", Backbone.Conditions)}] in order: selector class i routes to expert i.");
        }

        if (!Heads.Tasks.SequenceEqual(Backbone.Tasks))
        {
            throw new ArgumentException(
                $"Heads tasks [{string.Join(", ", Heads.Tasks)}] differ from the backbone's "
                + $"[{string.Join(", ", Backbone.Tasks)}].");
        }
    }
}
