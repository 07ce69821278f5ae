using RobuMTL.Weather;

namespace RobuMTL.Fusion;

/// <summary>Maps a condition to its expert's position in a bank order, with one clear error when absent.</summary>
internal static class ExpertIndex
{
    public static int Of(IReadOnlyList<WeatherCondition> experts, WeatherCondition condition, string owner)
    {
        for (var e = 0; e < experts.Count; e++)
        {
            if (experts[e] == condition)
            {
                return e;
            }
        }

        throw new ArgumentException(
            $"{owner}: no expert for condition {condition}; experts are [{string.Join(", ", experts)}].",
            nameof(condition));
    }
}
