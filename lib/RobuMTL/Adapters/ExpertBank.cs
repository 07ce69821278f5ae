using RobuMTL.Fusion;
using RobuMTL.Weather;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Adapters;

/// <summary>
/// The experts of a model, one per condition, addressed by condition. An expert is the set of its shared and
/// task-specific pairs in every adapted layer. Training phases go through <see cref="ActivateForTraining"/>,
/// which leaves exactly one expert trainable.
/// </summary>
public sealed class ExpertBank
{
    private readonly IReadOnlyList<LoraLinear> layers;
    private readonly nn.Module model;

    /// <summary>
    /// Collects the experts of <paramref name="layers"/>; <paramref name="model"/> owns every parameter.
    /// </summary>
    public ExpertBank(nn.Module model, IReadOnlyList<WeatherCondition> conditions, IReadOnlyList<LoraLinear> layers)
    {
        this.model = model;
        this.layers = layers;
        Conditions = conditions;
    }

    /// <summary>The conditions with an expert, in expert order (the routing weights' columns).</summary>
    public IReadOnlyList<WeatherCondition> Conditions { get; }

    /// <summary>Number of experts E.</summary>
    public int Count => Conditions.Count;

    /// <summary>Every adapted layer, in module order.</summary>
    public IReadOnlyList<LoraLinear> Layers => layers;

    /// <summary>The expert index of <paramref name="condition"/>.</summary>
    public int IndexOf(WeatherCondition condition) => ExpertIndex.Of(Conditions, condition, nameof(ExpertBank));

    /// <summary>Routes every sample to the expert of <paramref name="condition"/>.</summary>
    public ExpertRouting Route(WeatherCondition condition) => ExpertRouting.Single(IndexOf(condition));

    /// <summary>Every tensor of the expert of <paramref name="condition"/> across all layers.</summary>
    public IEnumerable<Parameter> Parameters(WeatherCondition condition)
    {
        var index = IndexOf(condition);
        return layers.SelectMany(layer => layer.ExpertParameters(index));
    }

    /// <summary>
    /// The tensors of <see cref="Parameters"/> with names that do not depend on the expert's position in the bank:
    /// <c>&lt;layer index&gt;.shared.A</c>, <c>&lt;layer index&gt;.tasks.Depth.B</c>, ... in the same order.
    /// </summary>
    public IEnumerable<(string Name, Parameter Parameter)> NamedParameters(WeatherCondition condition)
    {
        var index = IndexOf(condition);
        return layers.SelectMany((layer, i) => layer.Expert(index).named_parameters()
            .Select(p => ($"{i}.{p.name}", p.parameter)));
    }

    /// <summary>Number of scalars in the expert of <paramref name="condition"/>.</summary>
    public long ParameterCount(WeatherCondition condition) => Parameters(condition).Sum(p => p.numel());

    /// <summary>
    /// Freezes the whole model (base and every expert) and unfreezes the expert of <paramref name="condition"/>,
    /// so only it receives gradients.
    /// </summary>
    public void ActivateForTraining(WeatherCondition condition)
    {
        var active = Parameters(condition).ToList();
        foreach (var parameter in model.parameters())
        {
            parameter.requires_grad = false;
        }

        foreach (var parameter in active)
        {
            parameter.requires_grad = true;
        }
    }

    /// <summary>
    /// Copies the expert of <paramref name="source"/> into <paramref name="target"/> (for example the clean
    /// warmup into every condition's expert before its own training).
    /// </summary>
    public void CopyExpert(WeatherCondition source, WeatherCondition target)
    {
        var from = Parameters(source).ToList();
        var to = Parameters(target).ToList();
        using (no_grad())
        {
            for (var i = 0; i < from.Count; i++)
            {
                to[i].copy_(from[i]);
            }
        }
    }
}
