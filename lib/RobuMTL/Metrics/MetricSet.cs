using RobuMTL.Heads;
using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Metrics;

/// <summary>One meter per task; feeds each batch's output and target dictionaries to the matching meter.</summary>
public sealed class MetricSet
{
    private readonly Dictionary<TaskKind, ITaskMeter> meters;

    /// <summary>Wraps the given meters, at most one per task.</summary>
    public MetricSet(IEnumerable<ITaskMeter> meters)
    {
        this.meters = [];
        foreach (var meter in meters)
        {
            if (!this.meters.TryAdd(meter.Task, meter))
            {
                throw new ArgumentException($"MetricSet got two meters for {meter.Task}.", nameof(meters));
            }
        }
    }

    /// <summary>The default meter for each task (edges at threshold 0.5).</summary>
    public static MetricSet For(IEnumerable<TaskKind> tasks, int semanticClasses, int ignoreIndex = 255) =>
        new(tasks.Select(task => task switch
        {
            TaskKind.SemanticSegmentation => (ITaskMeter)new SegmentationMeter(task, semanticClasses, ignoreIndex),
            TaskKind.HumanParts => new SegmentationMeter(task, TaskHeadSetConfig.HumanPartClasses, ignoreIndex),
            TaskKind.Saliency => new SaliencyMeter(ignoreIndex),
            TaskKind.Normals => new NormalsMeter(ignoreIndex),
            TaskKind.Edges => new EdgeMeter(0.5, ignoreIndex),
            TaskKind.Depth => new DepthMeter(),
            _ => throw new ArgumentOutOfRangeException(nameof(tasks), task, "unknown task"),
        }));

    /// <summary>The tasks measured.</summary>
    public IReadOnlyCollection<TaskKind> Tasks => meters.Keys;

    /// <summary>
    /// Adds a batch: <paramref name="predictions"/> as the heads return them and <paramref name="targets"/> as
    /// the loss takes them; both must hold every measured task.
    /// </summary>
    public void Update(IReadOnlyDictionary<TaskKind, Tensor> predictions, IReadOnlyDictionary<TaskKind, Tensor> targets)
    {
        foreach (var (task, meter) in meters)
        {
            if (!predictions.TryGetValue(task, out var prediction) || !targets.TryGetValue(task, out var target))
            {
                throw new ArgumentException(
                    $"MetricSet measures {task} but the batch lacks its " +
                    $"{(predictions.ContainsKey(task) ? "target" : "prediction")}.");
            }

            meter.Update(prediction, target);
        }
    }

    /// <summary>Each task's metrics over everything added.</summary>
    public IReadOnlyDictionary<TaskKind, TaskMetrics> Compute() =>
        meters.ToDictionary(kv => kv.Key, kv => kv.Value.Compute());

    /// <summary>Forgets everything added.</summary>
    public void Reset()
    {
        foreach (var meter in meters.Values)
        {
            meter.Reset();
        }
    }
}
