using RobuMTL.Core;

namespace RobuMTL.Tests.Core;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class WorkbookPathsTests
{
    private static readonly WorkbookPaths Paths = new("/repo", "/scratch/runs", "/repo/data");

    [Fact]
    public void SmokeFiguresStayInTheRunsFolder()
    {
        Assert.Equal(Path.Combine("/scratch/runs", "smoke", "figures"), Paths.Figures(RunProfile.Smoke));
    }

    [Fact]
    public void QuickAndPaperFiguresGoToTheRepository()
    {
        Assert.Equal(Path.Combine("/repo", "figures"), Paths.Figures(RunProfile.Quick));
        Assert.Equal(Path.Combine("/repo", "figures"), Paths.Figures(RunProfile.Paper));
    }

    [Fact]
    public void AFiguresRootTakesEveryProfilesFigures()
    {
        var paths = Paths with { FiguresRoot = "/tmp/out/figures" };

        Assert.Equal("/tmp/out/figures", paths.Figures(RunProfile.Smoke));
        Assert.Equal("/tmp/out/figures", paths.Figures(RunProfile.Quick));
    }

    [Fact]
    public void DiscoverReadsTheFiguresVariable()
    {
        using var dir = new TempFolder();
        var before = Environment.GetEnvironmentVariable(WorkbookPaths.FiguresVariable);
        try
        {
            Environment.SetEnvironmentVariable(WorkbookPaths.FiguresVariable, dir.Path);
            var moved = WorkbookPaths.Discover(AppContext.BaseDirectory);
            Environment.SetEnvironmentVariable(WorkbookPaths.FiguresVariable, null);
            var plain = WorkbookPaths.Discover(AppContext.BaseDirectory);

            Assert.Equal(Path.GetFullPath(dir.Path), moved.Figures(RunProfile.Quick));
            Assert.Equal(Path.Combine(plain.RepositoryRoot, "figures"), plain.Figures(RunProfile.Quick));
        }
        finally
        {
            Environment.SetEnvironmentVariable(WorkbookPaths.FiguresVariable, before);
        }
    }

    [Fact]
    public void PhaseFoldersAreNamedAfterTheProfile()
    {
        using var dir = new TempFolder();
        var paths = new WorkbookPaths(dir.Path, Path.Combine(dir.Path, "runs"), Path.Combine(dir.Path, "data"));

        var phase = paths.Phase(RunProfile.Quick, "03-experts");

        Assert.Equal(Path.Combine(dir.Path, "runs", "quick", "03-experts"), phase);
        Assert.True(Directory.Exists(phase));
    }
}
