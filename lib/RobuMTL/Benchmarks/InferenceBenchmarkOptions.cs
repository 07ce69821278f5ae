using RobuMTL.Adapters;
using RobuMTL.Backbone;
using RobuMTL.Core;
using RobuMTL.Data;
using RobuMTL.Data.Datasets;
using RobuMTL.Data.Scenes;
using RobuMTL.Model;
using RobuMTL.Tasks;

namespace RobuMTL.Benchmarks;

/// <summary>What <see cref="InferenceBenchmark"/> times: one model shape, built as plain MTL and as RobuMTL.</summary>
/// <param name="Swin">Backbone architecture, shared by both models.</param>
/// <param name="Lora">RobuMTL's expert ranks; a non-zero task rank adds task-specific adapters.</param>
/// <param name="Tasks">Tasks predicted (one decoder head each, and one stream each where task adapters exist).</param>
/// <param name="SemanticClasses">Classes of semantic segmentation.</param>
/// <param name="DecoderWidthRatio">Decoder hidden width per projection channel, as the run profile's.</param>
/// <param name="ImageSize">Square input side in pixels.</param>
/// <param name="Batch">
/// Images per forward. 1 by default: a merged expert is shared by the whole batch, so a batch of more repeats one
/// image (every row then selects the same experts).
/// </param>
/// <param name="Threads">
/// libtorch CPU threads. The presets use 1: on the shared 2-core machine a second thread that waits at every
/// operation for a busy core made single forwards up to 100 times slower and the medians meaningless.
/// </param>
/// <param name="WarmupSteps">Untimed forwards of every path first (allocator and kernel selection settle).</param>
/// <param name="Steps">Timed forwards of every path; the paths take turns, so machine noise hits them alike.</param>
/// <param name="Seed">Seeds the weights and the input.</param>
public sealed record InferenceBenchmarkOptions(
    SwinConfig Swin,
    LoraConfig Lora,
    IReadOnlyList<TaskKind> Tasks,
    int SemanticClasses,
    int DecoderWidthRatio,
    int ImageSize,
    int Batch,
    int Threads,
    int WarmupSteps,
    int Steps,
    int Seed = 1)
{
    /// <summary>The quick profile's model at its image size (64 px), batch 1, 1 thread, 10 + 100 steps.</summary>
    public static InferenceBenchmarkOptions Quick { get; } =
        ForProfile(RunProfile.Quick, SceneGenerator.Info) with { WarmupSteps = 10, Steps = 100 };

    /// <summary>
    /// Swin-T with the paper's PASCAL-Context adapters (ranks [16, 32, 64, 128], task rank 4) and its four tasks
    /// (as <see cref="PascalContextDataset"/>) at 224 px, batch 1, 1 thread, 2 + 20 steps.
    /// </summary>
    public static InferenceBenchmarkOptions SwinTiny224 { get; } = new(
        SwinConfig.Tiny, LoraConfig.PascalContext,
        [TaskKind.SemanticSegmentation, TaskKind.HumanParts, TaskKind.Saliency, TaskKind.Normals],
        PascalContextDataset.ClassNames.Count, DecoderWidthRatio: 4, ImageSize: 224, Batch: 1, Threads: 1,
        WarmupSteps: 2, Steps: 20);

    /// <summary>The options of <paramref name="preset"/>.</summary>
    public static InferenceBenchmarkOptions For(InferencePreset preset) => preset switch
    {
        InferencePreset.Quick => Quick,
        InferencePreset.SwinTiny224 => SwinTiny224,
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "unknown inference benchmark preset"),
    };

    /// <summary>
    /// The model of <paramref name="profile"/> on data like <paramref name="info"/>, built as
    /// <c>WorkbookSession.ModelConfig</c> builds it, at the profile's image size; batch 1, 1 thread, 5 + 50 steps.
    /// </summary>
    public static InferenceBenchmarkOptions ForProfile(RunProfile profile, DatasetInfo info) => new(
        SwinConfig.FromPreset(profile.Backbone),
        LoraConfig.PascalContext with { Ranks = profile.LoraRanks, TaskRank = profile.TaskLoraRank },
        info.Tasks, info.SemanticClasses, profile.DecoderWidthRatio, profile.ImageSize, Batch: 1, Threads: 1,
        WarmupSteps: 5, Steps: 50);

    /// <summary>The configuration of <paramref name="variant"/> in this shape (same backbone and heads).</summary>
    public RobuMtlModelConfig ModelConfig(ModelVariant variant) => RobuMtlModelConfig.Create(
        variant, Swin, Lora, Tasks, SemanticClasses, decoderWidthRatio: DecoderWidthRatio);

    /// <summary>Throws one clear error for the first invalid field.</summary>
    public void Validate()
    {
        Swin.Validate();
        Lora.Validate(Swin.StageCount);
        if (ImageSize < Swin.PatchSize || Batch < 1 || Threads < 1 || WarmupSteps < 0 || Steps < 1)
        {
            throw new ArgumentException($"InferenceBenchmarkOptions: ImageSize ({ImageSize}) must be at least a "
                + $"patch ({Swin.PatchSize} px), Batch ({Batch}), Threads ({Threads}) and Steps ({Steps}) at least "
                + $"1, WarmupSteps ({WarmupSteps}) not negative.");
        }
    }
}
