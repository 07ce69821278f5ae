using RobuMTL.Tasks;

namespace RobuMTL.Data;

/// <summary>How <see cref="MultiTaskBatchLoader"/> walks a dataset.</summary>
/// <param name="BatchSize">Samples per batch (B).</param>
/// <param name="Shuffle">Draw a new permutation each epoch (seeded by <paramref name="Seed"/> and the epoch).</param>
/// <param name="DropLast">Skip a final batch smaller than <paramref name="BatchSize"/>.</param>
/// <param name="Seed">Seeds the permutation and the per-sample transform seeds.</param>
/// <param name="Normalize">Apply ImageNet mean/std at collate.</param>
/// <param name="Tasks">Targets to collate; null takes every task the samples share.</param>
/// <param name="MaxParallelism">Threads preparing samples of a batch; null uses every core.</param>
public sealed record BatchLoaderOptions(
    int BatchSize,
    bool Shuffle = true,
    bool DropLast = true,
    int Seed = 0,
    bool Normalize = true,
    IReadOnlyCollection<TaskKind>? Tasks = null,
    int? MaxParallelism = null)
{
    /// <summary>Training: shuffled, last partial batch dropped.</summary>
    public static BatchLoaderOptions Train(int batchSize, int seed) => new(batchSize, Seed: seed);

    /// <summary>Evaluation: dataset order, every sample seen once.</summary>
    public static BatchLoaderOptions Eval(int batchSize) => new(batchSize, Shuffle: false, DropLast: false);

    /// <summary>Throws when a field is out of range.</summary>
    public BatchLoaderOptions Validate()
    {
        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "batch size must be at least 1");
        }

        if (MaxParallelism is < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxParallelism), MaxParallelism, "parallelism must be at least 1 (or null for all cores)");
        }

        return this;
    }
}
