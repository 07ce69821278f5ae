using System.CommandLine;
using Microsoft.Extensions.Logging;
using RobuMTL.Core;
using RobuMTL.Training;
using RobuMTL.Weather;
using RobuMTL.Workbook;
using Spectre.Console;

namespace RobuMTL.Cli.Verbs;

/// <summary>
/// <c>robumtl train</c>: runs training phases as jobs, the same code the notebooks call. One weather expert per
/// job (<c>--phase expert --condition rain</c>) lets a scheduler array job or several GPUs train the experts in
/// parallel; each writes runs/&lt;profile&gt;/expert-&lt;condition&gt;/ and later phases pick them up from there.
/// </summary>
public sealed class TrainVerb : ICliVerb
{
    /// <inheritdoc />
    public int Order => 30;

    /// <inheritdoc />
    public Command Create()
    {
        var profile = new Option<ProfileKind?>("--profile")
        {
            Description = "Run profile (smoke, quick, paper). Default: ROBUMTL_PROFILE, else quick.",
        };
        var phase = new Option<WorkbookPhase?>("--phase")
        {
            Description = "One phase (CleanMtl, Warmup, Expert, Selector, Squads, MixedMtl, SharedLora); "
                + "default: every phase in order.",
        };
        var condition = new Option<WeatherCondition?>("--condition")
        {
            Description = "The weather expert to train with --phase Expert (Rain, Snow, Fog, Noise, Blur).",
        };
        var command = new Command("train", "Train workbook phases (resumes, and skips completed ones).")
        {
            profile, phase, condition,
        };
        command.SetAction((parse, cancel) =>
            RunAsync(parse.GetValue(profile), parse.GetValue(phase), parse.GetValue(condition), cancel));
        return command;
    }

    private static async Task<int> RunAsync(
        ProfileKind? profileKind, WorkbookPhase? phase, WeatherCondition? condition, CancellationToken cancel)
    {
        if (phase == WorkbookPhase.Expert && condition is null)
        {
            AnsiConsole.MarkupLine("[red]--phase Expert needs --condition (Rain, Snow, Fog, Noise or Blur).[/]");
            return 2;
        }

        if (condition is not null && phase != WorkbookPhase.Expert)
        {
            AnsiConsole.MarkupLine("[red]--condition applies only to --phase Expert.[/]");
            return 2;
        }

        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning));
        var profile = profileKind is { } kind ? RunProfile.For(kind) : RunProfile.Resolve();
        var session = WorkbookSession.Open(profile, loggers);
        var training = new WorkbookTraining(session);
        var jobs = phase is null ? AllPhases(training) : [(Label(phase.Value, condition), Job(training, phase.Value, condition))];
        foreach (var (label, job) in jobs)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                    new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var bar = context.AddTask(label, maxValue: 1.0);
                    await foreach (var record in job(cancel))
                    {
                        bar.Value = record.Fraction;
                        bar.Description = $"{label} {Describe(record)}";
                    }
                });
            AnsiConsole.MarkupLine($"{label}: done in {watch.Elapsed.TotalSeconds:F1} s");
        }

        return 0;
    }

    private static string Describe(TrainingProgress record) =>
        double.IsNaN(record.Loss) ? record.Kind.ToString() : $"loss {record.Loss:F3}";

    private static string Label(WorkbookPhase phase, WeatherCondition? condition) =>
        condition is null ? phase.ToString() : $"{phase} {condition}";

    private static Func<CancellationToken, IAsyncEnumerable<TrainingProgress>> Job(
        WorkbookTraining training, WorkbookPhase phase, WeatherCondition? condition) => phase switch
        {
            WorkbookPhase.CleanMtl => training.CleanMtl,
            WorkbookPhase.Warmup => training.Warmup,
            WorkbookPhase.Expert => cancel => training.Expert(condition!.Value, cancel),
            WorkbookPhase.Selector => training.Selector,
            WorkbookPhase.Squads => training.Squads,
            WorkbookPhase.MixedMtl => training.MixedMtl,
            WorkbookPhase.SharedLora => training.SharedLora,
            _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "unknown phase"),
        };

    private static List<(string, Func<CancellationToken, IAsyncEnumerable<TrainingProgress>>)> AllPhases(
        WorkbookTraining training)
    {
        var jobs = new List<(string, Func<CancellationToken, IAsyncEnumerable<TrainingProgress>>)>
        {
            ("CleanMtl", training.CleanMtl),
            ("Warmup", training.Warmup),
        };
        jobs.AddRange(WorkbookTraining.WeatherExperts.Select(c =>
            ($"Expert {c}", (Func<CancellationToken, IAsyncEnumerable<TrainingProgress>>)(t => training.Expert(c, t)))));
        jobs.Add(("Selector", training.Selector));
        jobs.Add(("Squads", training.Squads));
        jobs.Add(("MixedMtl", training.MixedMtl));
        jobs.Add(("SharedLora", training.SharedLora));
        return jobs;
    }
}
