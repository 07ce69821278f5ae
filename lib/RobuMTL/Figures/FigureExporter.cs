using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.ImageExport;

namespace RobuMTL.Figures;

/// <summary>
/// Writes figures as offline HTML (sharing one local <c>plotly.min.js</c> through a relative script tag, no CDN)
/// and as PNG rendered by the local Chromium through Plotly.NET.ImageExport; also gives base64 PNGs for notebooks
/// that must display without network.
/// </summary>
public sealed partial class FigureExporter
{
    // The renderer's launch options are process-wide statics of Plotly.NET.ImageExport; one render at a time.
    private static readonly SemaphoreSlim RenderGate = new(1, 1);

    private static readonly Lazy<(string ResourceName, string Script)> PlotlyJs = new(ReadEmbeddedPlotlyJs);

    private readonly FigureExportOptions options;
    private readonly ILogger<FigureExporter> logger;

    /// <summary>An exporter writing into <paramref name="outputDirectory"/> (created on demand).</summary>
    public FigureExporter(
        string outputDirectory,
        FigureExportOptions? options = null,
        ILogger<FigureExporter>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        OutputDirectory = Path.GetFullPath(outputDirectory);
        this.options = options ?? FigureExportOptions.Default;
        this.logger = logger ?? NullLogger<FigureExporter>.Instance;
    }

    /// <summary>The folder receiving the files.</summary>
    public string OutputDirectory { get; }

    /// <summary>Whether the configured Chromium exists, i.e. whether PNG export can work here.</summary>
    public bool CanRenderPng => File.Exists(options.BrowserPath);

    /// <summary>The plotly.js that Plotly.NET embeds (its full offline copy), as a file name and its text.</summary>
    public static (string ResourceName, string Script) EmbeddedPlotlyJs() => PlotlyJs.Value;

    private static (string ResourceName, string Script) ReadEmbeddedPlotlyJs()
    {
        var assembly = typeof(GenericChart).Assembly;
        var resource = assembly.GetManifestResourceNames()
            .SingleOrDefault(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js"))
            ?? throw new InvalidOperationException(
                $"Plotly.NET {BuildInfo.PlotlyNetVersion} carries no embedded plotly.js; offline HTML cannot be written.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return (resource, reader.ReadToEnd());
    }

    /// <summary>Writes <c>plotly.min.js</c> into the output folder unless an identical copy is there; returns its path.</summary>
    public string EnsurePlotlyScript()
    {
        Directory.CreateDirectory(OutputDirectory);
        var path = Path.Combine(OutputDirectory, FigureExportOptions.PlotlyScriptName);
        var (resource, script) = EmbeddedPlotlyJs();
        var upToDate = File.Exists(path)
            && new FileInfo(path).Length == System.Text.Encoding.UTF8.GetByteCount(script)
            && File.ReadAllText(path) == script;
        if (!upToDate)
        {
            File.WriteAllText(path, script);
            logger.LogInformation("Wrote {Resource} to {Path}", resource, path);
        }

        return path;
    }

    /// <summary>
    /// Writes <c>&lt;name&gt;.html</c> referencing the local plotly.js by a relative path; works offline when the
    /// folder is copied as a whole.
    /// </summary>
    public string SaveHtml(GenericChart chart, string name)
    {
        ArgumentNullException.ThrowIfNull(chart);
        CheckName(name);
        EnsurePlotlyScript();
        var local = WithDisplayOptions(chart, name, PlotlyJSReference.NewCDN(FigureExportOptions.PlotlyScriptName));
        var path = Path.Combine(OutputDirectory, name + ".html");
        File.WriteAllText(path, GenericChart.toEmbeddedHTML(local));
        return path;
    }

    /// <summary>Renders the figure to PNG bytes with the local Chromium, at the layout's size when it sets one.</summary>
    /// <exception cref="FileNotFoundException">Chromium is missing; the message names the fix.</exception>
    /// <exception cref="TimeoutException">Rendering took longer than <see cref="FigureExportOptions.RenderTimeout"/>.</exception>
    public async Task<byte[]> RenderPngAsync(GenericChart chart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (!CanRenderPng)
        {
            throw new FileNotFoundException(
                $"PNG export needs Chromium at '{options.BrowserPath}', which does not exist. Install it with "
                + "'apt-get install chromium' (or set FigureExportOptions.BrowserPath); the exporter never downloads "
                + "a browser.",
                options.BrowserPath);
        }

        var layout = GenericChart.getLayout(chart);
        var width = LayoutPixels(layout, "width") ?? options.DefaultWidth;
        var height = LayoutPixels(layout, "height") ?? options.DefaultHeight;

        // Inline plotly.js: the page is loaded from a string, so neither a relative file nor a CDN would resolve.
        var inline = WithDisplayOptions(chart, "figure", PlotlyJSReference.Full);
        await RenderGate.WaitAsync(cancellationToken);
        try
        {
            var launch = PuppeteerSharpRendererOptions.launchOptions;
            launch.Headless = true;
            launch.Args = [.. options.BrowserArguments];
            PuppeteerSharpRendererOptions.localBrowserExecutablePath = FSharpOption<string>.Some(options.BrowserPath);
            IGenericChartRenderer renderer = new PuppeteerSharpRenderer();
            var dataUri = await renderer.RenderPNGAsync(width, height, options.Scale, inline)
                .WaitAsync(options.RenderTimeout, cancellationToken);
            return Convert.FromBase64String(dataUri[(dataUri.IndexOf(',', StringComparison.Ordinal) + 1)..]);
        }
        finally
        {
            // The renderer sets the shared layout to 100% width and height for its full-page view; undo that.
            layout.SetProperty("width", width);
            layout.SetProperty("height", height);
            RenderGate.Release();
        }
    }

    /// <summary>Writes <c>&lt;name&gt;.png</c>; returns its path.</summary>
    public async Task<string> SavePngAsync(GenericChart chart, string name, CancellationToken cancellationToken = default)
    {
        CheckName(name);
        var bytes = await RenderPngAsync(chart, cancellationToken);
        Directory.CreateDirectory(OutputDirectory);
        var path = Path.Combine(OutputDirectory, name + ".png");
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        return path;
    }

    /// <summary>The PNG as base64 (no data-URI prefix), for an <c>&lt;img&gt;</c> in a notebook without network.</summary>
    public async Task<string> ToBase64PngAsync(GenericChart chart, CancellationToken cancellationToken = default) =>
        Convert.ToBase64String(await RenderPngAsync(chart, cancellationToken));

    /// <summary>Writes the HTML and, when <paramref name="png"/> is set, the PNG; reports the time of each.</summary>
    public async Task<FigureExportResult> ExportAsync(
        GenericChart chart,
        string name,
        bool png = true,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var html = SaveHtml(chart, name);
        var htmlTime = clock.Elapsed;
        string? pngPath = null;
        var pngTime = TimeSpan.Zero;
        if (png)
        {
            clock.Restart();
            pngPath = await SavePngAsync(chart, name, cancellationToken);
            pngTime = clock.Elapsed;
        }

        logger.LogInformation(
            "Figure {Name}: HTML {HtmlMs:F0} ms, PNG {PngMs:F0} ms", name, htmlTime.TotalMilliseconds, pngTime.TotalMilliseconds);
        return new FigureExportResult(name, html, pngPath, htmlTime, pngTime);
    }

    private static GenericChart WithDisplayOptions(GenericChart chart, string title, PlotlyJSReference reference)
    {
        var display = DisplayOptions.init(
            FSharpOption<string>.Some(title), null, null, null, null, null, FSharpOption<PlotlyJSReference>.Some(reference));
        return GenericChart.setDisplayOptions(display, chart);
    }

    private static int? LayoutPixels(Layout layout, string key)
    {
        var value = layout.TryGetPropertyValue(key);
        return FSharpOption<object>.get_IsSome(value) && value.Value is int pixels ? pixels : null;
    }

    private static void CheckName(string name)
    {
        if (!FileStem().IsMatch(name ?? ""))
        {
            throw new ArgumentException(
                $"figure name '{name}' must be lower-case letters, digits and dashes (it becomes <name>.html/.png)",
                nameof(name));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex FileStem();
}
