using System.CommandLine;
using RobuMTL.Cli.Verbs;
using RobuMTL.Weather;

namespace RobuMTL.Tests.Weather;

public class WeatherBenchmarkTests
{
    [Fact]
    public void Benchmark_returns_one_record_per_condition_and_size()
    {
        var options = WeatherBenchmarkOptions.Default with
        {
            Sizes = [16, 12],
            Conditions = [WeatherCondition.Fog, WeatherCondition.Noise],
            MinDuration = TimeSpan.Zero,
            MinImages = 2,
        };
        var reported = new List<WeatherBenchmarkResult>();

        var results = WeatherBenchmark.Run(options, progress: new ListProgress(reported));

        Assert.Equal(4, results.Count);
        Assert.Equal(results, reported);
        Assert.Equal([16, 16, 12, 12], results.Select(r => r.Size));
        Assert.All(results, r => Assert.True(r.Images >= 2 && r.ImagesPerSecond > 0));
    }

    [Fact]
    public void Bench_verb_prints_a_row_per_case_and_rejects_bad_sizes()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };

        var ok = new BenchWeatherVerb().Create().Parse(["--sizes", "12", "--seconds", "0"]).Invoke(config);
        var bad = new BenchWeatherVerb().Create().Parse(["--sizes", "12,x"]).Invoke(config);

        Assert.Equal(0, ok);
        var rows = stdout.ToString().Split('\n').Count(l => l.Contains(" 12 "));
        Assert.Equal(Enum.GetValues<WeatherCondition>().Length, rows);
        Assert.Equal(1, bad);
        Assert.Contains("12,x", stderr.ToString());
    }

    private sealed class ListProgress(List<WeatherBenchmarkResult> list) : IProgress<WeatherBenchmarkResult>
    {
        public void Report(WeatherBenchmarkResult value) => list.Add(value);
    }
}
