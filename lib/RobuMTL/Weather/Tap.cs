namespace RobuMTL.Weather;

/// <summary>One non-zero entry of a convolution kernel: out(x, y) += Weight * in(x + Dx, y + Dy).</summary>
internal readonly record struct Tap(int Dx, int Dy, float Weight);
