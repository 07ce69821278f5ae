using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RobuMTL.Checkpoints;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Training;

/// <summary>
/// Runs one <see cref="TrainingPhase{TBatch}"/>: AdamW over the phase's trainable parameters only, the
/// cosine-with-warmup rate set on every parameter group before each step, total-norm gradient clipping, a
/// dispose scope per step, checkpoints every N steps and at each epoch end, and resume from the last
/// checkpoint. A completed phase is skipped after loading its final weights into the model. Progress comes
/// back as <see cref="TrainingProgress"/> records.
/// </summary>
public sealed class Trainer
{
    // Swin and MTLoRA exempt these tables from weight decay as well as every bias and norm scale.
    private static readonly string[] NoDecayNames = ["relative_position_bias_table", "absolute_pos_embed"];

    private readonly ILogger<Trainer> logger;

    /// <summary>
    /// Creates a trainer; without a <paramref name="checkpoints"/> store nothing is saved or resumed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The config is invalid (names the field).</exception>
    public Trainer(TrainerConfig config, CheckpointStore? checkpoints = null, ILogger<Trainer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        Checkpoints = checkpoints;
        this.logger = logger ?? NullLogger<Trainer>.Instance;
    }

    /// <summary>Optimiser, schedule and bookkeeping settings.</summary>
    public TrainerConfig Config { get; }

    /// <summary>Where checkpoints go; null when the trainer keeps none.</summary>
    public CheckpointStore? Checkpoints { get; }

    /// <summary>
    /// Trains the phase to its end, reporting each record to <paramref name="progress"/>, and returns the last
    /// record (<see cref="ProgressKind.PhaseComplete"/> or <see cref="ProgressKind.PhaseSkipped"/>).
    /// </summary>
    /// <exception cref="OperationCanceledException">
    /// Cancelled between steps; the steps done so far are checkpointed first.
    /// </exception>
    /// <exception cref="CheckpointMismatchException">The phase's checkpoint has a different config.</exception>
    public TrainingProgress Run<TBatch>(
        TrainingPhase<TBatch> phase, IProgress<TrainingProgress>? progress = null, CancellationToken cancel = default)
    {
        TrainingProgress? last = null;
        foreach (var record in Execute(phase, cancel))
        {
            progress?.Report(record);
            last = record;
        }

        return last ?? throw new InvalidOperationException($"Phase '{phase.Name}' produced no progress.");
    }

    /// <summary>
    /// Trains the phase as an asynchronous stream of records, for <c>await foreach</c> in a notebook. Steps run
    /// on the thread that asks for the next record; the stream yields the thread after every record.
    /// </summary>
    /// <exception cref="OperationCanceledException">
    /// Cancelled between steps; the steps done so far are checkpointed first.
    /// </exception>
    public async IAsyncEnumerable<TrainingProgress> RunAsync<TBatch>(
        TrainingPhase<TBatch> phase, [EnumeratorCancellation] CancellationToken cancel = default)
    {
        foreach (var record in Execute(phase, cancel))
        {
            yield return record;
            await Task.Yield();
        }
    }

    /// <summary>The settings a checkpoint of this phase must share with the run that resumes it.</summary>
    public JsonNode DescribeConfig<TBatch>(TrainingPhase<TBatch> phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var options = CheckpointStore.JsonOptions;
        return new JsonObject
        {
            ["phase"] = phase.Name,
            ["trainer"] = JsonSerializer.SerializeToNode(Config, options),
            ["batchesPerEpoch"] = phase.BatchesPerEpoch,
            ["dataSeed"] = phase.DataSeed,
            ["trainable"] = new JsonArray([.. phase.Trainable.Select(t => (JsonNode?)JsonValue.Create(t.Name))]),
            ["run"] = phase.RunConfig is null
                ? null
                : JsonSerializer.SerializeToNode(phase.RunConfig, phase.RunConfig.GetType(), options),
        };
    }

    private IEnumerable<TrainingProgress> Execute<TBatch>(TrainingPhase<TBatch> phase, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(phase);
        phase.Validate();
        var schedule = Config.Schedule(phase.BatchesPerEpoch);
        var name = phase.Name;
        if (Checkpoints is not null)
        {
            Checkpoints.EnsureCompatible(name, DescribeConfig(phase));
            if (Checkpoints.IsComplete(name))
            {
                // The next phase must start from this phase's result, as it would in an uninterrupted run.
                _ = Checkpoints.TryLoadModel(name, phase.Model) ?? throw new InvalidDataException(
                    $"Phase '{name}' is marked complete but has no checkpoint; delete the folder "
                    + $"'{Checkpoints.PhaseDirectory(name)}' to train it again.");
                logger.LogInformation("Phase {Phase} is already complete; loaded its weights and skipped it.", name);
                yield return new TrainingProgress(
                    name, ProgressKind.PhaseSkipped, Config.Epochs, Config.Epochs, schedule.TotalSteps,
                    schedule.TotalSteps, double.NaN, new Dictionary<string, double>(), schedule.At(0), double.NaN,
                    0, TimeSpan.Zero);
                yield break;
            }
        }

        using var optimizer = CreateOptimizer(phase.Trainable);
        var state = Checkpoints?.TryLoad(name, phase.Model, optimizer) ?? TrainingState.Start(name, phase.DataSeed);
        if (state.Step > 0)
        {
            logger.LogInformation(
                "Phase {Phase} resumes at step {Step} (epoch {Epoch}, batch {Batch}).",
                name, state.Step, state.Epoch, state.BatchInEpoch);
        }

        phase.Model.train();
        var parameters = phase.Trainable.Select(t => t.Parameter).ToArray();
        var earlier = state.ElapsedSeconds;
        var clock = Stopwatch.StartNew();
        var interval = new LossMeter();
        var epochMeter = new LossMeter();
        var savedStep = state.Step;
        var rate = schedule.At(Math.Min(state.Step, schedule.TotalSteps - 1));

        for (var epoch = state.Epoch; epoch < Config.Epochs; epoch++)
        {
            var first = epoch == state.Epoch ? state.BatchInEpoch : 0;
            epochMeter.Reset();
            using var batches = phase.Batches(epoch, first).GetEnumerator();
            for (var batch = first; batch < phase.BatchesPerEpoch; batch++)
            {
                if (cancel.IsCancellationRequested)
                {
                    if (state.Step > savedStep)
                    {
                        Save(state, phase.Model, optimizer);
                    }

                    logger.LogInformation("Phase {Phase} cancelled at step {Step}.", name, state.Step);
                    cancel.ThrowIfCancellationRequested();
                }

                rate = schedule.At(state.Step);
                var started = Stopwatch.GetTimestamp();
                var (loss, parts, norm, samples) = TrainStep(phase, batches, optimizer, parameters, rate, epoch, batch);
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                interval.Add(loss, parts, norm, samples, seconds);
                epochMeter.Add(loss, parts, norm, samples, seconds);
                state = state with
                {
                    Epoch = epoch,
                    BatchInEpoch = batch + 1,
                    Step = state.Step + 1,
                    ElapsedSeconds = earlier + clock.Elapsed.TotalSeconds,
                };

                var epochEnds = batch + 1 == phase.BatchesPerEpoch;
                if (state.Step % Config.CheckpointEverySteps == 0 && !epochEnds)
                {
                    savedStep = Save(state, phase.Model, optimizer);
                }

                if (state.Step % Config.LogEverySteps == 0 || epochEnds)
                {
                    var record = Report(phase, ProgressKind.Steps, epoch, state, schedule, interval, rate);
                    interval.Reset();
                    yield return record;
                }
            }

            state = state with { Epoch = epoch + 1, BatchInEpoch = 0 };
            savedStep = Save(state, phase.Model, optimizer);
            yield return Report(phase, ProgressKind.EpochEnd, epoch, state, schedule, epochMeter, rate);
        }

        Checkpoints?.MarkComplete(state);
        logger.LogInformation(
            "Phase {Phase} complete after {Step} steps in {Elapsed}.", name, state.Step,
            TimeSpan.FromSeconds(state.ElapsedSeconds));
        yield return Report(phase, ProgressKind.PhaseComplete, Config.Epochs - 1, state, schedule, epochMeter, rate);
    }

    private (double Loss, IReadOnlyDictionary<string, float>? Parts, double Norm, int Samples) TrainStep<TBatch>(
        TrainingPhase<TBatch> phase, IEnumerator<TBatch> batches, OptimizerHelper optimizer, Parameter[] parameters,
        double rate, int epoch, int batch)
    {
        using var scope = NewDisposeScope();
        if (!batches.MoveNext())
        {
            throw new InvalidOperationException(
                $"Phase '{phase.Name}': the batch factory ended after batch {batch} of epoch {epoch}, but "
                + $"BatchesPerEpoch is {phase.BatchesPerEpoch}; make the two agree.");
        }

        optimizer.zero_grad();
        phase.Model.zero_grad();
        var result = phase.Step(batches.Current);
        if (result.Total.numel() != 1)
        {
            throw new InvalidOperationException(
                $"Phase '{phase.Name}': the step returned a loss of shape [{string.Join(", ", result.Total.shape)}]; "
                + "return a scalar (reduce with mean or sum).");
        }

        var loss = result.Total.ToDouble();
        if (!double.IsFinite(loss))
        {
            throw new InvalidOperationException(
                $"Phase '{phase.Name}': the loss is {loss} at epoch {epoch}, batch {batch}; lower the learning "
                + "rate or check the batch. The last checkpoint is unchanged.");
        }

        result.Total.backward();
        var norm = nn.utils.clip_grad_norm_(parameters, Config.GradientClipNorm);
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }

        optimizer.step();
        return (loss, result.Parts, norm, result.Samples);
    }

    private AdamW CreateOptimizer(IReadOnlyList<(string Name, Parameter Parameter)> trainable)
    {
        var decayed = trainable.Where(DecaysWeight).Select(t => t.Parameter).ToList();
        var exempt = trainable.Where(t => !DecaysWeight(t)).Select(t => t.Parameter).ToList();
        var groups = new List<AdamW.ParamGroup>();
        if (decayed.Count > 0)
        {
            groups.Add(new AdamW.ParamGroup { Parameters = decayed, Options = Options(Config.WeightDecay) });
        }

        if (exempt.Count > 0)
        {
            groups.Add(new AdamW.ParamGroup { Parameters = exempt, Options = Options(0.0) });
        }

        return new AdamW(groups, lr: Config.PeakLearningRate, beta1: 0.9, beta2: 0.999, eps: 1e-8);

        AdamW.Options Options(double decay) => new() { weight_decay = decay };
    }

    /// <summary>Matrices decay; biases, norm scales and position tables do not (the Swin / MTLoRA rule).</summary>
    internal static bool DecaysWeight((string Name, Parameter Parameter) entry) =>
        entry.Parameter.dim() > 1 && !NoDecayNames.Any(n => entry.Name.Contains(n, StringComparison.Ordinal));

    private long Save(TrainingState state, nn.Module model, OptimizerHelper optimizer)
    {
        if (Checkpoints is null)
        {
            return state.Step;
        }

        Checkpoints.Save(state, model, optimizer);
        logger.LogDebug("Phase {Phase}: checkpoint at step {Step}.", state.Phase, state.Step);
        return state.Step;
    }

    private TrainingProgress Report<TBatch>(
        TrainingPhase<TBatch> phase, ProgressKind kind, int epoch, TrainingState state,
        CosineWarmupSchedule schedule, LossMeter meter, double rate)
    {
        var record = new TrainingProgress(
            phase.Name, kind, epoch, Config.Epochs, state.Step, schedule.TotalSteps, meter.Loss, meter.Parts(),
            rate, meter.GradientNorm, meter.ImagesPerSecond, TimeSpan.FromSeconds(state.ElapsedSeconds));
        logger.LogInformation("{Line}", ProgressLine.Format(record).TrimEnd());
        return record;
    }
}
