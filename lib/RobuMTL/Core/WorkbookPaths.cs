namespace RobuMTL.Core;

/// <summary>
/// Where the workbook reads and writes. Every phase writes under <c>runs/&lt;profile&gt;/&lt;phase&gt;/</c> in the
/// repository (override the root with <c>ROBUMTL_RUNS</c>), so each notebook finds what the previous one
/// produced; generated datasets live under <c>data/generated/</c>. Both are git-ignored.
/// </summary>
/// <param name="RepositoryRoot">The folder holding <see cref="RootMarker"/>.</param>
/// <param name="RunsRoot">The runs folder (<see cref="RunsVariable"/>).</param>
/// <param name="DataRoot">The data folder.</param>
/// <param name="FiguresRoot">Where every profile's figures go instead (<see cref="FiguresVariable"/>); null for
/// the default of <see cref="Figures"/>.</param>
public sealed record WorkbookPaths(string RepositoryRoot, string RunsRoot, string DataRoot, string? FiguresRoot = null)
{
    /// <summary>Environment variable that moves the runs folder (for example to a scratch disk).</summary>
    public const string RunsVariable = "ROBUMTL_RUNS";

    /// <summary>
    /// Environment variable that sends every profile's figures to one folder; the notebook runner sets it to
    /// <c>&lt;output&gt;/figures</c> with <c>--output</c>, so a run into a scratch folder leaves <c>figures/</c> alone.
    /// </summary>
    public const string FiguresVariable = "ROBUMTL_FIGURES";

    /// <summary>The file that marks the repository root.</summary>
    public const string RootMarker = "RobuMTL.Notebooks.sln";

    /// <summary>
    /// Finds the repository by walking up from <paramref name="start"/> (default: current directory).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No parent folder holds RobuMTL.Notebooks.sln.</exception>
    public static WorkbookPaths Discover(string? start = null)
    {
        var origin = Path.GetFullPath(start ?? Directory.GetCurrentDirectory());
        for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, RootMarker)))
            {
                var runs = Environment.GetEnvironmentVariable(RunsVariable);
                var figures = Environment.GetEnvironmentVariable(FiguresVariable);
                return new WorkbookPaths(
                    dir.FullName,
                    string.IsNullOrWhiteSpace(runs) ? Path.Combine(dir.FullName, "runs") : Path.GetFullPath(runs),
                    Path.Combine(dir.FullName, "data"),
                    string.IsNullOrWhiteSpace(figures) ? null : Path.GetFullPath(figures));
            }
        }

        throw new DirectoryNotFoundException(
            $"No {RootMarker} above '{origin}'. Run from inside the RobuMTL workbook repository.");
    }

    /// <summary>The folder of one phase of one profile, created on demand: runs/quick/03-experts.</summary>
    public string Phase(RunProfile profile, string phase)
    {
        var path = Path.Combine(RunsRoot, profile.Kind.ToString().ToLowerInvariant(), phase);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The generated-scenes cache for one profile's image size and seed.</summary>
    public string GeneratedScenes(RunProfile profile) =>
        Path.Combine(DataRoot, "generated", $"scenes-{profile.ImageSize}px-seed{profile.Seed}");

    /// <summary>
    /// The folder that receives <paramref name="profile"/>'s regenerated figures: the repository's <c>figures/</c>
    /// for the quick and paper profiles, and <c>runs/smoke/figures</c> for the smoke profile, so a CI or test run
    /// never overwrites the committed figures with numbers from a few seconds of training; <see cref="FiguresRoot"/>
    /// for every profile when it is set.
    /// </summary>
    public string Figures(RunProfile profile) => FiguresRoot ?? (profile.Kind == ProfileKind.Smoke
        ? Path.Combine(RunsRoot, "smoke", "figures")
        : Path.Combine(RepositoryRoot, "figures"));
}
