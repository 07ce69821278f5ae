namespace RobuMTL.Weather;

/// <summary>
/// A small SplitMix64 generator for per-pixel draws (salt maps, sensor noise). It is seeded from the caller's
/// <see cref="Random"/>, so results stay a pure function of that generator's state.
/// </summary>
internal struct FastRandom
{
    private ulong _state;
    private float _spare;
    private bool _hasSpare;

    public FastRandom(Random seedSource)
    {
        _state = (ulong)seedSource.NextInt64();
        _spare = 0;
        _hasSpare = false;
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 24 bits.</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <summary>Uniform in [0, 1) with 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal (Box-Muller, both values used).</summary>
    public float NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        var u1 = 1f - NextFloat();
        var radius = MathF.Sqrt(-2f * MathF.Log(u1));
        var (sin, cos) = MathF.SinCos(2f * MathF.PI * NextFloat());
        _spare = radius * sin;
        _hasSpare = true;
        return radius * cos;
    }
}
