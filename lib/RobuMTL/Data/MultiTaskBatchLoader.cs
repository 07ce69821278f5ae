namespace RobuMTL.Data;

/// <summary>
/// Iterates a dataset in batches: a seeded permutation per epoch, samples of a batch loaded and transformed
/// in parallel, then collated. The per-sample transform is where augmentations and weather effects plug in;
/// it receives a seed derived from (loader seed, epoch, position), so results do not depend on thread timing.
/// </summary>
public sealed class MultiTaskBatchLoader
{
    private readonly IMultiTaskDataset _dataset;
    private readonly Func<MultiTaskSample, int, MultiTaskSample>? _transform;

    /// <summary>Creates a loader.</summary>
    /// <param name="dataset">The samples.</param>
    /// <param name="options">Batch size, shuffling, seed.</param>
    /// <param name="transform">
    /// Optional per-sample transform (sample, seed) =&gt; sample, applied before collate, for example
    /// <see cref="SampleTransforms.AsFunc"/> of an augmentation pipeline, or a weather effect that also sets
    /// <see cref="MultiTaskSample.Condition"/>.
    /// </param>
    public MultiTaskBatchLoader(
        IMultiTaskDataset dataset,
        BatchLoaderOptions options,
        Func<MultiTaskSample, int, MultiTaskSample>? transform = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _dataset = dataset;
        Options = options.Validate();
        _transform = transform;
    }

    /// <summary>The options in use.</summary>
    public BatchLoaderOptions Options { get; }

    /// <summary>Number of batches per epoch.</summary>
    public int BatchesPerEpoch => Options.DropLast
        ? _dataset.Count / Options.BatchSize
        : (_dataset.Count + Options.BatchSize - 1) / Options.BatchSize;

    /// <summary>The sample order of epoch <paramref name="epoch"/>.</summary>
    public int[] Order(int epoch)
    {
        var order = Enumerable.Range(0, _dataset.Count).ToArray();
        if (Options.Shuffle)
        {
            new Random(MixSeed(Options.Seed, epoch, -1)).Shuffle(order);
        }

        return order;
    }

    /// <summary>
    /// The batches of one epoch, lazily: each is prepared when the consumer asks for it, and the consumer
    /// owns (disposes) it.
    /// </summary>
    public IEnumerable<MultiTaskBatch> Epoch(int epoch)
    {
        var order = Order(epoch);
        for (var b = 0; b < BatchesPerEpoch; b++)
        {
            var start = b * Options.BatchSize;
            var count = Math.Min(Options.BatchSize, order.Length - start);
            var samples = new MultiTaskSample[count];
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaxParallelism ?? -1 };
            Parallel.For(0, count, parallel, i =>
            {
                var sample = _dataset.Get(order[start + i]);
                samples[i] = _transform is null ? sample : _transform(sample, MixSeed(Options.Seed, epoch, start + i));
            });
            yield return MultiTaskBatch.Collate(samples, Options.Tasks, Options.Normalize);
        }
    }

    /// <summary>A well-spread 31-bit seed from three integers (SplitMix64 finaliser).</summary>
    internal static int MixSeed(int seed, int a, int b)
    {
        var z = ((ulong)(uint)seed << 32) ^ ((ulong)(uint)a * 0x9E3779B97F4A7C15UL) ^ (ulong)(uint)b;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
