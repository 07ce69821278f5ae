using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using DocumentKernelInfo = Microsoft.DotNet.Interactive.Documents.KernelInfo;

namespace RobuMTL.NotebookHost;

/// <summary>
/// Runs a .NET Interactive notebook (.ipynb) headless in this process, the way VS Code's Polyglot Notebooks
/// runs it: a fresh C# kernel per notebook, the working directory set to the notebook's folder (so relative
/// <c>#r</c> paths resolve the same), each code cell sent as one submission, kernel extensions of NuGet
/// packages loaded. The run stops at the first failing cell and the notebook is written back with its outputs.
/// </summary>
/// <remarks>
/// Known limitation: the working directory and environment variables are process-wide, so runs are
/// serialised (one notebook at a time per process), and assemblies a notebook loads stay loaded for the
/// rest of the process, as they do in one VS Code kernel session.
/// </remarks>
public sealed partial class NotebookRunner(ILogger<NotebookRunner>? logger = null)
{
    private const string PolyglotMetadataKey = "polyglot_notebook";

    private static readonly SemaphoreSlim OneRunAtATime = new(1, 1);

    private readonly ILogger logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>The kernels notebooks of this workbook use: C# code cells and markdown prose.</summary>
    public static KernelInfoCollection KernelInfos()
    {
        var infos = new KernelInfoCollection
        {
            new DocumentKernelInfo(WorkbookKernel.CSharpName, "C#", ["c#", "C#", "cs"]),
            new DocumentKernelInfo("markdown", "Markdown", ["md"]),
        };
        infos.DefaultKernelName = WorkbookKernel.CSharpName;
        return infos;
    }

    /// <summary>Reads a notebook and checks that it is one.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a readable .ipynb notebook.</exception>
    public static InteractiveDocument Load(string notebookPath)
    {
        if (!File.Exists(notebookPath))
        {
            throw new FileNotFoundException($"Notebook '{notebookPath}' does not exist.", notebookPath);
        }

        try
        {
            return Notebook.Parse(File.ReadAllText(notebookPath), KernelInfos());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException(
                $"Notebook '{notebookPath}' is not a readable .ipynb file ({e.Message}). " +
                "Open it in VS Code and save it again, or restore it from git.", e);
        }
    }

    /// <summary>
    /// Runs every code cell of <paramref name="notebookPath"/> in order and writes the executed notebook.
    /// Cell failures do not throw: they end the run and are returned in
    /// <see cref="NotebookRunResult.Failure"/>.
    /// </summary>
    /// <param name="notebookPath">The .ipynb file.</param>
    /// <param name="options">Output path and environment; null runs in place, in the current environment.</param>
    /// <param name="progress">Receives one report when each cell starts and one when it ends.</param>
    /// <param name="cancellationToken">Stops the run after the current cell.</param>
    /// <exception cref="FileNotFoundException">The notebook does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a readable notebook.</exception>
    public async Task<NotebookRunResult> RunAsync(
        string notebookPath,
        NotebookRunOptions? options = null,
        IProgress<CellProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= NotebookRunOptions.InPlace;
        var fullPath = Path.GetFullPath(notebookPath);
        var document = Load(fullPath);
        var outputPath = options.WriteOutput ? Path.GetFullPath(options.OutputPath ?? fullPath) : null;

        await OneRunAtATime.WaitAsync(cancellationToken);
        var savedDirectory = Directory.GetCurrentDirectory();
        var savedEnvironment = Apply(options.Environment);
        try
        {
            Directory.SetCurrentDirectory(Path.GetDirectoryName(fullPath)!);
            var clock = Stopwatch.StartNew();
            var (executed, cells, failure) = await RunCellsAsync(
                document, Path.GetFileName(fullPath), progress, cancellationToken);
            if (outputPath is not null)
            {
                Write(executed, outputPath);
            }

            return new NotebookRunResult(fullPath, outputPath, cells, failure, clock.Elapsed);
        }
        finally
        {
            Directory.SetCurrentDirectory(savedDirectory);
            Apply(savedEnvironment);
            OneRunAtATime.Release();
        }
    }

    /// <summary>Writes a notebook as .ipynb (Jupyter JSON with the Polyglot Notebooks metadata).</summary>
    public static void Write(InteractiveDocument document, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var json = Notebook.ToJupyterJson(document, WorkbookKernel.CSharpName);
        File.WriteAllText(path, json.ReplaceLineEndings("\n"), new UTF8Encoding(false));
    }

    private async Task<(InteractiveDocument Executed, List<CellResult> Cells, CellFailure? Failure)>
        RunCellsAsync(
            InteractiveDocument document,
            string name,
            IProgress<CellProgress>? progress,
            CancellationToken cancellationToken)
    {
        var elements = document.Elements;
        var cells = new List<CellResult>();
        var executed = new InteractiveDocument([]);
        foreach (var (key, value) in document.Metadata)
        {
            // The writer rebuilds the Polyglot Notebooks kernel list itself and rejects the parsed dictionary.
            if (key != PolyglotMetadataKey)
            {
                executed.Metadata[key] = value;
            }
        }

        using var kernel = WorkbookKernel.Create(new KernelExtensionLoader(logger));
        CellFailure? failure = null;
        var executionOrder = 0;
        for (var index = 0; index < elements.Count; index++)
        {
            var element = elements[index];
            var summary = Summary(element.Contents);
            void Report(CellPhase phase, TimeSpan elapsed) =>
                progress?.Report(new CellProgress(name, index, elements.Count, phase, summary, elapsed));

            if (!IsCode(element))
            {
                Report(CellPhase.Skipped, TimeSpan.Zero);
                executed.Add(element);
                continue;
            }

            if (failure is not null)
            {
                // Not run after the failure: drop outputs of an earlier run so none is mistaken for current.
                executed.Add(Executed(element, [], 0));
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            Report(CellPhase.Started, TimeSpan.Zero);
            var clock = Stopwatch.StartNew();
            var command = new SubmitCode(element.Contents, WorkbookKernel.CSharpName);
            var result = await kernel.SendAsync(command, cancellationToken);
            var elapsed = clock.Elapsed;
            var failed = result.Events.OfType<CommandFailed>().FirstOrDefault(f => f.Command == result.Command);

            executionOrder++;
            executed.Add(Executed(element, CellOutputs.From(result.Events, executionOrder), executionOrder));
            cells.Add(new CellResult(index, summary, elapsed, failed is null));
            var phase = failed is null ? CellPhase.Succeeded : CellPhase.Failed;
            Report(phase, elapsed);
            logger.LogInformation(
                "{Notebook} cell {Index} {Phase} in {Seconds:F2} s", name, index, phase, elapsed.TotalSeconds);
            if (failed is not null)
            {
                failure = Describe(index, element.Contents, failed, result.Events);
            }
        }

        return (executed, cells, failure);
    }

    private static InteractiveDocumentElement Executed(
        InteractiveDocumentElement cell, List<InteractiveDocumentOutputElement> outputs, int executionOrder) =>
        new(cell.Contents, cell.KernelName, outputs) { ExecutionOrder = executionOrder, Metadata = cell.Metadata };

    private static bool IsCode(InteractiveDocumentElement element) =>
        element.KernelName is not ("markdown" or "md" or "raw") && !string.IsNullOrWhiteSpace(element.Contents);

    /// <summary>The line that names a cell: its first statement after using directives and comments.</summary>
    private static string Summary(string contents)
    {
        var lines = contents.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var statement = lines.FirstOrDefault(
            l => !l.StartsWith("//", StringComparison.Ordinal) && !UsingDirective().IsMatch(l));
        return statement
            ?? lines.FirstOrDefault()
            ?? "";
    }

    private static CellFailure Describe(
        int index, string contents, CommandFailed failed, IReadOnlyList<KernelEvent> events)
    {
        var lines = contents.Split('\n');
        var errors = events.OfType<DiagnosticsProduced>()
            .SelectMany(d => d.Diagnostics)
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .ToList();
        // Known limitation: the kernel compiles cells without debug information, so an exception thrown at run
        // time carries no line number; only compile errors name their line.
        int? line = errors.Count > 0 ? errors[0].LinePositionSpan.Start.Line + 1 : null;
        var message = errors.Count > 0
            ? string.Join("; ", errors.Select(e => $"{e.Code}: {e.Message}"))
            : failed.Exception is { } exception ? ExceptionChain(exception) : failed.Message;
        var sourceLine = line is { } l && l >= 1 && l <= lines.Length ? lines[l - 1] : Summary(contents);
        var knownLine = line is { } k && k >= 1 && k <= lines.Length ? line : null;
        return new CellFailure(index, knownLine, sourceLine.TrimEnd(), message);
    }

    /// <summary>The exception and its inner exceptions (a type initializer's real cause is inside).</summary>
    private static string ExceptionChain(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            parts.Add($"{e.GetType().Name}: {e.Message}");
        }

        return string.Join(" ---> ", parts);
    }

    private static Dictionary<string, string?> Apply(IReadOnlyDictionary<string, string?>? variables)
    {
        var previous = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in variables ?? new Dictionary<string, string?>())
        {
            previous[key] = Environment.GetEnvironmentVariable(key);
            Environment.SetEnvironmentVariable(key, value);
        }

        return previous;
    }

    [GeneratedRegex(@"^using\s+(static\s+)?[\w.]+(\s*=\s*[\w.<>]+)?\s*;$")]
    private static partial Regex UsingDirective();

}
