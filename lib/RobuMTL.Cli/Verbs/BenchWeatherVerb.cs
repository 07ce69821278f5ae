using System.CommandLine;
using RobuMTL.Weather;

namespace RobuMTL.Cli.Verbs;

/// <summary><c>bench-weather</c>: prints single-thread images per second of every weather effect.</summary>
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
        var command = new Command("bench-weather", "Measure weather effect throughput (images/s, one thread).")
        {
            sizes, seconds,
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

            var options = WeatherBenchmarkOptions.Default with
            {
                Sizes = parsedSizes,
                MinDuration = TimeSpan.FromSeconds(parse.GetValue(seconds)),
            };
            stdout.WriteLine($"{"condition",-10} {"size",6} {"images",7} {"ms/image",10} {"images/s",10}");
            foreach (var r in WeatherBenchmark.Run(options, cancellationToken: cancellationToken))
            {
                stdout.WriteLine(
                    $"{r.Condition,-10} {r.Size,6} {r.Images,7} "
                    + $"{r.MillisecondsPerImage,10:F2} {r.ImagesPerSecond,10:F1}");
            }

            stdout.WriteLine($"One thread, severity level {options.Severity}; timings on a shared machine are noisy.");
            return Task.FromResult(0);
        });
        return command;
    }
}
