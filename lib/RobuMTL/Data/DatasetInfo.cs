using RobuMTL.Tasks;

namespace RobuMTL.Data;

/// <summary>What a multi-task dataset holds: its tasks and the label spaces of its class-valued tasks.</summary>
/// <param name="Name">Human-readable name, for example "PASCAL-Context MTL (val)".</param>
/// <param name="Tasks">The tasks every sample carries labels for.</param>
/// <param name="SemanticClasses">Number of semantic classes (labels 0..n-1); 0 when absent.</param>
/// <param name="PartClasses">Number of human-part classes including background; 0 when absent.</param>
/// <param name="ClassNames">Name of each semantic class, index = label.</param>
/// <param name="PartNames">Name of each human-part class, index = label; empty when absent.</param>
public sealed record DatasetInfo(
    string Name,
    IReadOnlyList<TaskKind> Tasks,
    int SemanticClasses,
    int PartClasses,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<string> PartNames)
{
    /// <summary>The six PASCAL-Context part groups plus background, as the multi-task benchmark groups them.</summary>
    public static IReadOnlyList<string> PascalPartNames { get; } =
        ["background", "head", "torso", "upper arms", "lower arms", "upper legs", "lower legs"];

    /// <summary>True when the dataset carries labels for <paramref name="task"/>.</summary>
    public bool Has(TaskKind task) => Tasks.Contains(task);

    /// <summary>The number of output channels a head for <paramref name="task"/> needs on this dataset.</summary>
    public int OutputChannels(TaskKind task) => task switch
    {
        TaskKind.SemanticSegmentation => SemanticClasses,
        TaskKind.HumanParts => PartClasses,
        TaskKind.Normals => 3,
        TaskKind.Saliency or TaskKind.Edges or TaskKind.Depth => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "unknown task"),
    };
}
