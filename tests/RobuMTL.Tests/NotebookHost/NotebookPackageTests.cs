using RobuMTL.NotebookHost;

namespace RobuMTL.Tests.NotebookHost;

/// <summary>
/// <c>#r "nuget:..."</c> of a pinned package restores from the local NuGet cache (no network needed once the
/// solution has been restored) and loads the kernel extension the package ships.
/// </summary>
[Collection(NotebookHostCollection.Name)]
public sealed class NotebookPackageTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("robumtl-notebook-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task PlotlyInteractiveFromTheCacheFormatsAChartAsPlotlyHtml()
    {
        var path = TestNotebook.Write(folder, "01-plotly.ipynb",
            ("code", $"#r \"nuget: Plotly.NET.Interactive, {BuildInfo.PlotlyNetInteractiveVersion}\""),
            ("code", "using Plotly.NET;\nvar trace = new Trace2D(\"scatter\");\n" +
                "trace.SetProperty(\"y\", new[] { 1, 3, 2 });\nGenericChart.ofTraceObject(true, trace)"));

        var result = await new NotebookRunner().RunAsync(path);

        Assert.True(result.Succeeded, result.Failure?.ToString());
        var chart = TestNotebook.Outputs(path)[1].Single(o => (string?)o!["output_type"] == "execute_result")!;
        var html = string.Concat(chart["data"]!["text/html"]!.AsArray().Select(l => (string?)l));

        // The extension's formatter draws with plotly.js; the default formatter would print the object tree.
        Assert.Contains("renderPlotly", html, StringComparison.Ordinal);
        Assert.Contains("\"y\":[1,3,2]", html, StringComparison.Ordinal);
    }
}
