using RobuMTL.Adapters;
using RobuMTL.Backbone;
using RobuMTL.Tasks;
using RobuMTL.Weather;

namespace RobuMTL.Model;

/// <summary>
/// What one saved expert was built for, written as JSON beside its weights: the condition, the adapter ranks and
/// scales, the backbone shape and the tasks (which layers carry task-specific pairs). The other experts of the
/// bank are not part of it, so an expert can be loaded into any bank that has its condition.
/// </summary>
/// <param name="Condition">The condition the expert was trained for.</param>
/// <param name="Lora">Adapter ranks, scales and dropout.</param>
/// <param name="Swin">Backbone architecture (the adapted layers' widths).</param>
/// <param name="Tasks">Tasks with task-specific adapters.</param>
public sealed record ExpertFileConfig(
    WeatherCondition Condition, LoraConfig Lora, SwinConfig Swin, IReadOnlyList<TaskKind> Tasks)
{
    /// <summary>The config of the expert of <paramref name="condition"/> in <paramref name="backbone"/>.</summary>
    /// <exception cref="ArgumentException">The backbone has no LoRA experts (full fine-tuning).</exception>
    public static ExpertFileConfig Of(MultiTaskSwin backbone, WeatherCondition condition)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        var lora = backbone.Config.Lora ?? throw new ArgumentException(
            "This backbone is fully fine-tuned and has no LoRA experts to save or load.", nameof(backbone));
        return new ExpertFileConfig(condition, lora, backbone.Config.Swin, backbone.Config.Tasks);
    }
}
