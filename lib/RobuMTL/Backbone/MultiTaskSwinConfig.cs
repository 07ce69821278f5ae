using RobuMTL.Adapters;
using RobuMTL.Tasks;
using RobuMTL.Weather;

namespace RobuMTL.Backbone;

/// <summary>
/// Everything that shapes the multi-task backbone: the Swin architecture, the adapters, the tasks that get
/// their own streams, the conditions that get an expert, the training mode and where stage outputs are taken.
/// </summary>
/// <param name="Swin">Backbone architecture.</param>
/// <param name="Lora">Adapter sizes; null exactly when <paramref name="Mode"/> is
/// <see cref="BackboneMode.FullFineTune"/>.</param>
/// <param name="Tasks">Tasks the model predicts (keys of the forward result).</param>
/// <param name="Conditions">One expert per entry, in this order (the routing weights' columns).</param>
/// <param name="Mode">What is adapted and what trains.</param>
/// <param name="Tap">Where stage outputs are taken.</param>
public sealed record MultiTaskSwinConfig(
    SwinConfig Swin,
    LoraConfig? Lora,
    IReadOnlyList<TaskKind> Tasks,
    IReadOnlyList<WeatherCondition> Conditions,
    BackboneMode Mode = BackboneMode.ConditionExperts,
    StageTap Tap = StageTap.AfterMerging)
{
    /// <summary>The paper's six selector classes in enum order, so selector class i is expert i.</summary>
    public static IReadOnlyList<WeatherCondition> PaperConditions { get; } =
    [
        WeatherCondition.Clean, WeatherCondition.Rain, WeatherCondition.Snow,
        WeatherCondition.Fog, WeatherCondition.Noise, WeatherCondition.Blur,
    ];

    /// <summary>RobuMTL: one expert per paper condition on a frozen backbone.</summary>
    public static MultiTaskSwinConfig Experts(SwinConfig swin, LoraConfig lora, IReadOnlyList<TaskKind> tasks) =>
        new(swin, lora, tasks, PaperConditions);

    /// <summary>MTLoRA-like baseline: one shared expert (stored under <see cref="WeatherCondition.Clean"/>).</summary>
    public static MultiTaskSwinConfig SingleShared(SwinConfig swin, LoraConfig lora, IReadOnlyList<TaskKind> tasks) =>
        new(swin, lora, tasks, [WeatherCondition.Clean], BackboneMode.SingleSharedLora);

    /// <summary>Fully fine-tuned baseline without adapters.</summary>
    public static MultiTaskSwinConfig FullFineTune(SwinConfig swin, IReadOnlyList<TaskKind> tasks) =>
        new(swin, null, tasks, [], BackboneMode.FullFineTune);

    /// <summary>
    /// The Swin stage whose width and stride stage output <paramref name="stage"/> has under <see cref="Tap"/>.
    /// </summary>
    public int TapStage(int stage) =>
        Tap == StageTap.AfterMerging ? Math.Min(stage + 1, Swin.StageCount - 1) : stage;

    /// <summary>Throws one clear error for an invalid combination.</summary>
    public void Validate()
    {
        Swin.Validate();
        if (Tasks.Count == 0 || Tasks.Distinct().Count() != Tasks.Count)
        {
            throw new ArgumentException(
                $"MultiTaskSwinConfig: Tasks [{string.Join(", ", Tasks)}] must be non-empty and distinct.");
        }

        if (Conditions.Distinct().Count() != Conditions.Count || Conditions.Any(c => !Enum.IsDefined(c)))
        {
            throw new ArgumentException(
                $"MultiTaskSwinConfig: Conditions [{string.Join(", ", Conditions)}] must be distinct, defined "
                + "WeatherCondition values.");
        }

        switch (Mode)
        {
            case BackboneMode.FullFineTune when Lora is not null || Conditions.Count > 0:
                throw new ArgumentException(
                    "MultiTaskSwinConfig: FullFineTune trains the backbone itself; set Lora to null and Conditions "
                    + "to [] (or use MultiTaskSwinConfig.FullFineTune).");
            case BackboneMode.ConditionExperts when Lora is null || Conditions.Count == 0:
                throw new ArgumentException(
                    "MultiTaskSwinConfig: ConditionExperts needs a LoraConfig and at least one condition.");
            case BackboneMode.SingleSharedLora when Lora is null || Conditions.Count != 1:
                throw new ArgumentException(
                    $"MultiTaskSwinConfig: SingleSharedLora needs a LoraConfig and exactly one condition, got "
                    + $"{Conditions.Count}.");
        }

        Lora?.Validate(Swin.StageCount);
    }
}
