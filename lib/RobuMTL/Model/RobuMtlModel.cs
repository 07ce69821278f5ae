using RobuMTL.Backbone;
using RobuMTL.Fusion;
using RobuMTL.Heads;
using RobuMTL.Selection;
using RobuMTL.Tasks;
using RobuMTL.Weather;
using TorchSharp;
using static TorchSharp.torch;

namespace RobuMTL.Model;

/// <summary>
/// The whole multi-task model of one <see cref="ModelVariant"/>: selector (DMLS) -> Top-K fusion weights (MEPF)
/// -> Swin backbone with LoRA experts -> task heads (one set, or expert squads for RobuMTL+). The submodule
/// names <c>backbone</c>, <c>heads</c>, <c>squads</c> and <c>selector</c> prefix the state-dict keys.
/// </summary>
public sealed class RobuMtlModel : nn.Module
{
    /// <summary>Swin with per-condition LoRA experts (or none, for the fine-tuned baseline).</summary>
    public readonly MultiTaskSwin backbone;

    /// <summary>Shared decoder heads; null for RobuMTL+.</summary>
    public readonly TaskHeadSet? heads;

    /// <summary>One head set per condition (RobuMTL+); null otherwise.</summary>
    public readonly ExpertSquads? squads;

    /// <summary>Condition classifier; null for variants that route nothing.</summary>
    public readonly WeatherSelector? selector;

    /// <summary>Builds every part of <paramref name="config"/> with fresh weights.</summary>
    public RobuMtlModel(RobuMtlModelConfig config) : base(nameof(RobuMtlModel))
    {
        config.Validate();
        Config = config;
        backbone = new MultiTaskSwin(config.Backbone);
        if (config.Variant == ModelVariant.RobuMtlPlus)
        {
            squads = new ExpertSquads(config.Heads, config.Backbone.Conditions);
        }
        else
        {
            heads = new TaskHeadSet(config.Heads);
        }

        if (config.Selector is not null)
        {
            selector = new WeatherSelector(config.Selector);
        }

        RegisterComponents();
    }

    /// <summary>The configuration the model was built from.</summary>
    public RobuMtlModelConfig Config { get; }

    /// <summary>Tasks predicted, in output order.</summary>
    public IReadOnlyList<TaskKind> Tasks => Config.Backbone.Tasks;

    /// <summary>Stops gradients to every weight; a phase then unfreezes what it trains.</summary>
    public void FreezeAll()
    {
        foreach (var parameter in parameters())
        {
            parameter.requires_grad = false;
        }
    }

    /// <summary>
    /// The parameters that currently require gradients, by state-dict name: the phase's trainable set.
    /// </summary>
    public IReadOnlyList<(string Name, TorchSharp.Modules.Parameter Parameter)> TrainableNamed() =>
        named_parameters().Where(p => p.parameter.requires_grad).Select(p => (p.name, p.parameter)).ToArray();

    /// <summary>State-dict names of the parameters of the expert of <paramref name="condition"/>.</summary>
    public IReadOnlySet<string> ExpertParameterNames(WeatherCondition condition)
    {
        var handles = backbone.Experts.Parameters(condition).Select(p => p.Handle).ToHashSet();
        return named_parameters().Where(p => handles.Contains(p.parameter.Handle)).Select(p => p.name).ToHashSet();
    }

    /// <summary>
    /// Predicts every task for <paramref name="images"/> (B, 3, H, W), ImageNet-normalised.
    /// <paramref name="conditions"/> (B,) int64 WeatherCondition values is needed for oracle routing only.
    /// </summary>
    /// <returns>Per task (B, O_t, H, W); the routing weights (B, E) when experts are routed.</returns>
    public ModelOutput forward(Tensor images, RoutingPolicy routing, Tensor? conditions = null)
    {
        var (height, width) = (images.shape[2], images.shape[3]);
        Tensor? logits = null;
        Tensor? weights = null;
        ExpertRouting expertRouting;
        switch (Config.Variant)
        {
            case ModelVariant.FineTunedMtl:
                expertRouting = ExpertRouting.BaseOnly;
                break;
            case ModelVariant.SharedLora:
                expertRouting = ExpertRouting.Single(0);
                break;
            default:
                (weights, logits) = RouteWeights(images, routing, conditions);
                expertRouting = routing.Mode == RoutingMode.Fixed
                    ? backbone.Experts.Route(routing.Expert!.Value)
                    : ExpertRouting.FromWeights(weights);
                break;
        }

        var stages = backbone.forward(images, expertRouting);
        var predictions = squads is not null
            ? squads.forward(stages, weights!, height, width)
            : heads!.forward(stages, height, width);
        return new ModelOutput(predictions, weights, logits);
    }

    /// <summary>
    /// The (B, E) expert weights of <paramref name="routing"/>: Top-K renormalised selector probabilities,
    /// one-hot true conditions, one-hot of the fixed expert, or 1/E for every expert; and the selector logits
    /// (B, E) when it ran.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Selector routing with K outside 1..E; the message names K, the experts and the valid range.
    /// </exception>
    public (Tensor Weights, Tensor? Logits) RouteWeights(Tensor images, RoutingPolicy routing, Tensor? conditions)
    {
        var batch = images.shape[0];
        var experts = Config.Backbone.Conditions;
        switch (routing.Mode)
        {
            case RoutingMode.Selector:
                if (selector is null)
                {
                    throw new InvalidOperationException($"{Config.Variant} has no selector to route with.");
                }

                if (routing.K < 1 || routing.K > experts.Count)
                {
                    throw new ArgumentException(
                        $"Routing '{routing}' keeps K = {routing.K} experts, but the model has {experts.Count} "
                        + $"([{string.Join(", ", experts)}]); choose K from 1 to {experts.Count}.",
                        nameof(routing));
                }

                var logits = selector.forward(images);                                   // (B, E)
                var fusion = new TopKExpertFusion(routing.K);
                using (no_grad())
                {
                    return (fusion.Weights(softmax(logits.detach(), 1)), logits);        // (B, E)
                }

            case RoutingMode.Oracle:
                if (conditions is null)
                {
                    throw new ArgumentException("Oracle routing needs the true conditions (B,) of the batch.");
                }

                return (OneHot(conditions, experts), null);
            case RoutingMode.Fixed:
                var expert = routing.Expert ?? throw new ArgumentException("Fixed routing needs an expert.");
                using (var index = full([batch], (long)expert, ScalarType.Int64))
                {
                    return (OneHot(index, experts).to(images.device), null);
                }

            case RoutingMode.Uniform:
                var shape = new long[] { batch, experts.Count };
                return (full(shape, 1.0 / experts.Count, ScalarType.Float32, images.device), null);    // (B, E)

            default:
                throw new ArgumentOutOfRangeException(nameof(routing), routing.Mode, "unknown routing mode");
        }
    }

    private static Tensor OneHot(Tensor conditions, IReadOnlyList<WeatherCondition> experts)
    {
        var values = conditions.cpu().data<long>().ToArray();
        var columns = new long[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var column = experts.ToList().IndexOf((WeatherCondition)values[i]);
            if (column < 0)
            {
                throw new ArgumentException(
                    $"Sample {i} has condition {(WeatherCondition)values[i]}, which has no expert; experts are "
                    + $"[{string.Join(", ", experts)}].");
            }

            columns[i] = column;
        }

        using var index = tensor(columns);
        return nn.functional.one_hot(index, experts.Count).to(ScalarType.Float32).to(conditions.device); // (B, E)
    }
}
