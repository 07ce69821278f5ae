namespace RobuMTL.Data.Augmentation;

/// <summary>Mirrors the sample left-right with probability <paramref name="Probability"/> (normal x negated).</summary>
/// <param name="Probability">Chance of flipping, 0..1.</param>
public sealed record HorizontalFlip(double Probability = 0.5) : ISampleTransform
{
    /// <inheritdoc />
    public MultiTaskSample Apply(MultiTaskSample sample, Random random) =>
        random.NextDouble() < Probability ? SampleGeometry.FlipHorizontal(sample) : sample;
}
