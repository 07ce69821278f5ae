namespace RobuMTL.Weather;

/// <summary>How the conditions of a <see cref="WeatherRecipe"/> are combined.</summary>
public enum WeatherComposition
{
    /// <summary>One condition over the whole image.</summary>
    Single = 0,

    /// <summary>The conditions applied one after another to the whole image (rain, then fog, then noise).</summary>
    Sequence = 1,

    /// <summary>Each condition in its own soft region: the effects' outputs blended by smooth random masks.</summary>
    Spatial = 2,
}
