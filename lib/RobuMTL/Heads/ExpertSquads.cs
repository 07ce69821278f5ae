using RobuMTL.Tasks;
using RobuMTL.Weather;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Heads;

/// <summary>
/// RobuMTL+'s expert squads: one <see cref="TaskHeadSet"/> per weather condition. The outputs are mixed per sample
/// with routing weights (B, E) (e.g. the Top-K fused selector probabilities); a squad runs only on the samples
/// that give it a non-zero weight, so one-hot routing costs one head set per sample.
/// </summary>
public sealed class ExpertSquads : nn.Module
{
    private readonly ModuleDict<TaskHeadSet> squads;

    /// <summary>Builds one head set per condition, in <paramref name="conditions"/> order (the E axis).</summary>
    public ExpertSquads(TaskHeadSetConfig config, IReadOnlyList<WeatherCondition> conditions)
        : base(nameof(ExpertSquads))
    {
        if (conditions.Count == 0 || conditions.Distinct().Count() != conditions.Count)
        {
            throw new ArgumentException(
                $"ExpertSquads needs distinct conditions, got [{string.Join(", ", conditions)}].",
                nameof(conditions));
        }

        Config = config;
        Conditions = conditions.ToArray();
        squads = nn.ModuleDict(conditions.Select(c => (c.ToString(), new TaskHeadSet(config))).ToArray());
        RegisterComponents();
    }

    /// <summary>Configuration shared by all squads.</summary>
    public TaskHeadSetConfig Config { get; }

    /// <summary>The conditions, in routing-weight order.</summary>
    public IReadOnlyList<WeatherCondition> Conditions { get; }

    /// <summary>The squad of <paramref name="condition"/>.</summary>
    public TaskHeadSet this[WeatherCondition condition] => squads[condition.ToString()];

    /// <summary>
    /// Mixes the squads: output_t[b] = sum_e weights[b, e] * squad_e(stages)_t[b]. Stage maps are
    /// (B, C_i, H_i, W_i) per task, <paramref name="weights"/> is (B, E); each output is (B, O_t, height, width).
    /// A sample whose weights are all zero gets a zero output.
    /// </summary>
    public Dictionary<TaskKind, Tensor> forward(
        IReadOnlyDictionary<TaskKind, Tensor[]> stages, Tensor weights, long height, long width)
    {
        var batch = stages.Values.First()[0].shape[0];
        if (weights.dim() != 2 || weights.shape[0] != batch || weights.shape[1] != Conditions.Count)
        {
            throw new ArgumentException(
                $"ExpertSquads expects routing weights shaped ({batch}, {Conditions.Count}), got " +
                $"({string.Join(", ", weights.shape)}).", nameof(weights));
        }

        using var scope = NewDisposeScope();
        var reference = stages.Values.First()[0];
        var outputs = Config.Tasks.ToDictionary(
            t => t,
            t => zeros([batch, Config.OutputChannels(t), height, width], reference.dtype, reference.device));

        var used = weights.ne(0).cpu();                                 // (B, E)
        for (var e = 0; e < Conditions.Count; e++)
        {
            var samples = used[.., e].nonzero().flatten();               // (B_e)
            var count = samples.shape[0];
            if (count == 0)
            {
                continue;
            }

            var all = count == batch;
            var index = samples.to(reference.device);
            IReadOnlyDictionary<TaskKind, Tensor[]> subset = all ? stages : stages.ToDictionary(
                kv => kv.Key, kv => kv.Value.Select(s => s.index_select(0, index)).ToArray());
            var squadOut = this[Conditions[e]].forward(subset, height, width);
            var gate = weights[.., e].index_select(0, index).view(-1, 1, 1, 1); // (B_e, 1, 1, 1)
            foreach (var task in Config.Tasks)
            {
                var weighted = squadOut[task] * gate;                   // (B_e, O_t, H, W)
                outputs[task] = all ? outputs[task] + weighted : outputs[task].index_add(0, index, weighted, 1);
            }
        }

        foreach (var output in outputs.Values)
        {
            output.MoveToOuterDisposeScope();
        }

        return outputs;
    }
}
