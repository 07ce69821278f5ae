using RobuMTL.Core;

namespace RobuMTL.Tests.Core;

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
    public void PhaseFoldersAreNamedAfterTheProfile()
    {
        using var dir = new TempFolder();
        var paths = new WorkbookPaths(dir.Path, Path.Combine(dir.Path, "runs"), Path.Combine(dir.Path, "data"));

        var phase = paths.Phase(RunProfile.Quick, "03-experts");

        Assert.Equal(Path.Combine(dir.Path, "runs", "quick", "03-experts"), phase);
        Assert.True(Directory.Exists(phase));
    }
}
