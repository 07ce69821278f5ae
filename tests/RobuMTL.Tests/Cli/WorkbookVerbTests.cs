using System.CommandLine;
using RobuMTL.Cli.Verbs;
using RobuMTL.Tests.NotebookHost;
using Spectre.Console;

namespace RobuMTL.Tests.Cli;

/// <summary>
/// Notebook selection, and whole runs of the verb in-process on tiny notebook folders. A run starts a kernel,
/// changes the working directory and swaps the global Spectre console, so the class runs alone.
/// </summary>
[Collection(NotebookHostCollection.Name)]
public sealed class WorkbookVerbTests
{
    private static readonly string[] All =
        ["/w/notebooks/00-setup.ipynb", "/w/notebooks/01-scenes.ipynb", "/w/notebooks/02-weather.ipynb",
            "/w/notebooks/10-paper.ipynb"];

    [Theory]
    [InlineData("00-setup", "00-setup")]
    [InlineData("01-scenes.ipynb", "01-scenes")]
    [InlineData("02", "02-weather")]
    [InlineData("0[12]-*", "01-scenes,02-weather")]
    [InlineData("*-setup,10", "00-setup,10-paper")]
    [InlineData("10, 00", "00-setup,10-paper")]
    public void SelectsNotebooksByNameNumberOrGlobInRunOrder(string pattern, string expected)
    {
        var selected = WorkbookVerb.Select(All, [pattern]);

        Assert.Equal(expected, string.Join(",", selected.Select(Path.GetFileNameWithoutExtension)));
    }

    [Fact]
    public void NoPatternSelectsAllAndAnUnknownOneNamesTheAvailableNotebooks()
    {
        Assert.Equal(All, WorkbookVerb.Select(All, []));

        var error = Assert.Throws<ArgumentException>(() => WorkbookVerb.Select(All, ["1"]));

        Assert.Contains("'1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("00-setup, 01-scenes, 02-weather, 10-paper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailingCellStopsTheRunWithANonZeroExitNamingNotebookCellLineAndError()
    {
        using var temp = new TempFolder();
        var notebooks = Directory.CreateDirectory(Path.Combine(temp.Path, "notebooks")).FullName;
        var output = Path.Combine(temp.Path, "executed");
        TestNotebook.Write(notebooks, "01-fine.ipynb", ("code", "Console.WriteLine(\"first ran\");"));
        TestNotebook.Write(notebooks, "02-broken.ipynb",
            ("markdown", "# Broken on purpose"),
            ("code", "var fine = 1;"),
            ("code", "var alsoFine = 2;\nint broken = \"text\";"),
            ("code", "Console.WriteLine(\"never runs\");"));

        var (code, text) = await InvokeAsync("--folder", notebooks, "--output", output);

        Assert.NotEqual(0, code);
        Assert.Contains("FAILED 02-broken.ipynb at cell 3 (index 2), line 2 `int broken = \"text\";`", text,
            StringComparison.Ordinal);
        Assert.Contains("CS0029", text, StringComparison.Ordinal);
        var first = TestNotebook.Outputs(Path.Combine(output, "01-fine.ipynb"));
        Assert.Contains("first ran", first[0].ToJsonString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "02-broken.ipynb")));
        Assert.All(TestNotebook.Outputs(Path.Combine(notebooks, "01-fine.ipynb")), o => Assert.Empty(o));
    }

    [Fact]
    public async Task AFolderThatDoesNotExistIsRefusedNamingIt()
    {
        using var temp = new TempFolder();
        var missing = Path.Combine(temp.Path, "no-such-notebooks");

        var (code, text) = await InvokeAsync("--folder", missing, "--list");

        Assert.Equal(2, code);
        Assert.Contains($"--folder '{missing}' does not exist", text, StringComparison.Ordinal);
    }

    /// <summary>Runs the verb with the Spectre console writing plain text into a string.</summary>
    private static async Task<(int Code, string Text)> InvokeAsync(params string[] args)
    {
        var writer = new StringWriter();
        var previous = AnsiConsole.Console;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });

        // Wide enough that Spectre never wraps the one-line failure report the test reads.
        console.Profile.Width = 1000;
        AnsiConsole.Console = console;
        try
        {
            var code = await new WorkbookVerb().Create().Parse(args).InvokeAsync();
            return (code, writer.ToString());
        }
        finally
        {
            AnsiConsole.Console = previous;
        }
    }
}
