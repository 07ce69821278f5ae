using System.Diagnostics;
using RobuMTL.Data;
using RobuMTL.Evaluation;
using RobuMTL.Figures;
using RobuMTL.Metrics;
using RobuMTL.Model;
using RobuMTL.Tasks;
using RobuMTL.Weather;
using static TorchSharp.torch;

namespace RobuMTL.Workbook;

/// <summary>
/// The evaluation harness: every method under every scenario (clean, each condition at each severity, mixed
/// pairs and triples, spatial mixtures, a continuous severity sweep) for every task, as long-format
/// <see cref="EvaluationRecord"/>s with delta_m against a baseline method and the selector's accuracy.
/// Each scenario's degraded images are made once and shared by all methods.
/// </summary>
public sealed class WorkbookEvaluation
{
    private readonly WorkbookSession session;

    /// <summary>Creates the harness of one run.</summary>
    public WorkbookEvaluation(WorkbookSession session) => this.session = session;

    /// <summary>
    /// The standard grid of a profile: clean; every weather expert's condition at the profile's severities;
    /// mixed pairs, triples and all five at level 3; two spatial mixtures; a strength sweep of fog, noise and
    /// blur at the midpoints between levels, strengths 0.125, 0.375, 0.625, 0.875 (the smoke profile keeps one
    /// example of each kind, two sweep points).
    /// </summary>
    public static IReadOnlyList<EvaluationScenario> StandardScenarios(Core.RunProfile profile)
    {
        var weather = WorkbookTraining.WeatherExperts;
        var smoke = profile.Kind == Core.ProfileKind.Smoke;
        var scenarios = new List<EvaluationScenario> { EvaluationScenario.Clean };
        scenarios.AddRange(
            from condition in weather
            from level in profile.EvalSeverities
            select EvaluationScenario.Single(condition, level));
        WeatherCondition[][] mixes = smoke
            ? [[WeatherCondition.Rain, WeatherCondition.Fog]]
            :
            [
                [WeatherCondition.Rain, WeatherCondition.Fog], [WeatherCondition.Snow, WeatherCondition.Noise],
                [WeatherCondition.Fog, WeatherCondition.Blur], [WeatherCondition.Rain, WeatherCondition.Fog,
                WeatherCondition.Noise], [WeatherCondition.Snow, WeatherCondition.Fog, WeatherCondition.Blur],
                [.. weather],
            ];
        scenarios.AddRange(mixes.Select(m => EvaluationScenario.Mixed(3, m)));
        scenarios.Add(EvaluationScenario.Spatial(3, WeatherCondition.Rain, WeatherCondition.Fog));
        if (!smoke)
        {
            scenarios.Add(EvaluationScenario.Spatial(
                3, WeatherCondition.Snow, WeatherCondition.Noise, WeatherCondition.Blur));
        }

        WeatherCondition[] swept = smoke ? [WeatherCondition.Fog] : [WeatherCondition.Fog, WeatherCondition.Noise,
            WeatherCondition.Blur];
        // The midpoints between the ImageNet-C levels (level L is (L - 1) / 4): the sweep measures the interpolated
        // effects, not the single-condition grid again; clean images are the grid's Clean scenario.
        double[] strengths = smoke ? [0.125, 0.875] : [0.125, 0.375, 0.625, 0.875];
        scenarios.AddRange(from c in swept from s in strengths select EvaluationScenario.Sweep(c, s));
        return scenarios;
    }

    /// <summary>The method every standard grid measures delta_m against: standard MTL on clean images.</summary>
    public const string StandardBaseline = "MTL (clean)";

    /// <summary>
    /// The compared methods of notebook 07 and the <c>evaluate</c> verb, from the completed phases of
    /// <paramref name="training"/>: the baselines "MTL (clean)", "MTL (mixed weather)", "Shared LoRA"; "RobuMTL
    /// top-1", "RobuMTL top-6", "RobuMTL oracle", "RobuMTL+ top-1", "RobuMTL+ top-6"; and the ablation rungs named
    /// after <see cref="AblationStep"/>: the clean expert alone, all experts weighted uniformly (our reading
    /// of "+ other experts"), the selector's top-1, Top-K fusion over every expert, and RobuMTL+ with that fusion,
    /// each evaluated under the single perturbations only (where the ladder is read; the rungs that repeat a main
    /// method cost nothing, the other two would otherwise run on every scenario). Methods share models: dispose the
    /// distinct <see cref="EvaluatedMethod.Model"/>s when done.
    /// </summary>
    /// <exception cref="InvalidOperationException">A phase has not completed; the message names it.</exception>
    public static IReadOnlyList<EvaluatedMethod> StandardMethods(WorkbookTraining training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var clean = training.LoadModel(WorkbookPhase.CleanMtl);
        var mixed = training.LoadModel(WorkbookPhase.MixedMtl);
        var shared = training.LoadModel(WorkbookPhase.SharedLora);
        var robu = training.Assemble(ModelVariant.RobuMtl);
        var plus = training.Assemble(ModelVariant.RobuMtlPlus);
        var all = RoutingPolicy.TopK(robu.Config.Backbone.Conditions.Count);
        const ScenarioKind Single = ScenarioKind.Single;
        return
        [
            new(StandardBaseline, clean, RoutingPolicy.Top1),
            new("MTL (mixed weather)", mixed, RoutingPolicy.Top1),
            new("Shared LoRA", shared, RoutingPolicy.Top1),
            new("RobuMTL top-1", robu, RoutingPolicy.Top1),
            new($"RobuMTL top-{all.K}", robu, all),
            new("RobuMTL oracle", robu, RoutingPolicy.Oracle),
            new("RobuMTL+ top-1", plus, RoutingPolicy.Top1),
            new($"RobuMTL+ top-{all.K}", plus, all),
            new(nameof(AblationStep.CleanExpertOnly), robu, RoutingPolicy.Fixed(WeatherCondition.Clean), Single),
            new(nameof(AblationStep.PlusOtherExperts), robu, RoutingPolicy.Uniform, Single),
            new(nameof(AblationStep.PlusSelector), robu, RoutingPolicy.Top1, Single),
            new(nameof(AblationStep.PlusFusion), robu, all, Single),
            new(nameof(AblationStep.PlusExpertSquads), plus, all, Single),
        ];
    }

    /// <summary>
    /// Degrades the evaluation split once for <paramref name="scenario"/> (seeded per scenario, so every method
    /// sees the same pixels) and collates it into batches, kept on the CPU until disposed.
    /// </summary>
    public PreparedScenario Prepare(EvaluationScenario scenario, IMultiTaskDataset? split = null)
    {
        split ??= session.Validation;
        var transform = scenario.Recipe is null
            ? WeatherSampleTransform.Clean
            : WeatherSampleTransform.Fixed(scenario.Recipe);
        var loader = session.Loader(split, transform, training: false, StableStream(scenario));
        var batches = new List<MultiTaskBatch>();
        using (var scope = NewDisposeScope())
        {
            foreach (var batch in loader.Epoch(0))
            {
                batches.Add(batch);
            }

            foreach (var batch in batches)
            {
                batch.Images.MoveToOuterDisposeScope();
                batch.Conditions?.MoveToOuterDisposeScope();
                batch.ConditionWeights?.MoveToOuterDisposeScope();
                foreach (var target in batch.Targets.Values)
                {
                    target.MoveToOuterDisposeScope();
                }
            }
        }

        return new PreparedScenario(scenario, batches);
    }

    /// <summary>
    /// Runs <paramref name="model"/> over a prepared scenario in eval mode without gradients and returns each
    /// task's metrics, the selector's accuracy against the primary condition (routed models), and the time per
    /// image in milliseconds.
    /// </summary>
    public ScenarioResult Evaluate(RobuMtlModel model, RoutingPolicy routing, PreparedScenario data)
    {
        model.eval();
        var metrics = MetricSet.For(model.Tasks, session.Info.SemanticClasses);
        var (correct, seen) = (0L, 0L);
        var watch = new Stopwatch();
        var primary = (long)data.Scenario.Primary;
        using var noGrad = no_grad();
        foreach (var batch in data.Batches)
        {
            using var scope = NewDisposeScope();
            var images = batch.Images.to(session.Device);
            using var truth = full([batch.Count], primary, ScalarType.Int64);
            watch.Start();
            var output = model.forward(images, routing, truth.to(session.Device));
            var predictions = output.Predictions.ToDictionary(kv => kv.Key, kv => kv.Value.cpu());
            watch.Stop();
            metrics.Update(predictions, batch.Targets);
            if (output.SelectorLogits is not null && data.Scenario.HasKnownCondition)
            {
                var experts = model.Config.Backbone.Conditions;
                var picked = output.SelectorLogits.argmax(1).cpu().data<long>().ToArray();
                correct += picked.Count(p => experts[(int)p] == data.Scenario.Primary);
                seen += picked.Length;
            }
        }

        var imageCount = data.Batches.Sum(b => b.Count);
        return new ScenarioResult(
            metrics.Compute(), seen == 0 ? null : 100.0 * correct / seen, watch.Elapsed.TotalMilliseconds / imageCount);
    }

    /// <summary>
    /// Evaluates every method under every scenario it applies to (<see cref="EvaluatedMethod.EvaluatesUnder"/>).
    /// delta_m of each (method, scenario) is computed against
    /// <paramref name="baseline"/> (a method name in <paramref name="methods"/>) under the same scenario.
    /// </summary>
    public EvaluationTable RunGrid(
        IReadOnlyList<EvaluatedMethod> methods,
        IReadOnlyList<EvaluationScenario> scenarios,
        string baseline,
        IProgress<string>? progress = null)
    {
        if (methods.All(m => m.Name != baseline))
        {
            throw new ArgumentException(
                $"Baseline '{baseline}' is not one of the methods [{string.Join(", ", methods.Select(m => m.Name))}].");
        }

        var table = new EvaluationTable();
        for (var s = 0; s < scenarios.Count; s++)
        {
            using var data = Prepare(scenarios[s]);
            table.AddRange(RunScenario(methods, data, baseline));
            progress?.Report($"scenario {s + 1}/{scenarios.Count}: {scenarios[s]}");
        }

        return table;
    }

    /// <summary>
    /// Evaluates every method that applies to one prepared scenario (an external folder, or one scenario of a
    /// grid) and returns its rows, delta_m against <paramref name="baseline"/>. Methods that share a model and a
    /// routing policy (an ablation rung and the method it names) are run once and their numbers reused.
    /// </summary>
    public IReadOnlyList<EvaluationRecord> RunScenario(
        IReadOnlyList<EvaluatedMethod> methods, PreparedScenario data, string baseline)
    {
        var reference = methods.FirstOrDefault(m => m.Name == baseline) ?? throw new ArgumentException(
            $"Baseline '{baseline}' is not one of the methods [{string.Join(", ", methods.Select(m => m.Name))}].");
        if (!reference.EvaluatesUnder(data.Scenario.Kind))
        {
            throw new ArgumentException(
                $"Baseline '{baseline}' is evaluated only under {reference.OnlyUnder} scenarios, so it cannot be the "
                + $"baseline of {data.Scenario}; give it OnlyUnder null.");
        }

        var cache = new Dictionary<(RobuMtlModel, RoutingPolicy), ScenarioResult>();
        ScenarioResult ResultOf(EvaluatedMethod method)
        {
            var key = (method.Model, method.Routing);
            return cache.TryGetValue(key, out var known)
                ? known
                : cache[key] = Evaluate(method.Model, method.Routing, data);
        }

        var baselineResult = ResultOf(reference);
        return methods
            .Where(m => m.EvaluatesUnder(data.Scenario.Kind))
            .SelectMany(m => Records(m, data.Scenario, ResultOf(m), baselineResult))
            .ToList();
    }

    /// <summary>The results rows of one method under one scenario.</summary>
    public static IEnumerable<EvaluationRecord> Records(
        EvaluatedMethod method, EvaluationScenario scenario, ScenarioResult result, ScenarioResult? baseline)
    {
        var (routing, topK) = RoutingOf(method);
        EvaluationRecord Row(TaskKind? task, MetricKind metric, double value) => new(
            method.Name, scenario.Kind, scenario.Conditions, scenario.Severity, scenario.Strength, routing, topK,
            task, metric, value);

        foreach (var (task, metrics) in result.Metrics)
        {
            foreach (var (name, kind) in MetricsOf(task))
            {
                if (metrics.Values.TryGetValue(name, out var value))
                {
                    yield return Row(task, kind, value);
                }
            }
        }

        // Known limitation: a task whose baseline metric is 0 (an untrained edge head after one smoke epoch) has no
        // relative change; delta_m then averages over the other tasks, and is omitted when none is left.
        var comparable = result.Metrics.Where(kv => baseline?.Metrics.GetValueOrDefault(kv.Key)?.Primary is not 0.0)
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        if (baseline is not null && comparable.Count > 0)
        {
            yield return Row(null, MetricKind.DeltaM, MultiTaskDelta.Compute(comparable, baseline.Metrics));
        }

        if (result.SelectorAccuracy is { } accuracy)
        {
            yield return Row(null, MetricKind.Accuracy, accuracy);
        }

        yield return Row(null, MetricKind.LatencyMs, result.MillisecondsPerImage);
    }

    private static (RoutingKind Kind, int? K) RoutingOf(EvaluatedMethod method)
    {
        if (!method.Model.Config.IsRouted)
        {
            return (RoutingKind.None, null);
        }

        return method.Routing.Mode switch
        {
            RoutingMode.Selector when method.Routing.K == 1 => (RoutingKind.Top1, 1),
            RoutingMode.Selector => (RoutingKind.TopK, method.Routing.K),
            RoutingMode.Oracle => (RoutingKind.Oracle, 1),
            RoutingMode.Uniform => (RoutingKind.Uniform, method.Model.Config.Backbone.Conditions.Count),
            _ => (RoutingKind.None, null),
        };
    }

    private static IEnumerable<(string Name, MetricKind Kind)> MetricsOf(TaskKind task) => task switch
    {
        TaskKind.SemanticSegmentation or TaskKind.HumanParts => [(MetricNames.MeanIoU, MetricKind.MeanIoU)],
        TaskKind.Saliency => [(MetricNames.MeanIoU, MetricKind.MeanIoU), (MetricNames.MaxF, MetricKind.MaxF)],
        TaskKind.Normals =>
        [
            (MetricNames.MeanAngle, MetricKind.MeanAngularError), (MetricNames.Within11, MetricKind.AngleWithin11),
            (MetricNames.Within22, MetricKind.AngleWithin22), (MetricNames.Within30, MetricKind.AngleWithin30),
        ],
        TaskKind.Edges => [(MetricNames.EdgeF, MetricKind.EdgeF)],
        TaskKind.Depth => [(MetricNames.Rmse, MetricKind.Rmse)],
        _ => [],
    };

    private static int StableStream(EvaluationScenario scenario)
    {
        var hash = 17;
        foreach (var c in scenario.ToString())
        {
            hash = unchecked((hash * 31) + c);
        }

        return 1000 + (int)((uint)hash % 100_000);
    }
}
