using System.CommandLine;
using System.CommandLine.Parsing;
using Microsoft.Extensions.Logging;
using RobuMTL.Core;
using RobuMTL.Training;
using RobuMTL.Weather;
using RobuMTL.Workbook;
using Spectre.Console;

namespace RobuMTL.Cli.Verbs;

/// <summary>
/// <c>robumtl train</c>: runs training phases as jobs, the same code the notebooks call. One weather expert per
/// job (<c>--condition rain</c>, short for <c>--phase Expert --condition rain</c>) lets a scheduler array job or
/// several GPUs train the experts in parallel; each writes runs/&lt;profile&gt;/expert-&lt;condition&gt;/ and later
/// phases pick them up from there.
/// </summary>
public sealed class TrainVerb : ICliVerb
{
    private const string PhaseOption = "--phase";
    private const string ConditionOption = "--condition";

    /// <inheritdoc />
    public int Order => 30;

    /// <inheritdoc />
    public Command Create()
    {
        var profile = new Option<ProfileKind?>("--profile")
        {
            Description = "Run profile (smoke, quick, paper, paper-nyud). Default: ROBUMTL_PROFILE, else quick.",
        };
        var phase = new Option<WorkbookPhase?>(PhaseOption)
        {
            Description = "One phase (CleanMtl, Warmup, Expert, Selector, Squads, MixedMtl, SharedLora); "
                + "default: Expert when --condition is given, else every phase in order.",
        };
        var condition = new Option<WeatherCondition?>(ConditionOption)
        {
            Description = $"The weather expert to train ({ExpertNames}; any case). Alone it means --phase Expert.",
            CustomParser = ParseCondition,
        };
        var runs = new Option<DirectoryInfo?>("--runs")
        {
            Description = "Folder that holds the runs instead of runs/ in the repository (default: "
                + $"{WorkbookPaths.RunsVariable}).",
        };
        var command = new Command("train", "Train workbook phases (resumes, and skips completed ones).")
        {
            profile, phase, condition, runs,
        };
        command.SetAction((parse, cancel) =>
        {
            var (chosen, expert) = Selection(parse);
            if (Problem(parse.GetValue(phase), expert) is { } problem)
            {
                parse.InvocationConfiguration.Error.WriteLine(problem);
                return Task.FromResult(2);
            }

            return RunAsync(parse.GetValue(profile), chosen, expert, parse.GetValue(runs)?.FullName, cancel);
        });
        return command;
    }

    /// <summary>
    /// The phase and expert a parsed <c>train</c> command line asks for: <c>--condition</c> without
    /// <c>--phase</c> is the expert's job; a null phase means every phase in order.
    /// </summary>
    public static (WorkbookPhase? Phase, WeatherCondition? Condition) Selection(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var condition = parse.GetValue<WeatherCondition?>(ConditionOption);
        var phase = parse.GetValue<WorkbookPhase?>(PhaseOption);
        return (phase ?? (condition is null ? null : WorkbookPhase.Expert), condition);
    }

    // The explicit --phase, not the one --condition implies.
    private static string? Problem(WorkbookPhase? phase, WeatherCondition? condition) => (phase, condition) switch
    {
        (WorkbookPhase.Expert, null) => $"--phase Expert needs --condition ({ExpertNames}).",
        ({ } other and not WorkbookPhase.Expert, not null) =>
            $"--condition applies only to --phase Expert (or alone, which means it), not to --phase {other}.",
        _ => null,
    };

    private static string ExpertNames =>
        string.Join(", ", WorkbookTraining.WeatherExperts.Select(c => c.ToString().ToLowerInvariant()));

    // By name in any case, and only the conditions that have a weather expert (no numbers, no clean).
    private static WeatherCondition? ParseCondition(ArgumentResult result)
    {
        if (result.Tokens.Count != 1)
        {
            return null;
        }

        var text = result.Tokens[0].Value.Trim();
        var match = WorkbookTraining.WeatherExperts
            .Where(c => string.Equals(c.ToString(), text, StringComparison.OrdinalIgnoreCase))
            .Select(c => (WeatherCondition?)c)
            .FirstOrDefault();
        if (match is null)
        {
            result.AddError($"'{text}' is not a weather expert; use one of {ExpertNames} (the clean expert is "
                + "trained by --phase Warmup).");
        }

        return match;
    }

    private static async Task<int> RunAsync(
        ProfileKind? profileKind, WorkbookPhase? phase, WeatherCondition? condition, string? runsRoot,
        CancellationToken cancel)
    {
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning));
        var profile = profileKind is { } kind ? RunProfile.For(kind) : RunProfile.Resolve();
        var session = WorkbookSession.Open(profile, loggers, runsRoot: runsRoot);
        var training = new WorkbookTraining(session);
        var jobs = phase is null
            ? AllPhases(training)
            : [(Label(phase.Value, condition), Job(training, phase.Value, condition))];
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
        foreach (var condition in WorkbookTraining.WeatherExperts)
        {
            jobs.Add(($"Expert {condition}", cancel => training.Expert(condition, cancel)));
        }

        jobs.Add(("Selector", training.Selector));
        jobs.Add(("Squads", training.Squads));
        jobs.Add(("MixedMtl", training.MixedMtl));
        jobs.Add(("SharedLora", training.SharedLora));
        return jobs;
    }
}
