using System.Buffers.Binary;
using RobuMTL.Figures;

namespace RobuMTL.Tests.Figures;

public sealed class FigureExporterTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"figures-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void HtmlReferencesTheLocalPlotlyJsAndNoCdn()
    {
        var exporter = new FigureExporter(folder);

        var path = exporter.SaveHtml(RankScheduleFigure.Build(SyntheticResults.RankAblation()), "rank-schedule");
        exporter.SaveHtml(SpatialMixFigure.Build(SyntheticResults.Table()), "spatial-mix");

        var html = File.ReadAllText(path);
        Assert.Contains("<script src=\"plotly.min.js\"", html);
        Assert.DoesNotContain("cdn.plot.ly", html);
        Assert.DoesNotContain("https://", html);
        Assert.Contains("ranks 16-32-64-128", html);

        // One shared plotly.js beside the pages: the one Plotly.NET embeds.
        var scripts = Directory.GetFiles(folder, "*.js");
        var script = Assert.Single(scripts);
        Assert.Equal(FigureExportOptions.PlotlyScriptName, Path.GetFileName(script));
        Assert.Equal(FigureExporter.EmbeddedPlotlyJs().Script, File.ReadAllText(script));
        Assert.True(new FileInfo(script).Length > 1_000_000);
    }

    [Fact]
    public void RejectsNamesThatAreNotPlainFileStems()
    {
        var exporter = new FigureExporter(folder);

        Assert.Throws<ArgumentException>(() => exporter.SaveHtml(RankScheduleFigure.Build(SyntheticResults.RankAblation()), "../up"));
    }

    [Fact]
    public async Task MissingBrowserGivesTheInstallCommand()
    {
        var options = FigureExportOptions.Default with { BrowserPath = Path.Combine(folder, "no-chromium") };
        var exporter = new FigureExporter(folder, options);

        var error = await Assert.ThrowsAsync<FileNotFoundException>(
            () => exporter.RenderPngAsync(RankScheduleFigure.Build(SyntheticResults.RankAblation())));
        Assert.Contains("apt-get install chromium", error.Message);
        Assert.False(Directory.Exists(Path.Combine(folder, ".local-chromium")));
    }

    [Fact]
    public async Task PngHasTheSignatureAndTheLayoutSize()
    {
        var exporter = new FigureExporter(folder);
        if (!exporter.CanRenderPng)
        {
            return; // Needs /usr/bin/chromium (apt-get install chromium); nothing to check without it.
        }

        var chart = RankScheduleFigure.Build(SyntheticResults.RankAblation());
        var result = await exporter.ExportAsync(chart, "rank-schedule");

        var png = await File.ReadAllBytesAsync(result.PngPath!);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal(1100, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(650, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.True(png.Length > 10_000, $"PNG of {png.Length} bytes is suspiciously small");

        // The layout is restored after rendering, so the HTML written later keeps its pixel size.
        var html = File.ReadAllText(exporter.SaveHtml(chart, "again"));
        Assert.Contains("\"width\":1100", html);
    }
}
