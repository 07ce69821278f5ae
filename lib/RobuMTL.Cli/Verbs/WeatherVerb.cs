using System.CommandLine;
using RobuMTL.Weather;
using Spectre.Console;

namespace RobuMTL.Cli.Verbs;

/// <summary>
/// <c>weather</c>: applies a condition (or a sequence or spatial mix of conditions) to an image file or a folder of
/// PNG/JPEG images and writes same-format results to an output folder, never over the inputs.
/// </summary>
public sealed class WeatherVerb : ICliVerb
{
    /// <inheritdoc/>
    public int Order => 20;

    /// <inheritdoc/>
    public Command Create()
    {
        var condition = new Option<string?>("--condition")
        {
            Description = $"One condition: {ConditionNames}.",
        };
        var conditions = new Option<string?>("--conditions")
        {
            Description = "Comma-separated conditions applied in order, e.g. rain,fog,noise.",
        };
        var spatial = new Option<bool>("--spatial")
        {
            Description = "Mix --conditions in soft spatial regions instead of applying them in sequence.",
        };
        var severity = new Option<int?>("--severity")
        {
            Description = "Severity level 1..5 (default 3).",
        };
        var strength = new Option<double?>("--strength")
        {
            Description = "Continuous severity in [0, 1], instead of --severity (level L = (L - 1) / 4).",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Run seed; file i (by name) uses a seed derived from it.",
            DefaultValueFactory = _ => 0,
        };
        var input = new Option<string>("--input")
        {
            Description = "A PNG/JPEG file or a folder of them.",
            Required = true,
        };
        var output = new Option<string>("--output")
        {
            Description = "Folder to write the results into (created if missing; must not be the input folder).",
            Required = true,
        };

        var command = new Command("weather", "Synthesise weather and corruptions on images.")
        {
            condition, conditions, spatial, severity, strength, seed, input, output,
        };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var recipe = BuildRecipe(
                    parse.GetValue(condition),
                    parse.GetValue(conditions),
                    parse.GetValue(spatial),
                    parse.GetValue(severity),
                    parse.GetValue(strength));
                var results = RunWithProgressBar(
                    stdout, parse.GetValue(input)!, parse.GetValue(output)!, recipe, parse.GetValue(seed));
                foreach (var r in results)
                {
                    var labels = string.Join("+", r.Conditions);
                    stdout.WriteLine($"{r.InputPath} -> {r.OutputPath} ({labels}, {r.Severity})");
                }

                stdout.WriteLine($"Wrote {results.Count} image(s): {recipe}.");
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException)
            {
                stderr.WriteLine($"weather: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>Runs the job under a Spectre progress bar that advances as each file is written.</summary>
    private static IReadOnlyList<WeatherFileResult> RunWithProgressBar(
        TextWriter stdout, string input, string output, WeatherRecipe recipe, int seed)
    {
        // A terminal gets a live bar; redirected output gets Spectre's plain progress lines instead.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        var count = WeatherFileJob.FindInputs(input).Count;
        return console.Progress()
            .Columns(
                new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(recipe.ToString()), maxValue: count);
                var advance = new InlineProgress<WeatherFileResult>(_ => task.Increment(1));
                return WeatherFileJob.Run(input, output, recipe, seed, progress: advance);
            });
    }

    private static string ConditionNames =>
        string.Join(", ", Enum.GetNames<WeatherCondition>().Select(n => n.ToLowerInvariant()));

    /// <summary>Turns the option values into a recipe, with one clear error per misuse.</summary>
    internal static WeatherRecipe BuildRecipe(
        string? condition, string? conditions, bool spatial, int? level, double? strength)
    {
        if ((condition is null) == (conditions is null))
        {
            throw new ArgumentException("pass exactly one of --condition <name> or --conditions <a,b,...>");
        }

        if (level is not null && strength is not null)
        {
            throw new ArgumentException("pass either --severity (1..5) or --strength (0..1), not both");
        }

        var severity = strength is { } s
            ? ParseSeverity(() => WeatherSeverity.FromValue(s), $"--strength {s} is outside [0, 1]")
            : ParseSeverity(() => WeatherSeverity.FromLevel(level ?? 3), $"--severity {level} is outside 1..5");

        if (condition is not null)
        {
            if (spatial)
            {
                throw new ArgumentException("--spatial mixes several --conditions; it does not apply to --condition");
            }

            return WeatherRecipe.Single(ParseCondition(condition), severity);
        }

        var parsed = conditions!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(ParseCondition)
            .ToArray();
        var recipe = spatial ? WeatherRecipe.Spatial(severity, parsed) : WeatherRecipe.Sequence(severity, parsed);
        recipe.Validate();
        return recipe;
    }

    private static WeatherSeverity ParseSeverity(Func<WeatherSeverity> make, string message)
    {
        try
        {
            return make();
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new ArgumentException(message);
        }
    }

    private static WeatherCondition ParseCondition(string name) =>
        Enum.TryParse<WeatherCondition>(name, ignoreCase: true, out var c) && Enum.IsDefined(c)
            && !int.TryParse(name, out _)
            ? c
            : throw new ArgumentException($"unknown condition '{name}'; choose from {ConditionNames}");
}
