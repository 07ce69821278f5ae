namespace RobuMTL.Training;

/// <summary>
/// Deterministic shuffles that depend only on (seed, epoch), so a resumed phase sees the same order as an
/// uninterrupted one. Uses its own SplitMix64 generator rather than <see cref="Random"/>, whose sequence
/// is not promised to stay the same across .NET versions.
/// </summary>
public static class DataOrder
{
    /// <summary>A permutation of 0..count-1 for the given seed and epoch (Fisher-Yates).</summary>
    public static int[] Permutation(int count, int seed, int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        var state = unchecked(((ulong)(uint)seed << 32) ^ (uint)epoch ^ 0x5DEECE66DUL);
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)(Next(ref state) % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    /// <summary>
    /// The epoch's shuffled indices cut into batches of <paramref name="batchSize"/>; a last partial batch is
    /// dropped, so every epoch has <c>count / batchSize</c> batches of equal size.
    /// </summary>
    public static IReadOnlyList<int[]> Batches(int count, int batchSize, int seed, int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var order = Permutation(count, seed, epoch);
        return [.. order.Chunk(batchSize).Where(b => b.Length == batchSize)];
    }

    private static ulong Next(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
