using RobuMTL.Backbone;
using RobuMTL.Benchmarks;

namespace RobuMTL.Tests.Benchmarks;

public sealed class SwinBenchmarkTests
{
    // Two stages of 8 and 16 channels at 16 px: the harness itself, not a speed claim.
    private static readonly SwinBenchmarkOptions Toy =
        new(new SwinConfig(8, [1, 1], [1, 2], 2, 2, 2.0, 0, NumClasses: 3), 16, 2, 2, 1, 2);

    [Fact]
    public void TimesEachStepAfterTheWarmup()
    {
        var seen = new List<int>();

        var timing = SwinBenchmark.MeasureSpeed(Toy, new Recorder<(int Step, double Ms)>(p => seen.Add(p.Step)));

        Assert.Equal(2, timing.StepMilliseconds.Count);
        Assert.All(timing.StepMilliseconds, ms => Assert.True(ms > 0));
        Assert.Equal([-1, 0, 1], seen);
        Assert.Equal(2, timing.Threads);
    }

    [Fact]
    public void SamplesResidentMemoryAfterEveryStep()
    {
        var memory = SwinBenchmark.MeasureMemory(Toy with { WarmupSteps = 0, Steps = 3 });

        Assert.Equal(3, memory.RssBytes.Count);
        Assert.All(memory.RssBytes, rss => Assert.True(rss > 10 << 20));
        Assert.True(memory.PeakRssBytes >= memory.RssBytes.Max());

        // After the first step (which creates the optimiser state) a training step leaves no tensor behind.
        Assert.Equal(3, memory.LiveTensors!.Count);
        Assert.Equal(memory.LiveTensors[1], memory.LiveTensors[2]);
    }

    [Fact]
    public void SummarisesTimesAndGrowth()
    {
        var timing = new SwinTiming([30, 10, 20, 40], 2);
        var memory = new MemoryCheck([.. Enumerable.Repeat(100L, 10), .. Enumerable.Repeat(120L, 10)], 130);

        Assert.Equal(25, timing.MedianMilliseconds);
        Assert.Equal(10, timing.MinMilliseconds);
        Assert.Equal(100, memory.FirstTenMeanBytes);
        Assert.Equal(120, memory.LastTenMeanBytes);
        Assert.Equal(2, memory.GrowthBytesPerStep);
    }

    [Fact]
    public void RejectsABackboneWithoutClassifier()
    {
        var error = Assert.Throws<ArgumentException>(
            () => SwinBenchmark.MeasureSpeed(Toy with { Swin = Toy.Swin with { NumClasses = 0 } }));
        Assert.Contains("NumClasses", error.Message);
    }

    private sealed class Recorder<T>(Action<T> record) : IProgress<T>
    {
        public void Report(T value) => record(value);
    }
}
