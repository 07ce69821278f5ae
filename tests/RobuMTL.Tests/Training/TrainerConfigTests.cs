using RobuMTL.Core;
using RobuMTL.Training;

namespace RobuMTL.Tests.Training;

public sealed class TrainerConfigTests
{
    [Fact]
    public void PaperPresetScalesTheBaseRateByBatchOver512()
    {
        var paper = TrainerConfig.Paper;

        Assert.Equal(5e-4, paper.BaseLearningRate);
        Assert.Equal(0.05, paper.WeightDecay);
        Assert.Equal(5.0, paper.GradientClipNorm);
        Assert.Equal(5e-4 * 32 / 512, paper.PeakLearningRate, 15);
        Assert.Equal(1e-3, TrainerConfig.ScaleLearningRate(5e-4, 1024), 15);
    }

    [Fact]
    public void ScheduleCountsStepsFromEpochsAndRoundsTheWarmup()
    {
        var config = TrainerConfig.Smoke with { Epochs = 4, WarmupEpochs = 0.5, BatchSize = 8 };

        var schedule = config.Schedule(stepsPerEpoch: 7);

        Assert.Equal(28, schedule.TotalSteps);
        Assert.Equal(4, schedule.WarmupSteps);
        Assert.Equal(config.PeakLearningRate, schedule.PeakLearningRate);
        Assert.Equal(TrainerConfig.ScaleLearningRate(config.MinLearningRate, 8), schedule.MinLearningRate, 15);
        Assert.Equal(TrainerConfig.ScaleLearningRate(config.WarmupStartLearningRate, 8), schedule.At(0), 15);
    }

    [Fact]
    public void ForProfileTakesTheProfilesBatchSize()
    {
        var config = TrainerConfig.ForProfile(RunProfile.Quick, epochs: 2);

        Assert.Equal(RunProfile.Quick.BatchSize, config.BatchSize);
        Assert.Equal(2, config.Epochs);
        Assert.Equal(TrainerConfig.Quick.BaseLearningRate, config.BaseLearningRate);
    }

    [Theory]
    [InlineData("BatchSize")]
    [InlineData("GradientClipNorm")]
    [InlineData("CheckpointEverySteps")]
    public void ValidateNamesTheBadField(string field)
    {
        var config = field switch
        {
            "BatchSize" => TrainerConfig.Smoke with { BatchSize = 0 },
            "GradientClipNorm" => TrainerConfig.Smoke with { GradientClipNorm = 0 },
            _ => TrainerConfig.Smoke with { CheckpointEverySteps = -1 },
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(config.Validate);

        Assert.Equal(field, error.ParamName);
        Assert.Contains($"TrainerConfig.{field}", error.Message);
    }
}
