using RobuMTL.Tasks;

namespace RobuMTL.Losses;

/// <summary>Per-task loss weights and the settings of the individual losses.</summary>
/// <param name="SemanticSegmentation">Weight of the semseg cross-entropy.</param>
/// <param name="HumanParts">Weight of the human-parts cross-entropy.</param>
/// <param name="Saliency">Weight of the saliency balanced BCE (positive weight from the label balance).</param>
/// <param name="Normals">Weight of the L1 on unit normals.</param>
/// <param name="Edges">Weight of the edge balanced BCE.</param>
/// <param name="Depth">Weight of the masked depth L1.</param>
/// <param name="EdgePositiveWeight">Fixed positive-class weight of the edge BCE (edges are rare pixels).</param>
/// <param name="IgnoreIndex">Label value that marks ignored pixels in class and binary targets.</param>
public sealed record MultiTaskLossConfig(
    double SemanticSegmentation,
    double HumanParts,
    double Saliency,
    double Normals,
    double Edges,
    double Depth,
    double EdgePositiveWeight,
    int IgnoreIndex)
{
    /// <summary>The MTLoRA / Multi-Task-Learning-PyTorch weights the paper trains with: 1, 2, 5, 10, 50, 1.</summary>
    public static MultiTaskLossConfig Paper { get; } = new(
        SemanticSegmentation: 1,
        HumanParts: 2,
        Saliency: 5,
        Normals: 10,
        Edges: 50,
        Depth: 1,
        EdgePositiveWeight: 0.95,
        IgnoreIndex: 255);

    /// <summary>The weight of <paramref name="task"/> in the total.</summary>
    public double WeightOf(TaskKind task) => task switch
    {
        TaskKind.SemanticSegmentation => SemanticSegmentation,
        TaskKind.HumanParts => HumanParts,
        TaskKind.Saliency => Saliency,
        TaskKind.Normals => Normals,
        TaskKind.Edges => Edges,
        TaskKind.Depth => Depth,
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "unknown task"),
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the invalid value.</summary>
    public void Validate()
    {
        foreach (var task in Enum.GetValues<TaskKind>())
        {
            var weight = WeightOf(task);
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentException(
                    $"MultiTaskLossConfig.{task} is {weight}; weights must be finite and non-negative.");
            }
        }

        if (EdgePositiveWeight is <= 0 or >= 1)
        {
            throw new ArgumentException(
                $"MultiTaskLossConfig.EdgePositiveWeight is {EdgePositiveWeight}; it must lie in (0, 1).");
        }
    }
}
