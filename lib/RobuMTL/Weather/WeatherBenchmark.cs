using System.Diagnostics;
using RobuMTL.Imaging;

namespace RobuMTL.Weather;

/// <summary>
/// Measures the throughput of each weather effect on a synthetic scene, through
/// <see cref="WeatherSynthesizer"/>.<c>ApplyBatch</c> on one thread and then on
/// <see cref="WeatherBenchmarkOptions.Threads"/> threads, so the batch-parallel speedup is measured, not assumed.
/// Speed claims are made with this (as ratios or images per second), never in unit tests; numbers from a shared
/// machine are noisy.
/// </summary>
public static class WeatherBenchmark
{
    /// <summary>Times every (condition, size) pair, reporting each result to <paramref name="progress"/>.</summary>
    public static IReadOnlyList<WeatherBenchmarkResult> Run(
        WeatherBenchmarkOptions? options = null,
        WeatherSynthesizer? synthesizer = null,
        IProgress<WeatherBenchmarkResult>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= WeatherBenchmarkOptions.Default;
        options.Validate();
        synthesizer ??= WeatherSynthesizer.Default;
        var severity = WeatherSeverity.FromLevel(options.Severity);
        var results = new List<WeatherBenchmarkResult>();
        foreach (var size in options.Sizes)
        {
            var batch = Enumerable.Repeat(Scene(size), options.BatchSize).ToArray();
            foreach (var condition in options.Conditions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var recipe = WeatherRecipe.Single(condition, severity);

                // One untimed parallel batch compiles the code paths and wakes the thread pool.
                synthesizer.ApplyBatch(batch, recipe, options.Seed - 1, options.Threads);

                var serial = Time(synthesizer, batch, recipe, options, threads: 1, cancellationToken);
                var parallel = Time(synthesizer, batch, recipe, options, options.Threads, cancellationToken);
                var result = new WeatherBenchmarkResult(condition, size, serial, parallel);
                results.Add(result);
                progress?.Report(result);
            }
        }

        return results;
    }

    private static WeatherThroughput Time(
        WeatherSynthesizer synthesizer,
        RgbImage[] batch,
        WeatherRecipe recipe,
        WeatherBenchmarkOptions options,
        int threads,
        CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var images = 0;
        for (var round = 0; images < options.MinImages || watch.Elapsed < options.MinDuration; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            synthesizer.ApplyBatch(batch, recipe, options.Seed + round, threads);
            images += batch.Length;
        }

        watch.Stop();
        return new WeatherThroughput(images, watch.Elapsed);
    }

    /// <summary>A deterministic test scene: sky-like gradient over a darker textured ground.</summary>
    public static RgbImage Scene(int size)
    {
        var image = new RgbImage(size, size);
        var p = image.Pixels;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var i = ((y * size) + x) * 3;
                var v = (float)y / size;
                var texture = 0.1f * MathF.Sin(x * 0.3f) * MathF.Cos(y * 0.2f);
                if (v < 0.45f)
                {
                    (p[i], p[i + 1], p[i + 2]) = (0.45f + (0.3f * v), 0.6f + (0.3f * v), 0.9f);
                }
                else
                {
                    (p[i], p[i + 1], p[i + 2]) = (0.35f + texture, 0.3f + texture, 0.25f + texture);
                }
            }
        }

        return image;
    }
}
