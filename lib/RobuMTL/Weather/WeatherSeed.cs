namespace RobuMTL.Weather;

/// <summary>
/// Derives independent per-image seeds from one run seed, so a batch gives the same pixels whatever thread or
/// order processes each image.
/// </summary>
public static class WeatherSeed
{
    /// <summary>The seed for item <paramref name="index"/> of a run seeded with <paramref name="seed"/>.</summary>
    public static int For(int seed, int index)
    {
        // SplitMix64 finaliser: neighbouring (seed, index) pairs give unrelated streams.
        var z = ((ulong)(uint)seed << 32) ^ (uint)index;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    /// <summary>A generator for item <paramref name="index"/> of a run seeded with <paramref name="seed"/>.</summary>
    public static Random RandomFor(int seed, int index) => new(For(seed, index));
}
