using RobuMTL.Imaging;
using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Data;

/// <summary>
/// A collated batch on the CPU. Owns its tensors: dispose it, or create it inside a dispose scope.
/// Target layouts by task:
/// <list type="bullet">
/// <item>SemanticSegmentation, HumanParts: (B, H, W) int64 class ids, 255 = ignore.</item>
/// <item>Saliency, Edges: (B, 1, H, W) float32 in {0, 1}, 255 = ignore.</item>
/// <item>Normals: (B, 3, H, W) float32 unit vectors in camera space, (0, 0, 0) = invalid.</item>
/// <item>Depth: (B, 1, H, W) float32 metres, 0 = invalid.</item>
/// </list>
/// </summary>
public sealed class MultiTaskBatch : IDisposable
{
    private MultiTaskBatch(
        Tensor images,
        Dictionary<TaskKind, Tensor> targets,
        Tensor? conditions,
        Tensor? conditionWeights,
        IReadOnlyList<string> ids)
    {
        Images = images;
        Targets = targets;
        Conditions = conditions;
        ConditionWeights = conditionWeights;
        Ids = ids;
    }

    /// <summary>Images (B, 3, H, W) float32, ImageNet-normalised unless collated with normalize: false.</summary>
    public Tensor Images { get; }

    /// <summary>Targets keyed by task; layouts in the class summary.</summary>
    public Dictionary<TaskKind, Tensor> Targets { get; }

    /// <summary>
    /// Weather condition per sample (B,) int64 (the <see cref="Weather.WeatherCondition"/> value), the
    /// selector's training label; null unless every sample carries a condition.
    /// </summary>
    public Tensor? Conditions { get; }

    /// <summary>
    /// Each sample's share of every <see cref="Weather.WeatherCondition"/> (B, number of conditions) float32, the
    /// soft label of a mixture; null unless every sample carries <see cref="MultiTaskSample.ConditionWeights"/>.
    /// </summary>
    public Tensor? ConditionWeights { get; }

    /// <summary>Sample identifiers in batch order.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Batch size (B).</summary>
    public int Count => Ids.Count;

    /// <summary>
    /// Stacks samples of one size into tensors. <paramref name="tasks"/> selects the targets (default: the
    /// tasks every sample carries); asking for a task a sample lacks is an error.
    /// </summary>
    /// <param name="samples">Samples of one image size.</param>
    /// <param name="tasks">Targets to build; null takes those all samples share.</param>
    /// <param name="normalize">Apply <see cref="ImageNetNormalization"/> to the images.</param>
    /// <exception cref="ArgumentException">Empty input, mixed sizes, or a requested task missing.</exception>
    public static MultiTaskBatch Collate(
        IReadOnlyList<MultiTaskSample> samples, IReadOnlyCollection<TaskKind>? tasks = null, bool normalize = true)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("cannot collate an empty list of samples", nameof(samples));
        }

        var (width, height) = (samples[0].Width, samples[0].Height);
        foreach (var s in samples)
        {
            s.Validate();
            if (s.Width != width || s.Height != height)
            {
                throw new ArgumentException(
                    $"sample '{s.Id}' is {s.Width}x{s.Height}, expected {width}x{height} like "
                    + $"'{samples[0].Id}'; crop or resize before collating", nameof(samples));
            }
        }

        var wanted = tasks ?? Enum.GetValues<TaskKind>().Where(t => samples.All(s => s.Has(t))).ToArray();
        foreach (var task in wanted)
        {
            var lacking = samples.FirstOrDefault(s => !s.Has(task));
            if (lacking is not null)
            {
                throw new ArgumentException($"sample '{lacking.Id}' has no {task} label", nameof(tasks));
            }
        }

        using var scope = NewDisposeScope();
        var images = RgbImage.ToBatchTensor(samples.Select(s => s.Image).ToArray()); // (B, 3, H, W)
        if (normalize)
        {
            images = ImageNetNormalization.Normalize(images);
        }

        var targets = new Dictionary<TaskKind, Tensor>();
        foreach (var task in wanted)
        {
            targets[task] = StackTarget(samples, task, height, width).MoveToOuterDisposeScope();
        }

        Tensor? conditions = null;
        if (samples.All(s => s.Condition is not null))
        {
            var labels = samples.Select(s => (long)s.Condition!.Value).ToArray();
            conditions = tensor(labels, [samples.Count]).MoveToOuterDisposeScope(); // (B,)
        }

        Tensor? weights = null;
        if (samples.All(s => s.ConditionWeights is not null))
        {
            var length = samples[0].ConditionWeights!.Length;
            var mismatched = samples.FirstOrDefault(s => s.ConditionWeights!.Length != length);
            if (mismatched is not null)
            {
                throw new ArgumentException(
                    $"sample '{mismatched.Id}' has {mismatched.ConditionWeights!.Length} condition weights, expected "
                    + $"{length} like '{samples[0].Id}'", nameof(samples));
            }

            var flat = samples.SelectMany(s => s.ConditionWeights!).ToArray();
            weights = tensor(flat, [samples.Count, length]).MoveToOuterDisposeScope(); // (B, number of conditions)
        }

        return new MultiTaskBatch(
            images.MoveToOuterDisposeScope(), targets, conditions, weights, samples.Select(s => s.Id).ToArray());
    }

    /// <summary>Moves every tensor to <paramref name="device"/>, returning a new batch (this one is kept).</summary>
    public MultiTaskBatch To(Device device) => new(
        Images.to(device),
        Targets.ToDictionary(kv => kv.Key, kv => kv.Value.to(device)),
        Conditions?.to(device),
        ConditionWeights?.to(device),
        Ids);

    /// <inheritdoc />
    public void Dispose()
    {
        Images.Dispose();
        foreach (var t in Targets.Values)
        {
            t.Dispose();
        }

        Conditions?.Dispose();
        ConditionWeights?.Dispose();
    }

    private static Tensor StackTarget(IReadOnlyList<MultiTaskSample> samples, TaskKind task, int height, int width)
    {
        var n = samples.Count;
        var plane = height * width;
        switch (task)
        {
            case TaskKind.SemanticSegmentation or TaskKind.HumanParts:
                {
                    var data = new long[n * plane];
                    Func<MultiTaskSample, byte[]> pick = task == TaskKind.SemanticSegmentation
                        ? s => s.Semantic!
                        : s => s.HumanParts!;
                    for (var i = 0; i < n; i++)
                    {
                        var src = pick(samples[i]);
                        for (var p = 0; p < plane; p++)
                        {
                            data[(i * plane) + p] = src[p];
                        }
                    }

                    return tensor(data, [n, height, width]); // (B, H, W)
                }

            case TaskKind.Saliency or TaskKind.Edges:
                {
                    var data = new float[n * plane];
                    Func<MultiTaskSample, byte[]> pick = task == TaskKind.Saliency ? s => s.Saliency! : s => s.Edges!;
                    for (var i = 0; i < n; i++)
                    {
                        var src = pick(samples[i]);
                        for (var p = 0; p < plane; p++)
                        {
                            data[(i * plane) + p] = src[p];
                        }
                    }

                    return tensor(data, [n, 1, height, width]); // (B, 1, H, W)
                }

            case TaskKind.Depth:
                {
                    var data = new float[n * plane];
                    for (var i = 0; i < n; i++)
                    {
                        samples[i].Depth!.CopyTo(data, i * plane);
                    }

                    return tensor(data, [n, 1, height, width]); // (B, 1, H, W)
                }

            case TaskKind.Normals:
                {
                    var data = new float[n * plane * 3];
                    for (var i = 0; i < n; i++)
                    {
                        samples[i].Normals!.CopyTo(data, i * plane * 3);
                    }

                    using var bhwc = tensor(data, [n, height, width, 3]);
                    return bhwc.permute(0, 3, 1, 2).contiguous(); // (B, 3, H, W)
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(task), task, "unknown task");
        }
    }
}
