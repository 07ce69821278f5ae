using System.CommandLine;
using System.Text.RegularExpressions;
using RobuMTL.Core;
using RobuMTL.NotebookHost;
using Spectre.Console;

namespace RobuMTL.Cli.Verbs;

/// <summary>
/// <c>robumtl workbook</c>: runs the numbered notebooks (<c>notebooks/NN-*.ipynb</c>) headless, in order, with
/// the kernel setup VS Code uses, and writes them back with their outputs. Exits non-zero at the first
/// failing cell, naming the notebook, the cell and the error.
/// </summary>
public sealed partial class WorkbookVerb : ICliVerb
{
    /// <inheritdoc />
    public int Order => 90;

    /// <inheritdoc />
    public Command Create()
    {
        var profile = new Option<ProfileKind?>("--profile")
        {
            Description = "Run profile passed to the notebooks as ROBUMTL_PROFILE (smoke, quick, paper, paper-nyud). " +
                "Default: the ROBUMTL_PROFILE environment variable, else quick.",
        };
        var notebooks = new Option<string[]>("--notebooks")
        {
            Description = "Notebooks to run: names, numbers or globs (00-setup, 03, '0[1-3]-*'). Default: all.",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<DirectoryInfo?>("--output")
        {
            Description = "Write executed notebooks into this folder instead of in place.",
        };
        var inPlace = new Option<bool>("--in-place")
        {
            Description = "Write executed notebooks back in place (the default), so they carry outputs.",
        };
        var list = new Option<bool>("--list") { Description = "List the notebooks in run order and exit." };
        var folder = new Option<DirectoryInfo?>("--folder")
        {
            Description = "Run the numbered notebooks (NN-*.ipynb) of this folder instead of the repository's " +
                "notebooks/.",
        };

        var command = new Command("workbook", "Run the notebooks headless, in order, as VS Code would.")
        {
            profile, notebooks, output, inPlace, list, folder,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new Request(
                parse.GetValue(profile),
                parse.GetValue(notebooks) ?? [],
                parse.GetValue(output),
                parse.GetValue(inPlace),
                parse.GetValue(list),
                parse.GetValue(folder)),
            cancellationToken));
        return command;
    }

    /// <summary>The numbered notebooks of a folder in run order (<c>NN-*.ipynb</c>, sorted by name).</summary>
    public static IReadOnlyList<string> Discover(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.ipynb")
                .Where(f => NumberedNotebook().IsMatch(Path.GetFileName(f)))
                .Order(StringComparer.Ordinal)]
            : [];

    /// <summary>
    /// The notebooks <paramref name="patterns"/> select, in run order: a pattern is a file name (with or
    /// without .ipynb), a number prefix (<c>03</c>) or a glob with <c>*</c>, <c>?</c> and <c>[...]</c>;
    /// patterns may also be separated by commas. No pattern selects all.
    /// </summary>
    /// <exception cref="ArgumentException">A pattern matches no notebook.</exception>
    public static IReadOnlyList<string> Select(IReadOnlyList<string> all, IReadOnlyList<string> patterns)
    {
        var split = patterns
            .SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        if (split.Count == 0)
        {
            return all;
        }

        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in split)
        {
            var matches = all.Where(path => Matches(Path.GetFileName(path), pattern)).ToList();
            if (matches.Count == 0)
            {
                var names = string.Join(", ", all.Select(Path.GetFileNameWithoutExtension));
                throw new ArgumentException(
                    $"--notebooks '{pattern}' matches no notebook. Available: {names}.");
            }

            chosen.UnionWith(matches);
        }

        return [.. all.Where(chosen.Contains)];
    }

    private static bool Matches(string fileName, string pattern)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        if (pattern.Contains('*') || pattern.Contains('?') || pattern.Contains('['))
        {
            var glob = Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".").Replace(@"\[", "[");
            var regex = $"^{glob}$";
            return Regex.IsMatch(fileName, regex) || Regex.IsMatch(stem, regex);
        }

        return fileName == pattern
            || stem == pattern
            || stem.StartsWith(pattern + "-", StringComparison.Ordinal);
    }

    private static async Task<int> RunAsync(Request request, CancellationToken cancellationToken)
    {
        string folder;
        IReadOnlyList<string> selected;
        try
        {
            folder = request.Folder is null ? NotebooksFolder() : CheckedFolder(request.Folder);
            var all = Discover(folder);
            if (all.Count == 0)
            {
                throw new ArgumentException($"No numbered notebooks (NN-*.ipynb) in '{folder}'.");
            }

            if (request.Output is not null && request.InPlace)
            {
                throw new ArgumentException("--output and --in-place exclude each other; pass one of them.");
            }

            selected = Select(all, request.Patterns);
        }
        catch (Exception e) when (e is ArgumentException or DirectoryNotFoundException)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return 2;
        }

        if (request.List)
        {
            foreach (var path in selected)
            {
                AnsiConsole.WriteLine(Path.GetRelativePath(Directory.GetCurrentDirectory(), path));
            }

            return 0;
        }

        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (request.Profile is { } kind)
        {
            environment[RunProfile.EnvironmentVariable] = kind.ToString().ToLowerInvariant();
        }

        if (request.Output is not null)
        {
            environment[WorkbookPaths.FiguresVariable] = Path.Combine(request.Output.FullName, "figures");
        }

        var profileName = request.Profile?.ToString().ToLowerInvariant()
            ?? Environment.GetEnvironmentVariable(RunProfile.EnvironmentVariable) ?? "quick (default)";
        AnsiConsole.MarkupLine(
            $"Running {selected.Count} notebook(s) from [blue]{Markup.Escape(folder)}[/], " +
            $"profile [blue]{Markup.Escape(profileName)}[/]");
        var runner = new NotebookRunner();
        var results = new List<NotebookRunResult>();
        foreach (var path in selected)
        {
            var options = new NotebookRunOptions(
                request.Output is null ? null : Path.Combine(request.Output.FullName, Path.GetFileName(path)),
                environment);
            var result = await RunOneAsync(runner, path, options, cancellationToken);
            results.Add(result);

            // The finished notebook's tensors are unreachable with its kernel; free them and trim the C heap so
            // the next notebook starts from a small process rather than from every earlier notebook's peak.
            NativeHeap.Release();
            if (!result.Succeeded)
            {
                var where = $"{Path.GetFileName(path)} at {result.Failure}";
                AnsiConsole.MarkupLine($"[red]FAILED[/] {Markup.Escape(where)}");
                if (result.OutputPath is { } written)
                {
                    AnsiConsole.MarkupLine($"The notebook with the error is in {Markup.Escape(written)}");
                }
                break;
            }
        }

        WriteSummary(results);
        return results.All(r => r.Succeeded) && results.Count == selected.Count ? 0 : 1;
    }

    private static async Task<NotebookRunResult> RunOneAsync(
        NotebookRunner runner, string path, NotebookRunOptions options, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(name)}[/]");
        var starting = $"{Markup.Escape(name)}: starting the kernel";
        return await AnsiConsole.Status().StartAsync(starting, async status =>
        {
            var progress = new InlineProgress<CellProgress>(p => Show(status, p));
            return await runner.RunAsync(path, options, progress, cancellationToken);
        });
    }

    private static void Show(StatusContext status, CellProgress p)
    {
        var cell = Markup.Escape($"[{p.CellIndex + 1,2}/{p.CellCount}]");
        var source = Markup.Escape(Shorten(p.Summary, 70));
        var seconds = $"{p.Elapsed.TotalSeconds,7:F2} s";
        switch (p.Phase)
        {
            case CellPhase.Started:
                status.Status($"{Markup.Escape(p.Notebook)} {cell} {source}");
                break;
            case CellPhase.Succeeded:
                AnsiConsole.MarkupLine($"  [green]ok[/]   {cell} {seconds}  {source}");
                break;
            case CellPhase.Failed:
                AnsiConsole.MarkupLine($"  [red]fail[/] {cell} {seconds}  {source}");
                break;
            case CellPhase.Skipped:
                break;
        }
    }

    private static void WriteSummary(IReadOnlyList<NotebookRunResult> results)
    {
        var table = new Table().AddColumns("Notebook", "Code cells", "Seconds", "Result");
        foreach (var r in results)
        {
            table.AddRow(
                Markup.Escape(Path.GetFileName(r.NotebookPath)),
                r.Cells.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Duration.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture),
                r.Succeeded ? "[green]ok[/]" : $"[red]failed at cell {r.Failure!.CellIndex + 1}[/]");
        }

        AnsiConsole.Write(table);
    }

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string CheckedFolder(DirectoryInfo folder) => folder.Exists
        ? folder.FullName
        : throw new ArgumentException(
            $"--folder '{folder.FullName}' does not exist; pass a folder holding NN-*.ipynb notebooks.");

    private static string NotebooksFolder()
    {
        // From inside the repository use it; otherwise the working copy the CLI was built in.
        WorkbookPaths paths;
        try
        {
            paths = WorkbookPaths.Discover();
        }
        catch (DirectoryNotFoundException)
        {
            paths = WorkbookPaths.Discover(AppContext.BaseDirectory);
        }

        return Path.Combine(paths.RepositoryRoot, "notebooks");
    }

    [GeneratedRegex(@"^\d\d-.+\.ipynb$")]
    private static partial Regex NumberedNotebook();

    private sealed record Request(
        ProfileKind? Profile,
        IReadOnlyList<string> Patterns,
        DirectoryInfo? Output,
        bool InPlace,
        bool List,
        DirectoryInfo? Folder);
}
