using System.Reflection;

namespace RobuMTL.Workbook;

/// <summary>
/// The check every notebook's first cell makes after its <c>#r</c> lines: the packages it loaded are the ones
/// the library was built with (<see cref="BuildInfo"/>, pinned in Directory.Packages.props).
/// </summary>
public static class NotebookEnvironment
{
    /// <summary>The package a notebook brings in by <c>#r</c>; the library itself does not reference it.</summary>
    internal const string ChartExtension = "Plotly.NET.Interactive";

    /// <summary>
    /// Checks TorchSharp, Plotly.NET and Microsoft.Data.Analysis (loaded here if they are not yet) and the
    /// notebook's Plotly.NET.Interactive against the pinned versions, and returns the four for display.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// A version differs, or Plotly.NET.Interactive is not loaded; the message says how to fix it.
    /// </exception>
    public static IReadOnlyList<PinnedPackage> RequirePinnedVersions()
    {
        // typeof loads the assembly, so a package the notebook has not touched yet is still checked.
        var loaded = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TorchSharp"] = VersionOf(typeof(TorchSharp.torch).Assembly),
            ["Plotly.NET"] = VersionOf(typeof(Plotly.NET.GenericChart).Assembly),
            ["Microsoft.Data.Analysis"] = VersionOf(typeof(Microsoft.Data.Analysis.DataFrame).Assembly),
        };
        var extension = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => a.GetName().Name == ChartExtension);
        if (extension is not null)
        {
            loaded[ChartExtension] = VersionOf(extension);
        }

        return Compare(loaded);
    }

    /// <summary>Compares loaded versions (package to version) with the pinned ones, in package order.</summary>
    internal static IReadOnlyList<PinnedPackage> Compare(IReadOnlyDictionary<string, string> loaded)
    {
        var pinned = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["TorchSharp"] = BuildInfo.TorchSharpVersion,
            ["Plotly.NET"] = BuildInfo.PlotlyNetVersion,
            [ChartExtension] = BuildInfo.PlotlyNetInteractiveVersion,
            ["Microsoft.Data.Analysis"] = BuildInfo.DataAnalysisVersion,
        };
        var checkedPackages = new List<PinnedPackage>();
        foreach (var (package, version) in pinned)
        {
            if (!loaded.TryGetValue(package, out var found))
            {
                throw new InvalidOperationException(
                    $"{package} is not loaded in this kernel. Add #r \"nuget: {package}, {version}\" "
                    + "to the notebook's first cell and restart the kernel.");
            }

            if (found != version)
            {
                throw new InvalidOperationException(
                    $"{package} {found} is loaded but the library was built with {version}. Fix the #r line of "
                    + "the first cell or rebuild (dotnet build lib/RobuMTL.Cli -c Release), then restart the kernel.");
            }

            checkedPackages.Add(new PinnedPackage(package, found));
        }

        return checkedPackages;
    }

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString(3)
        ?? "?";
}
