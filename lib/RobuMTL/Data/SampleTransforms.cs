namespace RobuMTL.Data;

/// <summary>Composition helpers for <see cref="ISampleTransform"/> and the loader's per-sample hook.</summary>
public static class SampleTransforms
{
    /// <summary>Applies <paramref name="steps"/> in order with one shared random stream.</summary>
    public static ISampleTransform Compose(params ISampleTransform[] steps) => new Sequence(steps);

    /// <summary>The loader hook: (sample, seed) =&gt; transform.Apply(sample, new Random(seed)).</summary>
    public static Func<MultiTaskSample, int, MultiTaskSample> AsFunc(this ISampleTransform transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        return (sample, seed) => transform.Apply(sample, new Random(seed));
    }

    /// <summary>
    /// Chains two loader hooks (for example augmentation, then a weather effect); the second gets a seed
    /// derived from the first's, so the two draw independent random numbers.
    /// </summary>
    public static Func<MultiTaskSample, int, MultiTaskSample> Then(
        this Func<MultiTaskSample, int, MultiTaskSample> first, Func<MultiTaskSample, int, MultiTaskSample> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return (sample, seed) => second(first(sample, seed), MultiTaskBatchLoader.MixSeed(seed, 0x5EED, 1));
    }

    private sealed class Sequence(ISampleTransform[] steps) : ISampleTransform
    {
        public MultiTaskSample Apply(MultiTaskSample sample, Random random)
        {
            foreach (var step in steps)
            {
                sample = step.Apply(sample, random);
            }

            return sample;
        }
    }
}
