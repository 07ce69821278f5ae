using RobuMTL.Weather;

namespace RobuMTL.Data.Datasets;

/// <summary>
/// The four adverse conditions ACDC records; each names its folder under <c>rgb_anon/</c> and <c>gt/</c>
/// (in lower case). Fog, rain and snow match a <see cref="WeatherCondition"/>; night has no synthetic
/// counterpart.
/// </summary>
public enum AcdcCondition
{
    /// <summary>Folder <c>fog</c>.</summary>
    Fog,

    /// <summary>Folder <c>night</c>.</summary>
    Night,

    /// <summary>Folder <c>rain</c>.</summary>
    Rain,

    /// <summary>Folder <c>snow</c>.</summary>
    Snow,
}
