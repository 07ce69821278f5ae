using RobuMTL.Weather;

namespace RobuMTL.Model;

/// <summary>Which experts a forward pass uses. Ignored by variants without experts.</summary>
/// <param name="Mode">Selector, oracle, a fixed expert or all experts uniformly.</param>
/// <param name="K">
/// Experts kept per image in <see cref="RoutingMode.Selector"/> mode (paper: 1 single, 6 mixed).
/// </param>
/// <param name="Expert">The expert of <see cref="RoutingMode.Fixed"/> mode.</param>
public sealed record RoutingPolicy(RoutingMode Mode, int K = 1, WeatherCondition? Expert = null)
{
    /// <summary>The selector's top-1 expert.</summary>
    public static RoutingPolicy Top1 { get; } = new(RoutingMode.Selector, 1);

    /// <summary>The true condition's expert.</summary>
    public static RoutingPolicy Oracle { get; } = new(RoutingMode.Oracle);

    /// <summary>Every expert weighted 1/E, without the selector.</summary>
    public static RoutingPolicy Uniform { get; } = new(RoutingMode.Uniform);

    /// <summary>The selector's top <paramref name="k"/> experts.</summary>
    public static RoutingPolicy TopK(int k) => new(RoutingMode.Selector, k);

    /// <summary>Always the expert of <paramref name="condition"/>.</summary>
    public static RoutingPolicy Fixed(WeatherCondition condition) => new(RoutingMode.Fixed, 1, condition);

    /// <summary>Short label for tables: "top-1", "top-6", "oracle", "uniform", "fixed:Rain".</summary>
    public override string ToString() => Mode switch
    {
        RoutingMode.Selector => $"top-{K}",
        RoutingMode.Oracle => "oracle",
        RoutingMode.Uniform => "uniform",
        _ => $"fixed:{Expert}",
    };
}
