using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RobuMTL.Adapters;
using RobuMTL.Checkpoints;
using RobuMTL.Core;
using RobuMTL.Data;
using RobuMTL.Data.Augmentation;
using RobuMTL.Data.Datasets;
using RobuMTL.Data.Scenes;
using RobuMTL.Model;
using RobuMTL.Tasks;
using RobuMTL.Training;
using static TorchSharp.torch;

namespace RobuMTL.Workbook;

/// <summary>
/// What every notebook and command of one run shares: the profile, the folders, the device, the data and the
/// model configurations. Open one per notebook with <see cref="Open"/>; phases read what earlier ones saved
/// under <see cref="RunFolder"/>.
/// </summary>
public sealed class WorkbookSession
{
    private readonly Lazy<IMultiTaskDataset> train;
    private readonly Lazy<IMultiTaskDataset> validation;

    private WorkbookSession(RunProfile profile, WorkbookPaths paths, TorchRuntimeInfo runtime, ILoggerFactory loggers)
    {
        Profile = profile;
        Paths = paths;
        Runtime = runtime;
        Loggers = loggers;
        RunFolder = Path.Combine(paths.RunsRoot, profile.Kind.ToString().ToLowerInvariant());
        Checkpoints = new CheckpointStore(RunFolder);
        train = new(() => LoadSplit(training: true));
        validation = new(() => LoadSplit(training: false));
    }

    private WorkbookSession(WorkbookSession parent, RunProfile profile)
        : this(profile, parent.Paths, parent.Runtime, parent.Loggers)
    {
        train = parent.train;
        validation = parent.validation;
    }

    /// <summary>The profile this run uses.</summary>
    public RunProfile Profile { get; }

    /// <summary>Repository, runs and data folders.</summary>
    public WorkbookPaths Paths { get; }

    /// <summary>Device, threads and versions in use.</summary>
    public TorchRuntimeInfo Runtime { get; }

    /// <summary>Creates the loggers of the library's components.</summary>
    public ILoggerFactory Loggers { get; }

    /// <summary>Where this profile's phases save their checkpoints and results: runs/&lt;profile&gt;.</summary>
    public string RunFolder { get; }

    /// <summary>Checkpoints of every phase of this run, one folder per phase.</summary>
    public CheckpointStore Checkpoints { get; }

    /// <summary>The device tensors and modules go to.</summary>
    public Device Device => Runtime.Device;

    /// <summary>
    /// Training split: generated scenes are rendered in memory on first use; a real dataset is opened under
    /// <see cref="DataRootPath"/> and its files are read as batches need them.
    /// </summary>
    public IMultiTaskDataset Train => train.Value;

    /// <summary>Evaluation split.</summary>
    public IMultiTaskDataset Validation => validation.Value;

    /// <summary>What the data holds: tasks and class counts.</summary>
    public DatasetInfo Info => Profile.Dataset == DatasetKind.GeneratedScenes ? SceneGenerator.Info : Train.Info;

    /// <summary>The tasks every model of this run predicts.</summary>
    public IReadOnlyList<TaskKind> Tasks => Info.Tasks;

    /// <summary>
    /// The full path of the profile's <see cref="RunProfile.DataRoot"/>, a relative one taken from the repository
    /// root; null for generated scenes.
    /// </summary>
    public string? DataRootPath => Profile.DataRoot is { } root
        ? Path.GetFullPath(root, Paths.RepositoryRoot)
        : null;

    /// <summary>
    /// The full path of the profile's <see cref="RunProfile.PretrainedWeights"/>, a relative one taken from the
    /// repository root; null when the profile trains its backbone from scratch.
    /// </summary>
    public string? PretrainedWeightsPath => Profile.PretrainedWeights is { } path
        ? Path.GetFullPath(path, Paths.RepositoryRoot)
        : null;

    /// <summary>
    /// Opens a run: resolves the profile (argument, else <c>ROBUMTL_PROFILE</c>, else quick), finds the
    /// repository, starts libtorch on the profile's device and seeds it.
    /// </summary>
    /// <param name="profile">The profile; null resolves it from the environment.</param>
    /// <param name="loggers">Where the components log; null discards.</param>
    /// <param name="start">A folder inside the repository; null is the current directory.</param>
    /// <param name="runsRoot">Where runs are kept instead of runs/ (tests use a temporary folder).</param>
    public static WorkbookSession Open(
        RunProfile? profile = null, ILoggerFactory? loggers = null, string? start = null, string? runsRoot = null)
    {
        profile ??= RunProfile.Resolve();
        loggers ??= NullLoggerFactory.Instance;
        var paths = WorkbookPaths.Discover(start);
        if (runsRoot is not null)
        {
            paths = paths with { RunsRoot = Path.GetFullPath(runsRoot) };
        }

        var runtime = TorchRuntime.Initialize(
            profile.Backend, profile.Threads, loggers.CreateLogger(typeof(TorchRuntime).FullName!));
        TorchRuntime.Seed(profile.Seed);
        return new WorkbookSession(profile, paths, runtime, loggers);
    }

    /// <summary>
    /// The same run with shorter or longer phases: <paramref name="profile"/> may differ from <see cref="Profile"/>
    /// only in its epoch counts, so the derived session shares this one's run folder, checkpoints, data and device
    /// (a rank ablation trains its own prefixed phases with fewer epochs and reuses the shared clean MTL).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Any field other than an epoch count differs; the message names it.
    /// </exception>
    public WorkbookSession WithProfile(RunProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var differs = typeof(RunProfile).GetProperties()
            .Where(p => !p.Name.EndsWith("Epochs", StringComparison.Ordinal))
            .Where(p => (p.GetValue(profile), p.GetValue(Profile)) switch
            {
                (IEnumerable<int> a, IEnumerable<int> b) => !a.SequenceEqual(b),
                var (a, b) => !Equals(a, b),
            })
            .Select(p => p.Name)
            .ToList();
        return differs.Count == 0
            ? new WorkbookSession(this, profile)
            : throw new ArgumentException(
                $"The derived profile changes {string.Join(", ", differs)} of the {Profile.Kind} profile; only "
                + "epoch counts may differ (pass LoRA ranks to WorkbookTraining instead).", nameof(profile));
    }

    /// <summary>
    /// The configuration of <paramref name="variant"/> for this run (ranks from the profile unless given).
    /// </summary>
    public RobuMtlModelConfig ModelConfig(ModelVariant variant, LoraConfig? lora = null)
    {
        var swin = Profile.Swin;
        lora ??= LoraConfig.PascalContext with { Ranks = Profile.LoraRanks, TaskRank = Profile.TaskLoraRank };
        return RobuMtlModelConfig.Create(
            variant, swin, lora, Tasks, Info.SemanticClasses, decoderWidthRatio: Profile.DecoderWidthRatio);
    }

    /// <summary>
    /// Optimiser settings of a phase of <paramref name="epochs"/> epochs at the profile's batch size.
    /// </summary>
    public TrainerConfig TrainerFor(int epochs) => TrainerConfig.ForProfile(Profile, epochs);

    /// <summary>
    /// A loader over <paramref name="dataset"/> that applies <paramref name="transform"/> to each sample with a
    /// seed derived from the profile seed and <paramref name="stream"/> (so phases draw different weather).
    /// Samples of a real dataset first pass the paper's recipe at the profile's image size (flip, zoom and resize
    /// for training, resize for evaluation), so weather is synthesised at the size the model sees; generated
    /// scenes are rendered at that size and pass unchanged.
    /// </summary>
    public MultiTaskBatchLoader Loader(IMultiTaskDataset dataset, ISampleTransform transform, bool training, int stream)
    {
        var seed = MultiTaskBatchLoader.MixSeed(Profile.Seed, stream, training ? 1 : 2);
        var options = training
            ? BatchLoaderOptions.Train(Profile.BatchSize, seed)
            : BatchLoaderOptions.Eval(Profile.BatchSize) with { Seed = seed };
        if (Profile.Dataset != DatasetKind.GeneratedScenes)
        {
            var recipe = training ? Augmentations.Train(Profile.ImageSize) : Augmentations.Eval(Profile.ImageSize);
            transform = SampleTransforms.Compose(recipe, transform);
        }

        return new MultiTaskBatchLoader(dataset, options, transform.AsFunc());
    }

    private IMultiTaskDataset LoadSplit(bool training)
    {
        var logger = Loggers.CreateLogger<WorkbookSession>();
        if (Profile.Dataset != DatasetKind.GeneratedScenes)
        {
            return OpenRealSplit(training ? DatasetSplit.Train : DatasetSplit.Val, logger);
        }

        var generator = new SceneGenerator(SceneGeneratorConfig.ForSize(Profile.ImageSize, Profile.Seed));
        var (start, count) = training ? (0, Profile.TrainScenes) : (Profile.TrainScenes, Profile.ValScenes);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var samples = generator.GenerateMany(start, count);
        logger.LogInformation(
            "Generated {Count} {Split} scenes at {Size} px in {Seconds:F1} s",
            count, training ? "training" : "evaluation", Profile.ImageSize, watch.Elapsed.TotalSeconds);
        return new InMemoryDataset(SceneGenerator.Info, samples);
    }

    // Known limitation: metrics of a real dataset are computed at the profile's image size (labels resized with
    // nearest neighbours), not at each image's original resolution as the reference evaluation does.
    private IMultiTaskDataset OpenRealSplit(DatasetSplit split, ILogger logger)
    {
        var root = DataRootPath ?? throw new InvalidOperationException(
            $"The {Profile.Kind} profile reads {Profile.Dataset} but its DataRoot is not set; set DataRoot to the "
            + "dataset's folder (see data/README.md).");
        IMultiTaskDataset dataset = Profile.Dataset switch
        {
            DatasetKind.PascalContext => new PascalContextDataset(root, split),
            DatasetKind.NyudV2 => new NyudDataset(root, split),
            _ => throw new NotSupportedException($"No loader reads {Profile.Dataset}."),
        };
        logger.LogInformation(
            "Opened {Name}: {Count} images under {Root}, resized to {Size} px", dataset.Info.Name, dataset.Count, root,
            Profile.ImageSize);
        return dataset;
    }
}
