namespace RobuMTL.Data;

/// <summary>
/// A random transform of a whole sample (image and every label kept in register). Implementations draw all
/// randomness from the given <see cref="Random"/> in <see cref="Apply"/>, and return a new sample.
/// </summary>
public interface ISampleTransform
{
    /// <summary>Transforms <paramref name="sample"/> using <paramref name="random"/>.</summary>
    MultiTaskSample Apply(MultiTaskSample sample, Random random);
}
