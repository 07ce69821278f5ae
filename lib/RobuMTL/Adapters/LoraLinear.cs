using RobuMTL.Fusion;
using RobuMTL.Tasks;
using RobuMTL.Weather;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Adapters;

/// <summary>
/// A frozen linear (<c>weight</c>, <c>bias</c>: the checkpoint's keys) with one LoRA expert per condition
/// (<c>experts.&lt;WeatherCondition&gt;</c>). The output is
/// <c>W x + b + sum_e w_be * (s * B_e A_e + s_t * Bt_e At_e) drop(x)</c>, where the task term exists only for
/// a task stream on a task-specific layer and only experts with non-zero weight in the batch are computed.
/// </summary>
public sealed class LoraLinear : nn.Module
{
    /// <summary>Base weight (out, in), frozen unless the backbone is fully fine-tuned.</summary>
    public readonly Parameter weight;

    /// <summary>Base bias (out), or null for a bias-free layer.</summary>
    public readonly Parameter? bias;

    /// <summary>The experts keyed by <see cref="WeatherCondition"/> name, in bank order.</summary>
    public readonly ModuleDict<LoraExpert> experts;

    private readonly LoraExpert[] order;
    private readonly LoraLayerPlan plan;
    private double[]? mergedWeights;

    /// <summary>
    /// Builds the base linear (normal std 0.02, zero bias: torchvision truncates at +-2, which never binds at this
    /// std; TorchSharp 0.107's trunc_normal_ filled constants here) and fresh experts.
    /// </summary>
    public LoraLinear(int inFeatures, int outFeatures, bool hasBias, LoraLayerPlan plan) : base(nameof(LoraLinear))
    {
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        this.plan = plan;
        weight = new Parameter(empty(outFeatures, inFeatures));
        bias = hasBias ? new Parameter(zeros(outFeatures)) : null;
        using (no_grad())
        {
            weight.normal_(0, 0.02);
        }

        experts = new ModuleDict<LoraExpert>();
        order = plan.Experts.Select(_ => new LoraExpert(inFeatures, outFeatures, plan)).ToArray();
        for (var e = 0; e < order.Length; e++)
        {
            experts.Add(plan.Experts[e].ToString(), order[e]);
        }

        RegisterComponents();
    }

    /// <summary>Input features.</summary>
    public int InFeatures { get; }

    /// <summary>Output features.</summary>
    public int OutFeatures { get; }

    /// <summary>Number of experts E.</summary>
    public int ExpertCount => order.Length;

    /// <summary>Tasks with a task-specific adapter in this layer.</summary>
    public IReadOnlyList<TaskKind> AdaptedTasks => plan.Tasks;

    /// <summary>True while a combination of experts is merged into <see cref="weight"/>.</summary>
    public bool IsMerged => mergedWeights is not null;

    /// <summary>The expert at <paramref name="index"/> in bank order.</summary>
    public LoraExpert Expert(int index) => order[CheckExpert(index)];

    /// <summary>
    /// Applies the layer to x (B * k, ..., in) whose first dimension holds the k rows of sample b at
    /// <c>[b * k, (b + 1) * k)</c> (windows of one image stay together). While merged, the shared
    /// updates are in the weight and the routing is not used.
    /// </summary>
    /// <returns>(B * k, ..., out).</returns>
    public Tensor forward(Tensor x, ExpertRouting routing, TaskKind? task = null)
    {
        var y = nn.functional.linear(x, weight, bias);
        if (mergedWeights is not null)
        {
            return AddMergedTaskUpdate(x, y, task);
        }

        if (routing.IsBaseOnly || order.Length == 0)
        {
            return y;
        }

        var delta = Delta(x, routing, task); // (B, L, out) with batched routing, else like y
        return y + delta.view(y.shape); // (B * k, ..., out)
    }

    /// <summary>The trainable tensors of expert <paramref name="index"/> (shared and task-specific pairs).</summary>
    public IEnumerable<Parameter> ExpertParameters(int index) => Expert(index).parameters();

    /// <summary>
    /// Adds <c>s * sum_e w_e B_e A_e</c> to <see cref="weight"/> for fast inference with one batch-shared
    /// combination (<paramref name="expertWeights"/> has one entry per expert). Task-specific updates cannot
    /// share one weight across task streams, so they stay as adapters with the same combination.
    /// </summary>
    /// <remarks>
    /// Known limitation: only the shared adapters are merged; on the task-specific layers (proj, fc1, fc2 of each
    /// stage's last block) the task pairs of every expert with a non-zero weight still run live, so merged
    /// inference there costs one low-rank product per task and expert.
    /// </remarks>
    public void Merge(IReadOnlyList<double> expertWeights)
    {
        if (mergedWeights is not null)
        {
            throw new InvalidOperationException("LoraLinear.Merge: already merged; call Unmerge first.");
        }

        if (expertWeights.Count != order.Length)
        {
            throw new ArgumentException(
                $"LoraLinear.Merge: {expertWeights.Count} weights for {order.Length} experts.", nameof(expertWeights));
        }

        using (no_grad())
        {
            using var delta = MergedDelta(expertWeights);
            weight.add_(delta);
        }

        mergedWeights = expertWeights.ToArray();
    }

    /// <summary>Subtracts the merged update again (restores the base weight up to float rounding).</summary>
    public void Unmerge()
    {
        if (mergedWeights is null)
        {
            throw new InvalidOperationException("LoraLinear.Unmerge: nothing is merged.");
        }

        using (no_grad())
        {
            using var delta = MergedDelta(mergedWeights);
            weight.sub_(delta);
        }

        mergedWeights = null;
    }

    private Tensor Delta(Tensor x, ExpertRouting routing, TaskKind? task)
    {
        var dropped = training && plan.Dropout > 0 ? nn.functional.dropout(x, plan.Dropout, training: true) : x;
        var rows = routing.BatchSize is int batch
            ? dropped.reshape(batch, -1, InFeatures) // (B, L, in)
            : dropped;
        if (routing.Slices.Count > 1 && routing.Slices.All(slice => slice.Samples is null))
        {
            return DenseDelta(rows, routing.Slices, task);
        }

        Tensor? delta = null;
        foreach (var slice in routing.Slices)
        {
            var expert = Expert(slice.Expert);
            var served = slice.Samples is null ? rows : rows.index_select(0, slice.Samples); // (n, L, in)
            var update = ExpertUpdate(expert, served, task); // (n, L, out)
            if (slice.Weights is not null)
            {
                update = update * slice.Weights.view(-1, 1, 1); // (n, L, out)
            }

            if (slice.Samples is null)
            {
                delta = delta is null ? update : delta + update;
                continue;
            }

            delta ??= zeros(rows.shape[0], rows.shape[1], OutFeatures, dtype: update.dtype, device: update.device);
            delta = delta.index_add(0, slice.Samples, update, 1); // (B, L, out)
        }

        return delta!;
    }

    /// <summary>
    /// The update of several experts that all serve every sample (Top-K fusion, uniform weights) as two products
    /// over the experts' stacked factors instead of two per expert: each expert's rank block of
    /// <c>[A_1; ...; A_S] x</c> is scaled by its per-sample weight before <c>[B_1 ... B_S]</c>. Same sum, far fewer
    /// passes over the (B, L, out) activations, which dominate the cost at small ranks.
    /// </summary>
    /// <param name="rows">(B, L, in).</param>
    /// <param name="slices">Two or more experts, each serving every sample (weight (B), or null for 1).</param>
    /// <param name="task">The task stream, for the task-specific pairs; null for the shared stream.</param>
    /// <returns>(B, L, out).</returns>
    private Tensor DenseDelta(Tensor rows, IReadOnlyList<ExpertSlice> slices, TaskKind? task)
    {
        var (batch, tokens, count) = (rows.shape[0], rows.shape[1], (long)slices.Count);
        var experts = slices.Select(slice => Expert(slice.Expert)).ToArray();
        var down = cat(experts.Select(e => (Tensor)e.shared.A).ToArray(), 0); // (S * r, in)
        var up = cat(experts.Select(e => (Tensor)e.shared.B).ToArray(), 1); // (out, S * r)
        var weights = stack(
            slices.Select(slice => slice.Weights ?? ones(batch, dtype: rows.dtype, device: rows.device)).ToArray(),
            1); // (B, S)
        var hidden = nn.functional.linear(rows, down).view(batch, tokens, count, plan.Rank); // (B, L, S, r)
        hidden = hidden * (weights * plan.Scale).view(batch, 1, count, 1);
        var delta = nn.functional.linear(hidden.view(batch, tokens, count * plan.Rank), up); // (B, L, out)
        for (var s = 0; s < experts.Length; s++)
        {
            if (TaskUpdate(experts[s], rows, task) is { } update)
            {
                delta = delta + (update * weights.select(1, s).view(-1, 1, 1));
            }
        }

        return delta;
    }

    private Tensor ExpertUpdate(LoraExpert expert, Tensor x, TaskKind? task)
    {
        var update = expert.shared.Apply(x) * plan.Scale;
        return TaskUpdate(expert, x, task) is { } taskUpdate ? update + taskUpdate : update;
    }

    /// <summary>
    /// <c>s_t * Bt At x</c> of <paramref name="expert"/>'s pair for <paramref name="task"/>; null for the shared
    /// stream or where this layer has no pair for the task.
    /// </summary>
    private Tensor? TaskUpdate(LoraExpert expert, Tensor x, TaskKind? task) =>
        task is TaskKind t && expert.TaskFactors(t) is { } factors ? factors.Apply(x) * plan.TaskScale : null;

    private Tensor AddMergedTaskUpdate(Tensor x, Tensor y, TaskKind? task)
    {
        if (task is null || plan.Tasks.Count == 0)
        {
            return y;
        }

        var dropped = training && plan.Dropout > 0 ? nn.functional.dropout(x, plan.Dropout, training: true) : x;
        for (var e = 0; e < order.Length; e++)
        {
            if (mergedWeights![e] != 0 && TaskUpdate(order[e], dropped, task) is { } update)
            {
                y = y + (update * mergedWeights[e]);
            }
        }

        return y;
    }

    private Tensor MergedDelta(IReadOnlyList<double> expertWeights)
    {
        var delta = zeros_like(weight);
        for (var e = 0; e < order.Length; e++)
        {
            if (expertWeights[e] != 0)
            {
                using var product = order[e].shared.Product(); // (out, in)
                delta.add_(product, alpha: plan.Scale * expertWeights[e]);
            }
        }

        return delta;
    }

    private int CheckExpert(int index)
    {
        if (index < 0 || index >= order.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(index), index,
                $"expert {index} does not exist; this layer has {order.Length} experts "
                + $"[{string.Join(", ", plan.Experts)}].");
        }

        return index;
    }
}
