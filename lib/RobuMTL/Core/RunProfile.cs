using RobuMTL.Backbone;

namespace RobuMTL.Core;

/// <summary>
/// Everything that changes between a test run, a CPU run of the whole workbook and the paper's GPU run.
/// Pick one by name with <see cref="Resolve"/>; derive variants with <c>with</c>.
/// </summary>
/// <param name="Kind">Which preset this is (names the artifacts folder).</param>
/// <param name="Dataset">The multi-task data the run reads.</param>
/// <param name="DataRoot">Root of a real dataset; null for generated scenes (kept under data/generated).</param>
/// <param name="ImageSize">Square input side in pixels; every stage resolution must fit the window.</param>
/// <param name="TrainScenes">Generated training scenes (ignored for real datasets).</param>
/// <param name="ValScenes">Generated evaluation scenes (ignored for real datasets).</param>
/// <param name="BatchSize">Images per optimisation step.</param>
/// <param name="Backbone">Swin size.</param>
/// <param name="LoraRanks">LoRA rank per Swin stage (the paper's hierarchical [16,32,64,128] on PASCAL).</param>
/// <param name="TaskLoraRank">
/// Rank of MTLoRA's task-specific adapters in each stage's last block (paper: 4). 0 gives all tasks one shared
/// feature stream, which the quick profile uses because six task streams cost four times the backbone on a CPU.
/// </param>
/// <param name="DecoderWidthRatio">
/// Hidden width of each task decoder as a multiple of its concatenated projections (MTLoRA: 4, i.e. 1080 for
/// Swin-T); the CPU profiles use 2.
/// </param>
/// <param name="BackboneEpochs">
/// Standard MTL on clean data (every weight trains). Without ImageNet weights this is also how the backbone
/// that the LoRA methods freeze is obtained.
/// </param>
/// <param name="WarmupEpochs">Clean warmup of the clean expert and shared heads (backbone frozen).</param>
/// <param name="ExpertEpochs">Isolated training of each weather expert.</param>
/// <param name="SelectorEpochs">Training of the condition selector (DMLS).</param>
/// <param name="SquadEpochs">Training of the per-condition decoder heads (RobuMTL+).</param>
/// <param name="BaselineEpochs">
/// Training of the weather baselines (MTL on mixed conditions, one shared LoRA on mixed conditions); set so
/// they see as many images as all weather experts together.
/// </param>
/// <param name="EvalSeverities">Severity levels (1..5) evaluated per condition.</param>
/// <param name="PretrainedWeights">
/// ImageNet Swin weights (.pth or .safetensors; a relative path is taken from the repository root). The clean MTL
/// starts from them and the LoRA methods freeze them; null trains the backbone from scratch on clean data.
/// </param>
/// <param name="Backend">Preferred device; CUDA falls back to CPU with a warning when unavailable.</param>
/// <param name="Threads">CPU threads for libtorch; null uses every core.</param>
/// <param name="Seed">Seeds data generation, weather and weight initialisation.</param>
public sealed record RunProfile(
    ProfileKind Kind,
    DatasetKind Dataset,
    string? DataRoot,
    int ImageSize,
    int TrainScenes,
    int ValScenes,
    int BatchSize,
    BackbonePreset Backbone,
    IReadOnlyList<int> LoraRanks,
    int TaskLoraRank,
    int DecoderWidthRatio,
    int BackboneEpochs,
    int WarmupEpochs,
    int ExpertEpochs,
    int SelectorEpochs,
    int SquadEpochs,
    int BaselineEpochs,
    IReadOnlyList<int> EvalSeverities,
    string? PretrainedWeights,
    ComputeBackend Backend,
    int? Threads,
    int Seed)
{
    /// <summary>The environment variable that names the profile for notebooks and the command line.</summary>
    public const string EnvironmentVariable = "ROBUMTL_PROFILE";

    /// <summary>
    /// A Swin architecture that no <see cref="Backbone"/> preset names, used instead of the preset (a test that
    /// loads a tiny weight fixture); null builds the preset.
    /// </summary>
    public SwinConfig? SwinOverride { get; init; }

    /// <summary>The Swin architecture of this run: <see cref="SwinOverride"/>, else the preset.</summary>
    public SwinConfig Swin => SwinOverride ?? SwinConfig.FromPreset(Backbone);

    /// <summary>Every cell of every notebook in seconds: tiny scenes, one short epoch per phase.</summary>
    public static RunProfile Smoke { get; } = new(
        ProfileKind.Smoke, DatasetKind.GeneratedScenes, null, ImageSize: 64, TrainScenes: 48, ValScenes: 24,
        BatchSize: 8, BackbonePreset.SwinNano, LoraRanks: [4, 4, 8, 8], TaskLoraRank: 2, DecoderWidthRatio: 2,
        BackboneEpochs: 1, WarmupEpochs: 1,
        ExpertEpochs: 1, SelectorEpochs: 1, SquadEpochs: 1, BaselineEpochs: 1, EvalSeverities: [3],
        PretrainedWeights: null, ComputeBackend.Cpu, Threads: null, Seed: 7);

    /// <summary>
    /// The whole workbook on generated scenes in 7 minutes on a 2-core CPU whose <c>bench-swin</c> step takes 1.4 s,
    /// and in proportion to that step elsewhere (19.9 minutes at 3.9 s).
    /// The clean MTL that becomes the frozen backbone gets most of the budget (16 epochs: at 8, semantic
    /// segmentation stays near 29% mIoU and the human-parts head predicts background only); the selector is cheap
    /// (about 600 images/s) and gets 40. Only 48 validation scenes fit: evaluation runs every method under 36
    /// scenarios. On so few scenes one scenario's delta_m can blow up where the baseline's metric nears 0
    /// (saliency under Fog level 5), so every summary pools its scenarios first
    /// (<see cref="Evaluation.PooledDelta"/>).
    /// </summary>
    public static RunProfile Quick { get; } = Smoke with
    {
        Kind = ProfileKind.Quick,
        TrainScenes = 320,
        ValScenes = 48,
        BatchSize = 16,
        LoraRanks = [4, 8, 16, 32],
        TaskLoraRank = 0,
        BackboneEpochs = 16,
        WarmupEpochs = 3,
        ExpertEpochs = 2,
        SelectorEpochs = 40,
        SquadEpochs = 1,
        BaselineEpochs = 10,
        EvalSeverities = [1, 3, 5],
    };

    /// <summary>The paper's setting: Swin-T, 448 px, PASCAL-Context, ranks [16,32,64,128], on a GPU.</summary>
    public static RunProfile Paper { get; } = new(
        ProfileKind.Paper, DatasetKind.PascalContext, DataRoot: "data/PASCALContext", ImageSize: 448,
        TrainScenes: 0, ValScenes: 0, BatchSize: 32, BackbonePreset.SwinTiny, LoraRanks: [16, 32, 64, 128],
        TaskLoraRank: 4, DecoderWidthRatio: 4,
        BackboneEpochs: 100, WarmupEpochs: 100, ExpertEpochs: 100, SelectorEpochs: 30, SquadEpochs: 30,
        BaselineEpochs: 500, EvalSeverities: [1, 2, 3, 4, 5], PretrainedWeights: "data/weights/swin_t-704ceda3.pth",
        ComputeBackend.Cuda, Threads: null, Seed: 7);

    /// <summary>
    /// The paper's NYUD-v2 setting: the <see cref="Paper"/> recipe on NYUD-v2 (semseg, depth, normals, edges) with
    /// the paper's NYUD ranks [64,128,256,512].
    /// </summary>
    public static RunProfile PaperNyud { get; } = Paper with
    {
        Kind = ProfileKind.PaperNyud,
        Dataset = DatasetKind.NyudV2,
        DataRoot = "data/NYUDv2",
        LoraRanks = [64, 128, 256, 512],
    };

    /// <summary>The preset with the given kind.</summary>
    public static RunProfile For(ProfileKind kind) => kind switch
    {
        ProfileKind.Smoke => Smoke,
        ProfileKind.Quick => Quick,
        ProfileKind.Paper => Paper,
        ProfileKind.PaperNyud => PaperNyud,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown profile"),
    };

    /// <summary>
    /// The profile a notebook or command should use: <paramref name="overrideName"/> when given (a notebook's
    /// parameters cell), else the <c>ROBUMTL_PROFILE</c> environment variable, else <see cref="Quick"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not smoke, quick, paper or paper-nyud.</exception>
    public static RunProfile Resolve(string? overrideName = null)
    {
        var name = overrideName;
        var source = "the parameters cell";
        if (string.IsNullOrWhiteSpace(name))
        {
            name = Environment.GetEnvironmentVariable(EnvironmentVariable);
            source = $"the {EnvironmentVariable} environment variable";
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return Quick;
        }

        // "paper-nyud" and "paper_nyud" name PaperNyud as well.
        var trimmed = name.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return trimmed.Length > 0 && char.IsLetter(trimmed[0])
            && Enum.TryParse<ProfileKind>(trimmed, ignoreCase: true, out var kind)
            ? For(kind)
            : throw new ArgumentException(
                $"Profile '{name}' from {source} is not a profile; use one of: smoke, quick, paper, paper-nyud.",
                nameof(overrideName));
    }
}
