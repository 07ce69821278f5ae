namespace RobuMTL.Weather;

/// <summary>One image file processed by <see cref="WeatherFileJob"/>.</summary>
/// <param name="InputPath">The source file.</param>
/// <param name="OutputPath">The file written (same name and format, in the output folder).</param>
/// <param name="Conditions">Conditions applied.</param>
/// <param name="Weights">Each condition's share (see <see cref="PerturbedImage.Weights"/>).</param>
/// <param name="Severity">Severity used.</param>
public sealed record WeatherFileResult(
    string InputPath,
    string OutputPath,
    IReadOnlyList<WeatherCondition> Conditions,
    IReadOnlyList<double> Weights,
    WeatherSeverity Severity);
