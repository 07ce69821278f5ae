using RobuMTL.Tasks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Adapters;

/// <summary>
/// One condition's adapters in one layer: a shared pair (<c>shared</c>) and, on task-specific layers, one pair
/// per task (<c>tasks.&lt;TaskKind&gt;</c>). A task stream through this layer gets the shared and its own update.
/// </summary>
public sealed class LoraExpert : nn.Module
{
    /// <summary>The task-agnostic pair.</summary>
    public readonly LoraFactors shared;

    /// <summary>The task-specific pairs keyed by <see cref="TaskKind"/> name (empty on shared-only layers).</summary>
    public readonly ModuleDict<LoraFactors> tasks;

    /// <summary>Builds fresh (no-op) adapters.</summary>
    public LoraExpert(int inFeatures, int outFeatures, LoraLayerPlan plan) : base(nameof(LoraExpert))
    {
        shared = new LoraFactors(inFeatures, outFeatures, plan.Rank);
        tasks = new ModuleDict<LoraFactors>();
        foreach (var task in plan.Tasks)
        {
            tasks.Add(task.ToString(), new LoraFactors(inFeatures, outFeatures, plan.TaskRank));
        }

        RegisterComponents();
    }

    /// <summary>The pair of <paramref name="task"/>, or null when this layer has none for it.</summary>
    public LoraFactors? TaskFactors(TaskKind task) =>
        tasks.TryGetValue(task.ToString(), out var factors) ? factors : null;
}
