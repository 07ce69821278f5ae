using System.Runtime.Loader;
using RobuMTL.Workbook;

namespace RobuMTL.Tests.Workbook;

public sealed class NotebookEnvironmentTests
{
    private static readonly PinnedPackage[] Pinned =
    [
        new("Microsoft.Data.Analysis", BuildInfo.DataAnalysisVersion),
        new("Plotly.NET", BuildInfo.PlotlyNetVersion),
        new("Plotly.NET.Interactive", BuildInfo.PlotlyNetInteractiveVersion),
        new("TorchSharp", BuildInfo.TorchSharpVersion),
    ];

    private static Dictionary<string, string> PinnedVersions() =>
        Pinned.ToDictionary(p => p.Package, p => p.Version, StringComparer.Ordinal);

    [Fact]
    public void ReportsEveryPackageItCheckedAtItsLoadedVersion()
    {
        // A notebook's #r loads the chart extension from the NuGet cache; do the same here.
        LoadChartExtension();

        var report = NotebookEnvironment.RequirePinnedVersions();

        Assert.Equal(Pinned, report);
    }

    [Fact]
    public void AVersionOtherThanThePinnedOneIsRefusedNamingBoth()
    {
        var loaded = PinnedVersions();
        loaded["Microsoft.Data.Analysis"] = "0.21.1";

        var error = Assert.Throws<InvalidOperationException>(() => NotebookEnvironment.Compare(loaded));

        Assert.Contains(
            $"Microsoft.Data.Analysis 0.21.1 is loaded but the library was built with {BuildInfo.DataAnalysisVersion}",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingChartExtensionIsRefusedWithTheLineToAdd()
    {
        var loaded = PinnedVersions();
        loaded.Remove("Plotly.NET.Interactive");

        var error = Assert.Throws<InvalidOperationException>(() => NotebookEnvironment.Compare(loaded));

        Assert.Contains(
            $"#r \"nuget: Plotly.NET.Interactive, {BuildInfo.PlotlyNetInteractiveVersion}\"", error.Message,
            StringComparison.Ordinal);
    }

    private static void LoadChartExtension()
    {
        if (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Plotly.NET.Interactive"))
        {
            return;
        }

        var dll = Path.Combine(
            NuGetCache.PackageFolder("Plotly.NET.Interactive", BuildInfo.PlotlyNetInteractiveVersion),
            "interactive-extensions", "dotnet", "Plotly.NET.Interactive.dll");
        AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
    }
}
