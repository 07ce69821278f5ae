namespace RobuMTL.Figures;

/// <summary>What <see cref="FigureExporter.ExportAsync"/> wrote and how long it took.</summary>
/// <param name="Name">The figure's file stem.</param>
/// <param name="HtmlPath">The interactive HTML file.</param>
/// <param name="PngPath">The rendered PNG; null when PNG export was not requested.</param>
/// <param name="HtmlTime">Time to write the HTML.</param>
/// <param name="PngTime">Time to render and write the PNG (browser start included); zero without PNG.</param>
public sealed record FigureExportResult(
    string Name,
    string HtmlPath,
    string? PngPath,
    TimeSpan HtmlTime,
    TimeSpan PngTime);
