using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Losses;

/// <summary>
/// The multi-task training loss: CE with ignore for semseg and parts, balanced BCE for saliency (label-balanced)
/// and edges (fixed positive weight), L1 on unit normals and masked L1 on depth, weighted and summed.
/// Target shapes: semseg and parts (B, H, W) int64 with 255 ignored; saliency and edges (B, 1, H, W) float in
/// {0, 1} with 255 ignored; normals (B, 3, H, W) with zero or 255 vectors invalid; depth (B, 1, H, W), 0 invalid.
/// </summary>
public sealed class MultiTaskLoss
{
    /// <summary>Creates the loss; the config is validated here.</summary>
    public MultiTaskLoss(MultiTaskLossConfig? config = null)
    {
        Config = config ?? MultiTaskLossConfig.Paper;
        Config.Validate();
    }

    /// <summary>Weights and settings in use.</summary>
    public MultiTaskLossConfig Config { get; }

    /// <summary>
    /// Loss of every task in <paramref name="predictions"/> (each (B, O_t, H, W), as the heads return them)
    /// against the matching entry of <paramref name="targets"/>; every predicted task needs a target.
    /// </summary>
    public MultiTaskLossResult Compute(
        IReadOnlyDictionary<TaskKind, Tensor> predictions, IReadOnlyDictionary<TaskKind, Tensor> targets)
    {
        if (predictions.Count == 0)
        {
            throw new ArgumentException("MultiTaskLoss.Compute got no predictions.", nameof(predictions));
        }

        var perTask = new Dictionary<TaskKind, Tensor>();
        Tensor? total = null;
        foreach (var (task, prediction) in predictions)
        {
            if (!targets.TryGetValue(task, out var target))
            {
                throw new ArgumentException(
                    $"No target for task {task}; the batch has targets for [{string.Join(", ", targets.Keys)}].",
                    nameof(targets));
            }

            var loss = TaskLoss(task, prediction, target);
            perTask[task] = loss;
            var weighted = loss * Config.WeightOf(task);
            total = total is null ? weighted : total + weighted;
        }

        return new MultiTaskLossResult(total!, perTask);
    }

    /// <summary>The unweighted loss () of one task.</summary>
    public Tensor TaskLoss(TaskKind task, Tensor prediction, Tensor target) => task switch
    {
        TaskKind.SemanticSegmentation or TaskKind.HumanParts =>
            DenseLosses.CrossEntropy(prediction, target, Config.IgnoreIndex),
        TaskKind.Saliency => DenseLosses.BalancedBinaryCrossEntropy(prediction, target, null, Config.IgnoreIndex),
        TaskKind.Edges => DenseLosses.BalancedBinaryCrossEntropy(
            prediction, target, Config.EdgePositiveWeight, Config.IgnoreIndex),
        TaskKind.Normals => DenseLosses.NormalsL1(prediction, target, Config.IgnoreIndex),
        TaskKind.Depth => DenseLosses.DepthL1(prediction, target),
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "unknown task"),
    };
}
