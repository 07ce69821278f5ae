using System.CommandLine;
using Microsoft.Extensions.Logging;
using RobuMTL.Core;
using RobuMTL.Data;
using RobuMTL.Evaluation;
using RobuMTL.Weather;
using RobuMTL.Workbook;
using Spectre.Console;

namespace RobuMTL.Cli.Verbs;

/// <summary>
/// <c>robumtl evaluate</c>: the evaluation grid of notebook 07 (every standard method under every standard
/// scenario of the profile), or the same methods on a folder of images degraded elsewhere, written as a
/// long-format CSV with its configuration beside it.
/// </summary>
public sealed class EvaluateVerb : ICliVerb
{
    /// <inheritdoc />
    public int Order => 40;

    /// <inheritdoc />
    public Command Create()
    {
        var profile = new Option<ProfileKind?>("--profile")
        {
            Description = "Run profile (smoke, quick, paper, paper-nyud). Default: ROBUMTL_PROFILE, else quick.",
        };
        var external = new Option<DirectoryInfo?>("--external")
        {
            Description = "Folder of <id>.png/.jpg images replacing the evaluation split's images (labels kept); "
                + "evaluates only that folder.",
        };
        var condition = new Option<WeatherCondition?>("--condition")
        {
            Description = "The condition the --external images show, when known (oracle routing, selector accuracy).",
        };
        var output = new Option<FileInfo?>("--output")
        {
            Description = "CSV to write. Default: runs/<profile>/results/evaluation.csv (evaluation-external.csv "
                + "with --external).",
        };
        var runs = new Option<DirectoryInfo?>("--runs")
        {
            Description = "Folder that holds the runs instead of runs/ in the repository (default: "
                + $"{WorkbookPaths.RunsVariable}).",
        };
        var command = new Command("evaluate", "Evaluate the trained methods (all phases must have completed).")
        {
            profile, external, condition, output, runs,
        };
        command.SetAction(parse => Run(
            parse.GetValue(profile), parse.GetValue(external), parse.GetValue(condition), parse.GetValue(output),
            parse.GetValue(runs)?.FullName));
        return command;
    }

    private static int Run(
        ProfileKind? profileKind,
        DirectoryInfo? external,
        WeatherCondition? condition,
        FileInfo? output,
        string? runsRoot)
    {
        if (condition is not null && external is null)
        {
            AnsiConsole.MarkupLine("[red]--condition applies only with --external.[/]");
            return 2;
        }

        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning));
        var profile = profileKind is { } kind ? RunProfile.For(kind) : RunProfile.Resolve();
        var session = WorkbookSession.Open(profile, loggers, runsRoot: runsRoot);
        var evaluation = new WorkbookEvaluation(session);
        var methods = WorkbookEvaluation.StandardMethods(new WorkbookTraining(session));
        var path = output?.FullName ?? Path.Combine(
            session.RunFolder, "results", external is null ? "evaluation.csv" : "evaluation-external.csv");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            EvaluationTable table;
            if (external is null)
            {
                var scenarios = WorkbookEvaluation.StandardScenarios(profile);
                var progress = new Progress<string>(line => AnsiConsole.MarkupLineInterpolated($"{line}"));
                table = evaluation.RunGrid(methods, scenarios, WorkbookEvaluation.StandardBaseline, progress);
            }
            else
            {
                var split = new ExternalImagesDataset(session.Validation, external.FullName);
                var scenario = EvaluationScenario.External(external.Name, condition);
                using var data = evaluation.Prepare(scenario, split);
                table = new EvaluationTable(evaluation.RunScenario(methods, data, WorkbookEvaluation.StandardBaseline));
            }

            table.Save(path, new { profile, external = external?.FullName, condition, methods = table.Methods });
            AnsiConsole.MarkupLineInterpolated(
                $"{table.Count} rows in {watch.Elapsed.TotalSeconds:F1} s written to {path}");
            return 0;
        }
        finally
        {
            foreach (var model in methods.Select(m => m.Model).Distinct())
            {
                model.Dispose();
            }
        }
    }
}
