namespace RobuMTL.Data.Augmentation;

/// <summary>Resizes every sample to a fixed size (the benchmark's FixedResize), per-map interpolation.</summary>
/// <param name="Width">Output width.</param>
/// <param name="Height">Output height.</param>
public sealed record Resize(int Width, int Height) : ISampleTransform
{
    /// <summary>A square resize.</summary>
    public Resize(int size)
        : this(size, size)
    {
    }

    /// <inheritdoc />
    public MultiTaskSample Apply(MultiTaskSample sample, Random random) =>
        SampleGeometry.Resize(sample, Width, Height);
}
