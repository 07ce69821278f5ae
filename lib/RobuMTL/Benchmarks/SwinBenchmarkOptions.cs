using RobuMTL.Backbone;

namespace RobuMTL.Benchmarks;

/// <summary>What <see cref="SwinBenchmark"/> measures.</summary>
/// <param name="Swin">Architecture timed (Swin-T to compare with torchvision <c>swin_t</c>).</param>
/// <param name="ImageSize">Square input side in pixels.</param>
/// <param name="Batch">Images per step.</param>
/// <param name="Threads">libtorch CPU threads (the PyTorch reference must use the same).</param>
/// <param name="WarmupSteps">Untimed steps first (allocator and kernel selection settle).</param>
/// <param name="Steps">Timed steps; the median is reported.</param>
/// <param name="Seed">Seeds weights and inputs.</param>
public sealed record SwinBenchmarkOptions(
    SwinConfig Swin, int ImageSize, int Batch, int Threads, int WarmupSteps, int Steps, int Seed = 1)
{
    /// <summary>The comparison: Swin-T (1000 classes) at 224 px, batch 8, 2 threads, 1 + 3 steps.</summary>
    public static SwinBenchmarkOptions SwinTiny224 { get; } =
        new(SwinConfig.Tiny with { NumClasses = 1000 }, 224, 8, 2, 1, 3);

    /// <summary>The memory check: Nano at 64 px, batch 8, 100 training steps.</summary>
    public static SwinBenchmarkOptions NanoMemory { get; } =
        new(SwinConfig.Nano with { NumClasses = 10 }, 64, 8, 2, 0, 100);

    /// <summary>Throws one clear error for the first invalid field.</summary>
    public void Validate()
    {
        Swin.Validate();
        if (Swin.NumClasses < 1)
        {
            throw new ArgumentException("SwinBenchmarkOptions: Swin.NumClasses must be positive (the step "
                + "trains the classifier like torchvision's swin_t).");
        }

        if (ImageSize < Swin.PatchSize || Batch < 1 || Threads < 1 || WarmupSteps < 0 || Steps < 1)
        {
            throw new ArgumentException($"SwinBenchmarkOptions: ImageSize ({ImageSize}) must be at least a patch, "
                + $"Batch ({Batch}), Threads ({Threads}) and Steps ({Steps}) at least 1, WarmupSteps "
                + $"({WarmupSteps}) not negative.");
        }
    }
}
