using RobuMTL.Workbook;

namespace RobuMTL.Tests.Workbook;

public sealed class WorkbookSessionTests
{
    private static WorkbookSession OpenMicro() =>
        WorkbookSession.Open(
            PhaseRuns.Micro, start: AppContext.BaseDirectory,
            runsRoot: Path.Combine(Path.GetTempPath(), $"robumtl-session-{Guid.NewGuid():N}"));

    [Fact]
    public void ADerivedProfileWithOtherEpochsSharesTheRunFolderAndTheData()
    {
        var session = OpenMicro();
        var shorter = session.WithProfile(session.Profile with { WarmupEpochs = 3, ExpertEpochs = 2 });

        Assert.Equal(3, shorter.Profile.WarmupEpochs);
        Assert.Equal(session.RunFolder, shorter.RunFolder);
        Assert.Equal(session.Checkpoints.Root, shorter.Checkpoints.Root);
        Assert.Same(session.Validation, shorter.Validation);
    }

    [Fact]
    public void ADerivedProfileThatChangesTheDataIsRefusedByName()
    {
        var session = OpenMicro();
        var error = Assert.Throws<ArgumentException>(
            () => session.WithProfile(session.Profile with { ImageSize = 64, EvalSeverities = [1, 2] }));
        Assert.Contains("ImageSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("EvalSeverities", error.Message, StringComparison.Ordinal);
        session.WithProfile(session.Profile with { EvalSeverities = [.. session.Profile.EvalSeverities] });
    }
}
