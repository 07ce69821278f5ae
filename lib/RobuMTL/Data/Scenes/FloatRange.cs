namespace RobuMTL.Data.Scenes;

/// <summary>A closed interval [Min, Max] that a random value is drawn from uniformly.</summary>
/// <param name="Min">Lower bound.</param>
/// <param name="Max">Upper bound (at least <paramref name="Min"/>).</param>
public readonly record struct FloatRange(float Min, float Max)
{
    /// <summary>A uniform draw from the interval.</summary>
    public float Sample(Random random) => Min + ((Max - Min) * random.NextSingle());
}
