using RobuMTL.Adapters;
using RobuMTL.Fusion;
using RobuMTL.Tasks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Backbone;

/// <summary>
/// One pre-norm Swin block: <c>x + drop(attn(norm1(x)))</c>, then <c>x + drop(mlp(norm2(x)))</c>. The last block
/// of a stage can also produce one feature stream per task (MTLoRA's task-specific adapters on proj, fc1, fc2).
/// </summary>
public sealed class SwinBlock : nn.Module
{
    /// <summary>LayerNorm before attention.</summary>
    public readonly LayerNorm norm1;

    /// <summary>(Shifted) window attention.</summary>
    public readonly ShiftedWindowAttention attn;

    /// <summary>LayerNorm before the MLP.</summary>
    public readonly LayerNorm norm2;

    /// <summary>The MLP (<c>mlp.0</c>, <c>mlp.3</c>).</summary>
    public readonly SwinMlp mlp;

    private readonly double dropPath;

    /// <summary>
    /// Builds a block; <paramref name="sharedPlan"/> adapts qkv, <paramref name="taskPlan"/> proj, fc1 and fc2.
    /// </summary>
    public SwinBlock(
        int dim, int heads, int window, int shift, double mlpRatio, double dropPath,
        LoraLayerPlan sharedPlan, LoraLayerPlan taskPlan)
        : base(nameof(SwinBlock))
    {
        this.dropPath = dropPath;
        norm1 = nn.LayerNorm(dim, eps: 1e-5);
        attn = new ShiftedWindowAttention(dim, heads, window, shift, sharedPlan, taskPlan);
        norm2 = nn.LayerNorm(dim, eps: 1e-5);
        mlp = new SwinMlp(dim, (int)(dim * mlpRatio), taskPlan, taskPlan);
        Tasks = taskPlan.Tasks;
        RegisterComponents();
    }

    /// <summary>Tasks that get their own stream from this block (empty for an ordinary block).</summary>
    public IReadOnlyList<TaskKind> Tasks { get; }

    /// <summary>Transforms a channels-last map (B, H, W, C).</summary>
    /// <returns>(B, H, W, C).</returns>
    public Tensor forward(Tensor x, ExpertRouting routing)
    {
        x = x + StochasticDepth.Apply(attn.forward(norm1.call(x), routing), dropPath, training);
        return x + StochasticDepth.Apply(mlp.forward(norm2.call(x), routing), dropPath, training);
    }

    /// <summary>The shared stream and one stream per task of <see cref="Tasks"/>.</summary>
    /// <returns>Shared (B, H, W, C) and one (B, H, W, C) per task.</returns>
    public (Tensor Shared, Dictionary<TaskKind, Tensor> Tasks) ForwardTasks(Tensor x, ExpertRouting routing)
    {
        var (attended, attendedPerTask) = attn.Forward(norm1.call(x), routing, Tasks);
        var shared = x + StochasticDepth.Apply(attended, dropPath, training);
        shared = shared + StochasticDepth.Apply(mlp.forward(norm2.call(shared), routing), dropPath, training);

        var perTask = new Dictionary<TaskKind, Tensor>();
        foreach (var (task, taskAttended) in attendedPerTask)
        {
            var stream = x + StochasticDepth.Apply(taskAttended, dropPath, training);
            var refined = mlp.forward(norm2.call(stream), routing, task);
            perTask[task] = stream + StochasticDepth.Apply(refined, dropPath, training);
        }

        return (shared, perTask);
    }
}
