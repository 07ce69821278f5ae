using RobuMTL.Tasks;

namespace RobuMTL.Heads;

/// <summary>Which tasks get a decoder, how many semantic classes there are, and the decoder shape.</summary>
/// <param name="Tasks">Tasks to decode, in output order.</param>
/// <param name="SemanticClasses">Classes of semantic segmentation (PASCAL-Context 21, NYUD-v2 40).</param>
/// <param name="Decoder">Shape shared by every task's decoder.</param>
public sealed record TaskHeadSetConfig(IReadOnlyList<TaskKind> Tasks, int SemanticClasses, TaskDecoderConfig Decoder)
{
    /// <summary>Human parts: six parts plus background.</summary>
    public const int HumanPartClasses = 7;

    /// <summary>
    /// PASCAL-Context as MTLoRA trains it (semseg 21, parts, saliency, normals) on Swin-T. Add edges with
    /// <c>with { Tasks = [..] }</c>.
    /// </summary>
    public static TaskHeadSetConfig PascalContext { get; } = new(
        [TaskKind.SemanticSegmentation, TaskKind.HumanParts, TaskKind.Saliency, TaskKind.Normals],
        SemanticClasses: 21,
        TaskDecoderConfig.SwinTiny);

    /// <summary>NYUD-v2 (semseg 40, normals, edges, depth) on Swin-T.</summary>
    public static TaskHeadSetConfig NyudV2 { get; } = new(
        [TaskKind.SemanticSegmentation, TaskKind.Normals, TaskKind.Edges, TaskKind.Depth],
        SemanticClasses: 40,
        TaskDecoderConfig.SwinTiny);

    /// <summary>
    /// Output channels of <paramref name="task"/>: the classes, 7 parts, 1 saliency, 3 normals, 1 edges, 1 depth.
    /// </summary>
    public int OutputChannels(TaskKind task) => task switch
    {
        TaskKind.SemanticSegmentation => SemanticClasses,
        TaskKind.HumanParts => HumanPartClasses,
        TaskKind.Saliency => 1,
        TaskKind.Normals => 3,
        TaskKind.Edges => 1,
        TaskKind.Depth => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "unknown task"),
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the invalid field and how to fix it.</summary>
    public void Validate()
    {
        if (Tasks.Count == 0 || Tasks.Distinct().Count() != Tasks.Count)
        {
            throw new ArgumentException(
                "TaskHeadSetConfig.Tasks must list each task once and not be empty, got " +
                $"[{string.Join(", ", Tasks)}].");
        }

        if (Tasks.Contains(TaskKind.SemanticSegmentation) && SemanticClasses < 2)
        {
            throw new ArgumentException(
                $"TaskHeadSetConfig.SemanticClasses is {SemanticClasses}; semantic segmentation needs at least 2.");
        }

        Decoder.Validate();
    }
}
