using System.Reflection;

namespace RobuMTL.Workbook;

/// <summary>
/// The check every notebook's first cell makes after its <c>#r</c> lines: the packages it loaded are the ones
/// the library was built with (<see cref="BuildInfo"/>, pinned in Directory.Packages.props).
/// </summary>
public static class NotebookEnvironment
{
    /// <summary>
    /// Compares the loaded TorchSharp, Plotly.NET.Interactive and Microsoft.Data.Analysis (those that are loaded)
    /// with the pinned versions and returns them for display.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// A loaded version differs; the message says how to fix it.
    /// </exception>
    public static IReadOnlyList<(string Package, string Version)> RequirePinnedVersions()
    {
        var expected = new Dictionary<string, string>
        {
            ["TorchSharp"] = BuildInfo.TorchSharpVersion,
            ["Plotly.NET.Interactive"] = BuildInfo.PlotlyNetInteractiveVersion,
            ["Microsoft.Data.Analysis"] = BuildInfo.DataAnalysisVersion,
        };
        var loaded = new List<(string, string)>();
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            var name = assembly.GetName().Name;
            if (name is null || !expected.TryGetValue(name, out var pinned))
            {
                continue;
            }

            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                .Split('+')[0] ?? assembly.GetName().Version?.ToString(3) ?? "?";
            if (version != pinned)
            {
                throw new InvalidOperationException(
                    $"{name} {version} is loaded but the library was built with {pinned}. Fix the #r line of the "
                    + "first cell or rebuild (dotnet build lib/RobuMTL.Cli -c Release), then restart the kernel.");
            }

            loaded.Add((name, version));
        }

        return loaded.Distinct().OrderBy(p => p.Item1, StringComparer.Ordinal).ToList();
    }
}
