using System.CommandLine;
using RobuMTL.Cli.Verbs;
using RobuMTL.Weather;

namespace RobuMTL.Tests.Weather;

public class WeatherBenchmarkTests
{
    [Fact]
    public void Benchmark_returns_one_record_per_condition_and_size_timed_serial_and_parallel()
    {
        var options = WeatherBenchmarkOptions.Default with
        {
            Sizes = [16, 12],
            Conditions = [WeatherCondition.Fog, WeatherCondition.Noise],
            MinDuration = TimeSpan.Zero,
            MinImages = 5,
            BatchSize = 3,
            Threads = 2,
        };
        var reported = new List<WeatherBenchmarkResult>();

        var results = WeatherBenchmark.Run(options, progress: new ListProgress(reported));

        Assert.Equal(4, results.Count);
        Assert.Equal(results, reported);
        Assert.Equal([16, 16, 12, 12], results.Select(r => r.Size));
        Assert.Equal(
            [WeatherCondition.Fog, WeatherCondition.Noise, WeatherCondition.Fog, WeatherCondition.Noise],
            results.Select(r => r.Condition));

        // Whole batches of 3 until at least 5 images: two batches in each mode.
        Assert.All(results, r => Assert.Equal((6, 6), (r.Serial.Images, r.Parallel.Images)));
        Assert.All(results, r => Assert.True(r.Serial.ImagesPerSecond > 0 && r.Parallel.ImagesPerSecond > 0));
        Assert.All(results, r => Assert.Equal(
            r.Parallel.ImagesPerSecond / r.Serial.ImagesPerSecond, r.Speedup, 1e-12));
    }

    [Fact]
    public void Bench_verb_prints_serial_parallel_and_ratio_per_case_and_rejects_bad_sizes()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };

        var ok = new BenchWeatherVerb().Create()
            .Parse(["--sizes", "12", "--seconds", "0", "--batch", "2"]).Invoke(config);
        var bad = new BenchWeatherVerb().Create().Parse(["--sizes", "12,x"]).Invoke(config);
        var badBatch = new BenchWeatherVerb().Create().Parse(["--batch", "0"]).Invoke(config);

        Assert.Equal(0, ok);
        var lines = stdout.ToString().Split('\n');
        Assert.Contains("serial img/s", lines[0]);
        Assert.Contains("parallel img/s", lines[0]);
        var rows = lines.Where(l => l.Contains(" 12 ")).ToList();
        Assert.Equal(Enum.GetValues<WeatherCondition>().Length, rows.Count);
        Assert.All(rows, row => Assert.EndsWith("x", row.TrimEnd()));
        Assert.Contains("Batches of 2 through ApplyBatch", stdout.ToString());
        Assert.Equal(1, bad);
        Assert.Contains("12,x", stderr.ToString());
        Assert.Equal(1, badBatch);
        Assert.Contains("--batch 0", stderr.ToString());
    }

    private sealed class ListProgress(List<WeatherBenchmarkResult> list) : IProgress<WeatherBenchmarkResult>
    {
        public void Report(WeatherBenchmarkResult value) => list.Add(value);
    }
}
