using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using RobuMTL.Checkpoints;
using RobuMTL.Data;
using RobuMTL.Losses;
using RobuMTL.Model;
using RobuMTL.Selection;
using RobuMTL.Training;
using RobuMTL.Weather;
using TorchSharp;
using static TorchSharp.torch;

namespace RobuMTL.Workbook;

/// <summary>
/// The training phases of the paper as the notebooks and the command line run them. Each phase reads what the
/// phases before it saved, trains only its own parameters, checkpoints under the run folder, resumes where it
/// stopped and is skipped once complete. Progress comes back as a stream of <see cref="TrainingProgress"/>.
/// </summary>
/// <remarks>
/// Order: <see cref="CleanMtl"/> (standard MTL; without ImageNet weights also the backbone the LoRA methods
/// freeze), <see cref="Warmup"/>, one <see cref="Expert"/> per weather condition (independent of each other),
/// <see cref="Selector"/>, <see cref="Squads"/> (needs all experts and the selector); the baselines
/// <see cref="MixedMtl"/> and <see cref="SharedLora"/> need only <see cref="CleanMtl"/>.
/// </remarks>
public sealed class WorkbookTraining
{
    private readonly WorkbookSession session;
    private readonly MultiTaskLoss loss = new(MultiTaskLossConfig.Paper);
    private readonly ILogger logger;
    private readonly CompletedPhases completed;

    /// <summary>Creates the phases of one run.</summary>
    public WorkbookTraining(
        WorkbookSession session, string? runPrefix = null, RobuMTL.Adapters.LoraConfig? lora = null)
    {
        this.session = session;
        logger = session.Loggers.CreateLogger<WorkbookTraining>();
        completed = new CompletedPhases(session);
        Prefix = runPrefix ?? "";
        Lora = lora;
    }

    /// <summary>The weather experts trained after the warmup (the selector's classes except Clean).</summary>
    public static IReadOnlyList<WeatherCondition> WeatherExperts { get; } =
        WeatherSelectorConfig.Default.Conditions.Where(c => c != WeatherCondition.Clean).ToArray();

    /// <summary>Prefix of this run's phase names (rank ablations train their own warmup and experts).</summary>
    public string Prefix { get; }

    /// <summary>Adapter ranks of the LoRA phases; null takes the profile's.</summary>
    public RobuMTL.Adapters.LoraConfig? Lora { get; }

    /// <summary>The checkpoint folder name of a phase: clean-mtl, warmup, expert-rain, ...</summary>
    public string PhaseName(WorkbookPhase phase, WeatherCondition? condition = null)
    {
        var name = phase switch
        {
            WorkbookPhase.CleanMtl => "clean-mtl",
            WorkbookPhase.Warmup => "warmup",
            WorkbookPhase.Expert => "expert-" + (condition ?? throw new ArgumentNullException(nameof(condition)))
                .ToString().ToLowerInvariant(),
            WorkbookPhase.Selector => "selector",
            WorkbookPhase.Squads => "squads",
            WorkbookPhase.MixedMtl => "mixed-mtl",
            WorkbookPhase.SharedLora => "shared-lora",
            _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "unknown phase"),
        };
        var shared = phase is WorkbookPhase.CleanMtl or WorkbookPhase.Selector or WorkbookPhase.MixedMtl;
        return shared ? name : Prefix + name;
    }

    /// <summary>Whether a phase has finished (its checkpoint folder holds the completion marker).</summary>
    public bool IsComplete(WorkbookPhase phase, WeatherCondition? condition = null) =>
        session.Checkpoints.IsComplete(PhaseName(phase, condition));

    /// <summary>
    /// Standard MTL on clean images, every weight trained: from the profile's ImageNet weights
    /// (<see cref="Core.RunProfile.PretrainedWeights"/>) when it names them, else from scratch (then this is also
    /// how the smoke and quick profiles get a backbone to freeze).
    /// </summary>
    /// <exception cref="FileNotFoundException">The profile names a weight file that is not there.</exception>
    public IAsyncEnumerable<TrainingProgress> CleanMtl(CancellationToken cancel = default)
    {
        var name = PhaseName(WorkbookPhase.CleanMtl);
        var model = NewModel(ModelVariant.FineTunedMtl);
        ImageNetBackbone.StartPhase(session, name, model.backbone, logger);
        PhaseParameters.Trainable(model, WorkbookPhase.CleanMtl);
        return Run(
            name, model, WeatherSampleTransform.Clean, EpochsOf(WorkbookPhase.CleanMtl),
            RoutingPolicy.Top1, stream: 1, cancel: cancel);
    }

    /// <summary>
    /// Clean warmup: the clean expert and the shared heads (started from the clean MTL's) on clean images. The
    /// backbone stays frozen at the ImageNet weights when the profile names them, as in the paper, else at the
    /// clean MTL's.
    /// </summary>
    /// <exception cref="FileNotFoundException">The profile names a weight file that is not there.</exception>
    public IAsyncEnumerable<TrainingProgress> Warmup(CancellationToken cancel = default)
    {
        var name = PhaseName(WorkbookPhase.Warmup);
        var model = NewModel(ModelVariant.RobuMtl);
        StartFromCleanMtl(name, model);
        PhaseParameters.Trainable(model, WorkbookPhase.Warmup);
        return Run(
            name, model, WeatherSampleTransform.Clean, EpochsOf(WorkbookPhase.Warmup),
            RoutingPolicy.Fixed(WeatherCondition.Clean), stream: 2, cancel: cancel);
    }

    /// <summary>
    /// One weather expert in isolation: copied from the warmed-up clean expert, trained on its own condition
    /// only (severity level drawn from 1..5 per image); every other expert, the backbone and the heads stay
    /// frozen, and the heads stay in eval mode so their BatchNorm statistics do not move either.
    /// </summary>
    public IAsyncEnumerable<TrainingProgress> Expert(WeatherCondition condition, CancellationToken cancel = default)
    {
        if (!WeatherExperts.Contains(condition))
        {
            throw new ArgumentException(
                $"'{condition}' has no weather expert; choose one of {string.Join(", ", WeatherExperts)} (the clean "
                + "expert is trained by the warmup).", nameof(condition));
        }

        var model = LoadModel(WorkbookPhase.Warmup);
        model.backbone.Experts.CopyExpert(WeatherCondition.Clean, condition);
        PhaseParameters.Trainable(model, WorkbookPhase.Expert, condition);
        var training = Run(
            PhaseName(WorkbookPhase.Expert, condition), model, WeatherSampleTransform.Condition(condition),
            EpochsOf(WorkbookPhase.Expert), RoutingPolicy.Fixed(condition), stream: 10 + (int)condition,
            frozenInEval: model.heads, cancel: cancel);
        return ThenExportExpert(training, condition);
    }

    /// <summary>
    /// Folder of the per-condition expert files (<c>rain.bin</c> + <c>rain.json</c>, ...) that the expert phases
    /// write when they finish and <see cref="Assemble"/> reads: copying one machine's files into another's run
    /// folder combines experts trained apart (<c>train --phase Expert --condition Rain</c> on each machine).
    /// </summary>
    public string ExpertsFolder => Path.Combine(session.RunFolder, Prefix + "experts");

    /// <summary>
    /// Writes the expert of the completed phase of <paramref name="condition"/> to <see cref="ExpertsFolder"/>
    /// (see <see cref="ModelFiles.SaveExpert"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The expert phase has not completed.</exception>
    public void ExportExpert(WeatherCondition condition)
    {
        using var trained = LoadModel(WorkbookPhase.Expert, condition);
        ModelFiles.SaveExpert(trained.backbone, condition, ExpertsFolder);
    }

    /// <summary>The selector (DMLS) on images of the six conditions with their labels (cross-entropy).</summary>
    public IAsyncEnumerable<TrainingProgress> Selector(CancellationToken cancel = default)
    {
        var config = session.ModelConfig(ModelVariant.RobuMtl).Selector!;
        var selector = new WeatherSelector(config);
        selector.to(session.Device);
        var classOf = Enumerable.Range(0, Enum.GetValues<WeatherCondition>().Length)
            .Select(c => (long)config.Conditions.ToList().IndexOf((WeatherCondition)c)).ToArray();
        var loader = session.Loader(session.Train, WeatherSampleTransform.OneOf(config.Conditions), training: true, 3);
        var phase = new TrainingPhase<MultiTaskBatch>(
            PhaseName(WorkbookPhase.Selector),
            selector,
            selector.named_parameters().Select(p => (p.name, p.parameter)).ToArray(),
            loader.BatchesPerEpoch,
            (epoch, first) => loader.Epoch(epoch, first),
            batch =>
            {
                using var lookup = tensor(classOf);
                var labels = lookup.index_select(0, batch.Conditions!).to(session.Device);
                var logits = selector.forward(batch.Images.to(session.Device));                // (B, E)
                var ce = nn.functional.cross_entropy(logits, labels);
                var accuracy = logits.argmax(1).eq(labels).to(ScalarType.Float32).mean().item<float>();
                return new StepLoss(ce, batch.Count, new Dictionary<string, float> { ["accuracy"] = accuracy });
            },
            session.Profile.Seed,
            config);
        return Train(phase, EpochsOf(WorkbookPhase.Selector), cancel);
    }

    /// <summary>
    /// RobuMTL+ expert squads: each condition's decoder heads, started from the warmed-up shared heads, trained on
    /// images of that condition through that condition's expert (oracle routing sends each image's gradient to
    /// its own squad only); backbone, experts and selector stay frozen.
    /// </summary>
    public IAsyncEnumerable<TrainingProgress> Squads(CancellationToken cancel = default)
    {
        var routed = Assemble(ModelVariant.RobuMtl);
        var model = NewModel(ModelVariant.RobuMtlPlus);
        ParameterTransfer.Copy(routed.backbone, model.backbone);
        ParameterTransfer.Copy(routed.selector!, model.selector!);
        foreach (var condition in model.Config.Backbone.Conditions)
        {
            ParameterTransfer.Copy(routed.heads!, model.squads![condition]);
        }

        PhaseParameters.Trainable(model, WorkbookPhase.Squads);
        return Run(
            PhaseName(WorkbookPhase.Squads), model, WeatherSampleTransform.OneOf(model.Config.Backbone.Conditions),
            EpochsOf(WorkbookPhase.Squads), RoutingPolicy.Oracle, stream: 4, cancel: cancel);
    }

    /// <summary>Baseline: standard MTL fine-tuned further on all six conditions mixed (weather augmentation).</summary>
    public IAsyncEnumerable<TrainingProgress> MixedMtl(CancellationToken cancel = default)
    {
        var model = PhaseParameters.Trainable(LoadModel(WorkbookPhase.CleanMtl), WorkbookPhase.MixedMtl);
        return Run(
            PhaseName(WorkbookPhase.MixedMtl), model,
            WeatherSampleTransform.OneOf(WeatherSelectorConfig.Default.Conditions), EpochsOf(WorkbookPhase.MixedMtl),
            RoutingPolicy.Top1, stream: 5, cancel: cancel);
    }

    /// <summary>
    /// Baseline: one shared LoRA (and the heads) on all six conditions mixed; the backbone is frozen as in
    /// <see cref="Warmup"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The profile names a weight file that is not there.</exception>
    public IAsyncEnumerable<TrainingProgress> SharedLora(CancellationToken cancel = default)
    {
        var name = PhaseName(WorkbookPhase.SharedLora);
        var model = NewModel(ModelVariant.SharedLora);
        StartFromCleanMtl(name, model);
        PhaseParameters.Trainable(model, WorkbookPhase.SharedLora);
        return Run(
            name, model,
            WeatherSampleTransform.OneOf(WeatherSelectorConfig.Default.Conditions),
            EpochsOf(WorkbookPhase.SharedLora), RoutingPolicy.Top1, stream: 6,
            cancel: cancel);
    }

    /// <summary>
    /// A fresh model of <paramref name="variant"/> with this run's configuration, on the session's device.
    /// </summary>
    public RobuMtlModel NewModel(ModelVariant variant)
    {
        var model = new RobuMtlModel(session.ModelConfig(variant, Lora));
        model.to(session.Device);
        return model;
    }

    /// <summary>
    /// The model a completed phase trained, loaded from its checkpoint once its saved configuration is known to
    /// match this run's: the model config (a LoRA scale or a drop-path rate changes no tensor shape, so the
    /// weights alone would load) and the ImageNet weights it started from.
    /// </summary>
    /// <exception cref="InvalidOperationException">The phase has not run yet; the message names it.</exception>
    /// <exception cref="CheckpointMismatchException">
    /// The phase was trained with another configuration; the message names the fields and the phase folder.
    /// </exception>
    public RobuMtlModel LoadModel(WorkbookPhase phase, WeatherCondition? condition = null)
    {
        var name = PhaseName(phase, condition);
        var config = session.ModelConfig(PhaseParameters.VariantOf(phase), Lora);
        completed.RequireModel(name, config);
        var model = new RobuMtlModel(config);
        model.to(session.Device);
        session.Checkpoints.TryLoadModel(name, model);
        return model;
    }

    /// <summary>Epochs a phase trains for under this run's profile (the shared LoRA gets the warmup's too).</summary>
    public int EpochsOf(WorkbookPhase phase)
    {
        var p = session.Profile;
        return phase switch
        {
            WorkbookPhase.CleanMtl => p.BackboneEpochs,
            WorkbookPhase.Warmup => p.WarmupEpochs,
            WorkbookPhase.Expert => p.ExpertEpochs,
            WorkbookPhase.Selector => p.SelectorEpochs,
            WorkbookPhase.Squads => p.SquadEpochs,
            WorkbookPhase.MixedMtl => p.BaselineEpochs,
            WorkbookPhase.SharedLora => p.WarmupEpochs + p.BaselineEpochs,
            _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "unknown phase"),
        };
    }

    /// <summary>
    /// What a phase costs under this run's configuration: the parameters it trains (counted on a fresh model with
    /// the phase's trainable set, so no checkpoint is needed) and the training images it sees (epochs times the
    /// full batches of the training split).
    /// </summary>
    public PhaseBudget Budget(WorkbookPhase phase, WeatherCondition? condition = null)
    {
        var epochs = EpochsOf(phase);
        var batchSize = session.Profile.BatchSize;
        var images = (long)epochs * (session.Train.Count / batchSize) * batchSize;
        long trainable;
        if (phase == WorkbookPhase.Selector)
        {
            using var selector = new WeatherSelector(session.ModelConfig(ModelVariant.RobuMtl).Selector!);
            trainable = selector.parameters().Sum(p => p.numel());
        }
        else
        {
            using var fresh = NewModel(PhaseParameters.VariantOf(phase));
            var model = PhaseParameters.Trainable(fresh, phase, condition);
            trainable = model.TrainableNamed().Sum(p => p.Parameter.numel());
        }

        return new PhaseBudget(PhaseName(phase, condition), trainable, epochs, images);
    }

    /// <summary>The trained selector, once its saved configuration is known to match this run's.</summary>
    /// <exception cref="CheckpointMismatchException">The selector was trained with another configuration.</exception>
    public WeatherSelector LoadSelector()
    {
        var name = PhaseName(WorkbookPhase.Selector);
        var config = session.ModelConfig(ModelVariant.RobuMtl).Selector!;
        completed.RequireSelector(name, config);
        var selector = new WeatherSelector(config);
        selector.to(session.Device);
        session.Checkpoints.TryLoadModel(name, selector);
        return selector;
    }

    /// <summary>
    /// RobuMTL or RobuMTL+ put together from the phases: the warmup (backbone, clean expert, shared heads), every
    /// completed weather expert, the selector, and for RobuMTL+ the squads. Experts whose phase has not run stay
    /// equal to their fresh (no-op) initialisation; <paramref name="missing"/> lists them. An expert whose phase did
    /// not run here is read from its file in <see cref="ExpertsFolder"/> when there is one (trained elsewhere).
    /// </summary>
    /// <remarks>
    /// Known limitation: an expert file records its condition, ranks, backbone shape and tasks but not which
    /// warmup it started from; combine only experts trained from the same warmup checkpoint.
    /// </remarks>
    public RobuMtlModel Assemble(ModelVariant variant, List<WeatherCondition>? missing = null)
    {
        if (variant == ModelVariant.RobuMtlPlus)
        {
            return LoadModel(WorkbookPhase.Squads);
        }

        if (variant != ModelVariant.RobuMtl)
        {
            throw new ArgumentException($"{variant} is not assembled from experts; use LoadModel.", nameof(variant));
        }

        var model = LoadModel(WorkbookPhase.Warmup);
        foreach (var condition in WeatherExperts)
        {
            if (!IsComplete(WorkbookPhase.Expert, condition))
            {
                if (ModelFiles.Exists(ExpertsFolder, ModelFiles.ExpertName(condition)))
                {
                    ModelFiles.LoadExpert(model.backbone, condition, ExpertsFolder);
                }
                else
                {
                    missing?.Add(condition);
                }

                continue;
            }

            using var expert = LoadModel(WorkbookPhase.Expert, condition);
            var names = expert.ExpertParameterNames(condition);
            ParameterTransfer.Copy(expert, model, include: names.Contains);
        }

        ParameterTransfer.Copy(LoadSelector(), model.selector!);
        return model;
    }

    private async IAsyncEnumerable<TrainingProgress> ThenExportExpert(
        IAsyncEnumerable<TrainingProgress> training,
        WeatherCondition condition,
        [EnumeratorCancellation] CancellationToken cancel = default)
    {
        await foreach (var record in training.WithCancellation(cancel))
        {
            yield return record;
        }

        if (IsComplete(WorkbookPhase.Expert, condition))
        {
            ExportExpert(condition);
        }
    }

    private async IAsyncEnumerable<TrainingProgress> Run(
        string name,
        RobuMtlModel model,
        ISampleTransform transform,
        int epochs,
        RoutingPolicy routing,
        int stream,
        nn.Module? frozenInEval = null,
        [EnumeratorCancellation] CancellationToken cancel = default)
    {
        var loader = session.Loader(session.Train, transform, training: true, stream);
        var phase = new TrainingPhase<MultiTaskBatch>(
            name,
            model,
            model.TrainableNamed(),
            loader.BatchesPerEpoch,
            (epoch, first) => loader.Epoch(epoch, first),
            batch =>
            {
                frozenInEval?.eval();
                var images = batch.Images.to(session.Device);
                var conditions = batch.Conditions?.to(session.Device);
                var output = model.forward(images, routing, conditions);
                var targets = batch.Targets.ToDictionary(kv => kv.Key, kv => kv.Value.to(session.Device));
                var result = loss.Compute(output.Predictions, targets);
                var parts = result.PerTask.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value.item<float>());
                return new StepLoss(result.Total, batch.Count, parts);
            },
            session.Profile.Seed,
            new
            {
                model = model.Config,
                routing = routing.ToString(),
                prefix = Prefix,
                pretrained = session.Profile.PretrainedWeights,
            });
        await foreach (var record in Train(phase, epochs, cancel))
        {
            yield return record;
        }
    }

    private IAsyncEnumerable<TrainingProgress> Train<TBatch>(
        TrainingPhase<TBatch> phase, int epochs, CancellationToken cancel)
    {
        var trainer = new Trainer(
            session.TrainerFor(epochs), session.Checkpoints, session.Loggers.CreateLogger<Trainer>());
        return trainer.RunAsync(phase, cancel);
    }

    /// <summary>
    /// Starts a LoRA phase's fresh model from the clean MTL's heads and the backbone it freezes: the ImageNet
    /// weights when the profile names them, else the clean MTL's fine-tuned backbone.
    /// </summary>
    private void StartFromCleanMtl(string phase, RobuMtlModel model)
    {
        using var clean = LoadModel(WorkbookPhase.CleanMtl);
        if (!ImageNetBackbone.StartPhase(session, phase, model.backbone, logger))
        {
            ParameterTransfer.Copy(clean.backbone, model.backbone);
        }

        // The heads learnt on the clean MTL's features; they keep training here and adapt to the frozen backbone.
        ParameterTransfer.Copy(clean.heads!, model.heads!);
    }
}
