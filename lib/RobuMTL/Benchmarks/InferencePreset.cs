namespace RobuMTL.Benchmarks;

/// <summary>The model sizes <see cref="InferenceBenchmarkOptions.For"/> builds.</summary>
public enum InferencePreset
{
    /// <summary>The quick profile's model (Swin-Nano, its ranks, all six scene tasks) at its 64 px.</summary>
    Quick,

    /// <summary>The paper's model (Swin-T, ranks [16, 32, 64, 128], task rank 4, PASCAL tasks) at 224 px.</summary>
    SwinTiny224,
}
