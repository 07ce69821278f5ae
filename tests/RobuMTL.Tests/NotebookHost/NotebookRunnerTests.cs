using System.Text.Json.Nodes;
using RobuMTL.NotebookHost;

namespace RobuMTL.Tests.NotebookHost;

/// <summary>
/// Runs tiny notebooks through the headless runner. The runner changes the process's working directory and
/// environment for the length of a run, so these tests run alone (see <see cref="NotebookHostCollection"/>).
/// </summary>
[Collection(NotebookHostCollection.Name)]
public sealed class NotebookRunnerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("robumtl-notebook-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task RunsGoodCellsInTheNotebookFolderAndWritesTheirOutputs()
    {
        var path = TestNotebook.Write(folder, "01-good.ipynb",
            ("markdown", "# A tiny notebook"),
            ("code", "var answer = 6 * 7;\nConsole.WriteLine($\"answer {answer}\");"),
            ("code", "Console.WriteLine(System.IO.Directory.GetCurrentDirectory());\n" +
                "Console.WriteLine(Environment.GetEnvironmentVariable(\"ROBUMTL_TEST_PARAMETER\"));\n" +
                "answer + 1"));
        var output = Path.Combine(folder, "out", "01-good.ipynb");
        var progress = new List<CellProgress>();
        var before = Directory.GetCurrentDirectory();

        var result = await new NotebookRunner().RunAsync(
            path,
            new NotebookRunOptions(
                output, new Dictionary<string, string?> { ["ROBUMTL_TEST_PARAMETER"] = "smoke" }),
            new ListProgress(progress));

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal([1, 2], result.Cells.Select(c => c.CellIndex));
        Assert.Equal(before, Directory.GetCurrentDirectory());
        Assert.Null(Environment.GetEnvironmentVariable("ROBUMTL_TEST_PARAMETER"));
        Assert.Equal(
            [(0, CellPhase.Skipped), (1, CellPhase.Started), (1, CellPhase.Succeeded), (2, CellPhase.Started),
                (2, CellPhase.Succeeded)],
            progress.Select(p => (p.CellIndex, p.Phase)));

        var outputs = TestNotebook.Outputs(output);
        Assert.Empty(outputs[0]);
        Assert.Equal("answer 42\n", Text(outputs[1]));
        Assert.Equal($"{folder}\nsmoke\n", Text(outputs[2]));
        var returned = outputs[2].Single(o => (string?)o!["output_type"] == "execute_result")!;
        Assert.Contains("43", returned["data"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.All(TestNotebook.Outputs(path), o => Assert.Empty(o));
    }

    [Fact]
    public async Task StopsAtACompileErrorNamingTheCellLineAndError()
    {
        var path = TestNotebook.Write(folder, "02-broken.ipynb",
            ("code", "var ok = 1;"),
            ("markdown", "The next cell does not compile."),
            ("code", "var fine = 2;\nint broken = \"text\";\nConsole.WriteLine(broken);"),
            ("code", "Console.WriteLine(\"never runs\");"));

        var result = await new NotebookRunner().RunAsync(path);

        Assert.False(result.Succeeded);
        var failure = result.Failure!;
        Assert.Equal(2, failure.CellIndex);
        Assert.Equal(2, failure.Line);
        Assert.Equal("int broken = \"text\";", failure.SourceLine);
        Assert.Contains("CS0029", failure.Message, StringComparison.Ordinal);
        Assert.Equal([0, 2], result.Cells.Select(c => c.CellIndex));

        var outputs = TestNotebook.Outputs(path);
        Assert.Contains("CS0029", outputs[2].Single(o => (string?)o!["output_type"] == "error")!.ToJsonString(),
            StringComparison.Ordinal);
        Assert.Empty(outputs[3]);
    }

    [Fact]
    public async Task StopsAtAnExceptionNamingTheCellAndItsInnerCause()
    {
        var path = TestNotebook.Write(folder, "03-throws.ipynb",
            ("code", "Console.WriteLine(\"before\");\n" +
                "var cause = new System.IO.FileNotFoundException(\"weights.pt is missing\");\n" +
                "throw new InvalidOperationException(\"outer\", cause);"));

        var result = await new NotebookRunner().RunAsync(path, new NotebookRunOptions(WriteOutput: false));

        Assert.Equal(0, result.Failure!.CellIndex);
        Assert.Contains("InvalidOperationException: outer", result.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("weights.pt is missing", result.Failure.Message, StringComparison.Ordinal);
        Assert.Null(result.OutputPath);
        Assert.Null(result.Failure.Line);
        Assert.Equal("Console.WriteLine(\"before\");", result.Failure.SourceLine);
    }

    [Fact]
    public async Task RejectsAFileThatIsNotANotebookNamingIt()
    {
        var path = Path.Combine(folder, "04-not-json.ipynb");
        await File.WriteAllTextAsync(path, "this is not json");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new NotebookRunner().RunAsync(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestoresAPinnedPackageFromTheCacheAndLoadsItsChartFormatter()
    {
        // #r "nuget:" restores from the local NuGet cache (no network once the solution is restored), and
        // the kernel extension Plotly.NET.Interactive ships must format the chart.
        var path = TestNotebook.Write(folder, "05-plotly.ipynb",
            ("code", $"#r \"nuget: Plotly.NET.Interactive, {BuildInfo.PlotlyNetInteractiveVersion}\""),
            ("code", "using Plotly.NET;\nvar trace = new Trace2D(\"scatter\");\n" +
                "trace.SetProperty(\"y\", new[] { 1, 3, 2 });\nGenericChart.ofTraceObject(true, trace)"));

        var html = await RunAndReadHtmlResultAsync(path, cellIndex: 1);

        // The extension draws with plotly.js; the default formatter would print the object tree.
        Assert.Contains("renderPlotly", html, StringComparison.Ordinal);
        Assert.Contains("\"y\":[1,3,2]", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestoresThePinnedDataFrameLibraryAndFormatsADataFrameAsAnHtmlTable()
    {
        // Microsoft.Data.Analysis ships a kernel extension that draws a DataFrame as a table with an index
        // column; without it the kernel would list the DataFrame's properties (Columns, Rows) instead.
        var path = TestNotebook.Write(folder, "06-dataframe.ipynb",
            ("code", $"#r \"nuget: Microsoft.Data.Analysis, {BuildInfo.DataAnalysisVersion}\""),
            ("code", "using Microsoft.Data.Analysis;\n" +
                "new DataFrame(\n" +
                "    new StringDataFrameColumn(\"Condition\", new[] { \"rain\", \"fog\" }),\n" +
                "    new DoubleDataFrameColumn(\"Contrast\", new[] { 0.125, 0.0625 }))"));

        var html = await RunAndReadHtmlResultAsync(path, cellIndex: 1);

        // The extension's table carries a paging id and one row per DataFrame row under the column names.
        Assert.Contains("<table id=\"table_", html, StringComparison.Ordinal);
        Assert.Contains("<th><i>index</i></th><th>Condition</th><th>Contrast</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>rain</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>fog</td>", html, StringComparison.Ordinal);
        Assert.Contains("<pre>0.0625</pre>", html, StringComparison.Ordinal);
    }

    /// <summary>Runs a notebook that must succeed and returns the HTML its cell's result displayed.</summary>
    private static async Task<string> RunAndReadHtmlResultAsync(string path, int cellIndex)
    {
        var result = await new NotebookRunner().RunAsync(path);

        Assert.True(result.Succeeded, result.Failure?.ToString());
        var returned = TestNotebook.Outputs(path)[cellIndex]
            .Single(o => (string?)o!["output_type"] == "execute_result")!;
        return string.Concat(returned["data"]!["text/html"]!.AsArray().Select(l => (string?)l));
    }

    private static string Text(JsonArray outputs) => string.Concat(outputs
        .Where(o => (string?)o!["output_type"] == "stream")
        .SelectMany(o => o!["text"]!.AsArray().Select(t => (string?)t)));

    private sealed class ListProgress(List<CellProgress> list) : IProgress<CellProgress>
    {
        public void Report(CellProgress value) => list.Add(value);
    }
}
