using RobuMTL.Cli.Verbs;

namespace RobuMTL.Tests.NotebookHost;

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
}
