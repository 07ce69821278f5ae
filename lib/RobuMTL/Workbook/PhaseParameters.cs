using RobuMTL.Model;
using RobuMTL.Weather;
using static TorchSharp.torch;

namespace RobuMTL.Workbook;

/// <summary>Which model each workbook phase trains, and which of its parameters.</summary>
internal static class PhaseParameters
{
    /// <summary>The model variant a phase trains.</summary>
    /// <exception cref="ArgumentException">The selector phase trains no <see cref="RobuMtlModel"/>.</exception>
    public static ModelVariant VariantOf(WorkbookPhase phase) => phase switch
    {
        WorkbookPhase.CleanMtl or WorkbookPhase.MixedMtl => ModelVariant.FineTunedMtl,
        WorkbookPhase.SharedLora => ModelVariant.SharedLora,
        WorkbookPhase.Squads => ModelVariant.RobuMtlPlus,
        WorkbookPhase.Selector => throw new ArgumentException("The selector is loaded with LoadSelector."),
        _ => ModelVariant.RobuMtl,
    };

    /// <summary>Sets the phase's trainable set on <paramref name="model"/>: everything else is frozen.</summary>
    public static RobuMtlModel Trainable(
        RobuMtlModel model, WorkbookPhase phase, WeatherCondition? condition = null)
    {
        switch (phase)
        {
            case WorkbookPhase.CleanMtl or WorkbookPhase.MixedMtl:
                model.backbone.ActivateFullFineTune();
                Unfreeze(model.heads!);
                break;
            case WorkbookPhase.Warmup or WorkbookPhase.SharedLora:
                model.FreezeAll();
                model.backbone.Experts.ActivateForTraining(WeatherCondition.Clean);
                Unfreeze(model.heads!);
                break;
            case WorkbookPhase.Expert:
                model.FreezeAll();
                model.backbone.Experts.ActivateForTraining(condition ?? throw new ArgumentNullException(
                    nameof(condition), "an expert phase names its condition"));
                break;
            case WorkbookPhase.Squads:
                model.FreezeAll();
                Unfreeze(model.squads!);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(phase), phase, "the phase trains no RobuMtlModel");
        }

        return model;
    }

    private static void Unfreeze(nn.Module module)
    {
        foreach (var parameter in module.parameters())
        {
            parameter.requires_grad = true;
        }
    }
}
