namespace RobuMTL.Data;

/// <summary>A dataset over samples already in memory (tests, notebooks, a cached subset).</summary>
public sealed class InMemoryDataset : IMultiTaskDataset
{
    private readonly IReadOnlyList<MultiTaskSample> _samples;

    /// <summary>Wraps <paramref name="samples"/> (not copied).</summary>
    public InMemoryDataset(DatasetInfo info, IReadOnlyList<MultiTaskSample> samples)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(samples);
        Info = info;
        _samples = samples;
    }

    /// <inheritdoc />
    public DatasetInfo Info { get; }

    /// <inheritdoc />
    public int Count => _samples.Count;

    /// <inheritdoc />
    public MultiTaskSample Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _samples[index];
    }
}
