using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using RobuMTL.Benchmarks;
using RobuMTL.Core;
using Spectre.Console;

namespace RobuMTL.Cli.Verbs;

/// <summary>
/// <c>robumtl bench-swin</c>: Swin-T forward + backward at 224 px, batch 8, 2 threads, timed in TorchSharp and
/// in PyTorch (<c>tools/bench_swin_torch.py</c>, run as a subprocess one after the other), printing both times
/// and their ratio (target at most 1.00x); then a memory check over 100 training steps of a small Swin.
/// </summary>
public sealed class BenchSwinVerb : ICliVerb
{
    /// <inheritdoc />
    public int Order => 80;

    /// <inheritdoc />
    public Command Create()
    {
        var defaults = SwinBenchmarkOptions.SwinTiny224;
        var batch = IntOption("--batch", "Images per step.", defaults.Batch);
        var size = IntOption("--size", "Image side in pixels.", defaults.ImageSize);
        var threads = IntOption("--threads", "CPU threads for both libtorch runs.", defaults.Threads);
        var warmup = IntOption("--warmup", "Untimed steps before timing.", defaults.WarmupSteps);
        var steps = IntOption("--steps", "Timed steps (their medians are compared).", defaults.Steps);
        var memorySteps = IntOption(
            "--memory-steps", "Training steps of the small-Swin memory check; 0 skips it.",
            SwinBenchmarkOptions.NanoMemory.Steps);
        var python = new Option<string>("--python")
        {
            Description = "Python with torch and torchvision for the reference; empty skips it.",
            DefaultValueFactory = _ => "/usr/bin/python3",
        };

        var command = new Command("bench-swin", "Time Swin-T forward + backward, TorchSharp vs PyTorch; check RSS.")
        {
            batch, size, threads, warmup, steps, memorySteps, python,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            defaults with
            {
                Batch = parse.GetValue(batch),
                ImageSize = parse.GetValue(size),
                Threads = parse.GetValue(threads),
                WarmupSteps = parse.GetValue(warmup),
                Steps = parse.GetValue(steps),
            },
            parse.GetValue(memorySteps),
            parse.GetValue(python) ?? "",
            cancellationToken));
        return command;
    }

    private static Option<int> IntOption(string name, string description, int value) =>
        new(name) { Description = description, DefaultValueFactory = _ => value };

    private static async Task<int> RunAsync(
        SwinBenchmarkOptions options, int memorySteps, string python, CancellationToken cancellationToken)
    {
        options.Validate();
        AnsiConsole.MarkupLine("[yellow]On a shared machine these numbers are noisy.[/]");

        // The memory check runs first, so Swin-T's larger buffers do not sit in the RSS it watches.
        if (memorySteps > 0)
        {
            var check = SwinBenchmarkOptions.NanoMemory with { Steps = memorySteps, Threads = options.Threads };
            var memory = SwinBenchmark.MeasureMemory(check);
            Console.WriteLine($"Memory, {memory.RssBytes.Count} AdamW steps of Swin-Nano at {check.ImageSize} px, "
                + $"batch {check.Batch}: RSS first-10 mean {Mib(memory.FirstTenMeanBytes)}, last-10 mean "
                + $"{Mib(memory.LastTenMeanBytes)}, growth {memory.GrowthBytesPerStep / 1024:F1} KiB/step, "
                + $"peak {Mib(memory.PeakRssBytes)}");
            var marks = new[] { 0, 9, 24, 49, 74, memory.RssBytes.Count - 1 }.Where(i => i < memory.RssBytes.Count)
                .Distinct();
            Console.WriteLine("  RSS (live tensors) after step: " + string.Join(", ", marks.Select(i =>
                $"{i + 1}: {Mib(memory.RssBytes[i])} ({memory.LiveTensors?[i]})")));
        }

        Console.WriteLine($"Swin-T forward + backward, {options.ImageSize} px, batch {options.Batch}, "
            + $"{options.Threads} threads, {options.WarmupSteps} warm-up + {options.Steps} timed steps.");
        var stepPrinter = new InlineProgress<(int Step, double Ms)>(
            p => Console.WriteLine($"  torchsharp step {p.Step}: {p.Ms:F0} ms"));
        var ours = SwinBenchmark.MeasureSpeed(options, stepPrinter);
        Console.WriteLine($"TorchSharp {BuildInfo.TorchSharpVersion} (libtorch {BuildInfo.LibTorchVersion}): "
            + $"median {ours.MedianMilliseconds:F0} ms/step, min {ours.MinMilliseconds:F0} ms");

        var exitCode = 0;
        if (python.Length > 0)
        {
            var reference = await RunPyTorchAsync(python, options, cancellationToken);
            if (reference is { } torch)
            {
                var ratio = ours.MedianMilliseconds / torch.Ms;
                Console.WriteLine($"PyTorch {torch.Version}: median {torch.Ms:F0} ms/step");
                var colour = ratio <= 1.0 ? "green" : "red";
                AnsiConsole.MarkupLine($"Ratio TorchSharp / PyTorch: [{colour}]{ratio:F2}x[/] (target <= 1.00x)");
            }
            else
            {
                exitCode = 1;
            }
        }

        return exitCode;
    }

    private static async Task<(double Ms, string Version)?> RunPyTorchAsync(
        string python, SwinBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var script = Path.Combine(WorkbookPaths.Discover().RepositoryRoot, "tools", "bench_swin_torch.py");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            script, "--batch", $"{options.Batch}", "--size", $"{options.ImageSize}", "--threads",
            $"{options.Threads}", "--warmup", $"{options.WarmupSteps}", "--steps", $"{options.Steps}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Could not start '{python}' ({e.Message}).[/]");
            AnsiConsole.WriteLine("Install python3-torch python3-torchvision (and libopenblas0-pthread), "
                + "or pass --python \"\" to skip the PyTorch reference.");
            return null;
        }

        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var json = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            if (process.ExitCode != 0 || json is null)
            {
                AnsiConsole.MarkupLineInterpolated(
                    $"[red]{script} exited with code {process.ExitCode}[/]; see its messages above.");
                return null;
            }

            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return (root.GetProperty("ms_per_step").GetDouble(), root.GetProperty("torch").GetString() ?? "?");
        }
    }

    private static string Mib(double bytes) => $"{bytes / (1024 * 1024):F1} MiB";
}
