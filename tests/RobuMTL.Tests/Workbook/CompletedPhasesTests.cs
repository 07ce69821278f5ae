using RobuMTL.Adapters;
using RobuMTL.Checkpoints;
using RobuMTL.Core;
using RobuMTL.Model;
using RobuMTL.Tests.Training;
using RobuMTL.Training;
using RobuMTL.Weather;
using RobuMTL.Workbook;

namespace RobuMTL.Tests.Workbook;

/// <summary>
/// Loading a completed phase compares the configuration saved beside its checkpoint, so a model whose tensors
/// have the same shapes but another meaning (a LoRA scale, other starting weights) is refused by name.
/// </summary>
[Collection(TorchRngCollection.Name)]
public sealed class CompletedPhasesTests : IDisposable
{
    private readonly TempFolder runs = new();

    public void Dispose() => runs.Dispose();

    [Fact]
    public async Task AnotherLoraScaleOrOtherStartingWeightsAreRefusedNamingTheFieldAndFolder()
    {
        var session = WorkbookSession.Open(PhaseRuns.Micro, start: AppContext.BaseDirectory, runsRoot: runs.Path);
        var training = new WorkbookTraining(session);
        await PhaseRuns.Drain(training.CleanMtl());
        await PhaseRuns.Drain(training.Warmup());
        var lora = LoraConfig.PascalContext with
        {
            Ranks = PhaseRuns.Micro.LoraRanks,
            TaskRank = PhaseRuns.Micro.TaskLoraRank,
            Scale = 2.0,
        };
        var rescaled = new WorkbookTraining(session, lora: lora);

        var error = Assert.Throws<CheckpointMismatchException>(() => rescaled.LoadModel(WorkbookPhase.Warmup));
        var assembled = Assert.Throws<CheckpointMismatchException>(() => rescaled.Assemble(ModelVariant.RobuMtl));
        var expert = Assert.Throws<CheckpointMismatchException>(() => rescaled.Expert(WeatherCondition.Rain));

        var warmup = session.Checkpoints.PhaseDirectory("warmup");
        Assert.Equal(["run.model.Backbone.Lora.Scale: saved 4, now 2"], error.Differences);
        Assert.Equal(warmup, error.PhaseDirectory);
        Assert.Contains($"'{warmup}'", error.Message);
        Assert.Equal(error.Differences, assembled.Differences);
        Assert.Equal(error.Differences, expert.Differences);
        using var same = training.LoadModel(WorkbookPhase.Warmup);
        Assert.Equal(4.0, same.Config.Backbone.Lora!.Scale);

        var pretrained = PhaseRuns.Micro with { PretrainedWeights = "data/weights/swin_t-704ceda3.pth" };
        var other = new WorkbookTraining(
            WorkbookSession.Open(pretrained, start: AppContext.BaseDirectory, runsRoot: runs.Path));
        var started = Assert.Throws<CheckpointMismatchException>(() => other.LoadModel(WorkbookPhase.CleanMtl));
        Assert.Equal(
            ["run.pretrained: saved (absent), now \"data/weights/swin_t-704ceda3.pth\""], started.Differences);
        Assert.Equal(session.Checkpoints.PhaseDirectory("clean-mtl"), started.PhaseDirectory);
    }
}
