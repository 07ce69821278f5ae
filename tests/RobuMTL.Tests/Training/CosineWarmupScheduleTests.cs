using RobuMTL.Training;

namespace RobuMTL.Tests.Training;

public sealed class CosineWarmupScheduleTests
{
    private static readonly CosineWarmupSchedule Schedule = new(
        PeakLearningRate: 1e-3, WarmupStartLearningRate: 1e-5, MinLearningRate: 1e-4, WarmupSteps: 10,
        TotalSteps: 110);

    [Theory]
    [InlineData(0, 1e-5)]
    [InlineData(5, 1e-5 + (1e-3 - 1e-5) * 0.5)]
    [InlineData(10, 1e-3)]
    [InlineData(60, 1e-4 + (1e-3 - 1e-4) * 0.5)]
    [InlineData(110, 1e-4)]
    [InlineData(500, 1e-4)]
    public void HitsTheCornerPoints(long step, double expected)
    {
        Assert.Equal(expected, Schedule.At(step), 12);
    }

    [Fact]
    public void RisesDuringWarmupAndFallsAfterIt()
    {
        var rates = Enumerable.Range(0, 111).Select(s => Schedule.At(s)).ToArray();

        for (var s = 1; s <= 10; s++)
        {
            Assert.True(rates[s] > rates[s - 1], $"step {s} does not rise");
        }

        for (var s = 11; s <= 110; s++)
        {
            Assert.True(rates[s] < rates[s - 1], $"step {s} does not fall");
        }
    }

    [Fact]
    public void WithoutWarmupStartsAtThePeak()
    {
        var schedule = Schedule with { WarmupSteps = 0 };

        Assert.Equal(1e-3, schedule.At(0), 12);
        Assert.Equal(1e-4 + (1e-3 - 1e-4) * 0.5, schedule.At(55), 12);
    }

    [Fact]
    public void RefusesANegativeStepOrAWarmupLongerThanThePhase()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.At(-1));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => (Schedule with { WarmupSteps = 111 }).At(0));
        Assert.Equal("WarmupSteps", error.ParamName);
    }
}
