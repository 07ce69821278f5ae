using System.CommandLine;
using RobuMTL.Weather;

namespace RobuMTL.Cli.Verbs;

/// <summary>
/// <c>bench-weather</c>: prints images per second of every weather effect at each size, one thread against
/// batch-parallel, and the ratio.
/// </summary>
public sealed class BenchWeatherVerb : ICliVerb
{
    /// <inheritdoc/>
    public int Order => 21;

    /// <inheritdoc/>
    public Command Create()
    {
        var sizes = new Option<string>("--sizes")
        {
            Description = "Comma-separated square image sizes.",
            DefaultValueFactory = _ => "448,128",
        };
        var seconds = new Option<double>("--seconds")
        {
            Description = "Minimum timing per effect and size.",
            DefaultValueFactory = _ => 1.0,
        };
        var batch = new Option<int>("--batch")
        {
            Description = "Images per ApplyBatch call, serial and parallel alike.",
            DefaultValueFactory = _ => WeatherBenchmarkOptions.Default.BatchSize,
        };
        var command = new Command(
            "bench-weather", "Measure weather effect throughput (images/s, one thread and batch-parallel).")
        {
            sizes, seconds, batch,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var sizeText = parse.GetValue(sizes)!;
            var parsedSizes = sizeText.Split(',', StringSplitOptions.TrimEntries)
                .Select(s => int.TryParse(s, out var v) ? v : -1)
                .ToList();
            if (parsedSizes.Any(s => s < 8) || parse.GetValue(seconds) is not (>= 0 and <= 600))
            {
                parse.InvocationConfiguration.Error.WriteLine(
                    $"bench-weather: --sizes '{sizeText}' must list sizes >= 8 and --seconds lie in 0..600");
                return Task.FromResult(1);
            }

            if (parse.GetValue(batch) is not (>= 1 and <= 1024))
            {
                parse.InvocationConfiguration.Error.WriteLine(
                    $"bench-weather: --batch {parse.GetValue(batch)} must lie in 1..1024");
                return Task.FromResult(1);
            }

            var options = WeatherBenchmarkOptions.Default with
            {
                Sizes = parsedSizes,
                MinDuration = TimeSpan.FromSeconds(parse.GetValue(seconds)),
                BatchSize = parse.GetValue(batch),
            };
            stdout.WriteLine(
                $"{"condition",-10} {"size",6} {"serial img/s",13} {"parallel img/s",15} {"ratio",7}");
            foreach (var r in WeatherBenchmark.Run(options, cancellationToken: cancellationToken))
            {
                stdout.WriteLine(
                    $"{r.Condition,-10} {r.Size,6} {r.Serial.ImagesPerSecond,13:F1} "
                    + $"{r.Parallel.ImagesPerSecond,15:F1} {r.Speedup,6:F2}x");
            }

            stdout.WriteLine(
                $"Batches of {options.BatchSize} through ApplyBatch, serial on one thread, parallel on up to "
                + $"{Environment.ProcessorCount} cores; severity level {options.Severity}. "
                + "Timings on a shared machine are noisy.");
            return Task.FromResult(0);
        });
        return command;
    }
}
