namespace RobuMTL.Figures;

/// <summary>How <see cref="FigureExporter"/> writes figures.</summary>
/// <param name="BrowserPath">Local Chromium used for PNG rendering; never downloaded.</param>
/// <param name="BrowserArguments">Flags that let Chromium run headless in containers without a GPU.</param>
/// <param name="DefaultWidth">PNG width in pixels when the figure's layout sets none.</param>
/// <param name="DefaultHeight">PNG height in pixels when the figure's layout sets none.</param>
/// <param name="Scale">PNG pixel density (2 doubles the resolution at the same layout).</param>
/// <param name="RenderTimeout">Longest wait for one PNG before giving up.</param>
public sealed record FigureExportOptions(
    string BrowserPath,
    IReadOnlyList<string> BrowserArguments,
    int DefaultWidth,
    int DefaultHeight,
    double Scale,
    TimeSpan RenderTimeout)
{
    /// <summary>The file name of the one local plotly.js copy the HTML files share.</summary>
    public const string PlotlyScriptName = "plotly.min.js";

    /// <summary>Debian's chromium package, sandbox and GPU off, 1100x700 at scale 1, one minute per image.</summary>
    public static FigureExportOptions Default { get; } = new(
        "/usr/bin/chromium",
        ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        DefaultWidth: 1100,
        DefaultHeight: 700,
        Scale: 1.0,
        RenderTimeout: TimeSpan.FromMinutes(1));
}
