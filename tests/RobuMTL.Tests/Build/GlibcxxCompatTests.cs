using RobuMTL.Build;

namespace RobuMTL.Tests.Build;

/// <summary>
/// Checks the libstdc++ compatibility step against the TorchSharp library this build restored: that the only
/// libstdc++ versions the system lacks are bound to unused markers, and that the output copy was marked.
/// </summary>
public sealed class GlibcxxCompatTests
{
    private static readonly HashSet<string> Allowed = ["_ZSt21ios_base_library_initv"];

    private static string CachedLibrary() => Path.Combine(
        NuGetCache.PackageFolder("TorchSharp", BuildInfo.TorchSharpVersion), "runtimes", "linux-x64", "native",
        "libLibTorchSharp.so");

    private static string OutputLibrary() =>
        Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    [Fact]
    public void ShippedLibraryNeedsNothingNewerThanTheSystemBeyondUnusedMarkers()
    {
        var system = GlibcxxCompatPlan.FindSystemLibstdcxx();
        if (!OperatingSystem.IsLinux() || system is null || !File.Exists(CachedLibrary()))
        {
            return;
        }

        var plan = GlibcxxCompatPlan.Create(
            File.ReadAllBytes(CachedLibrary()), ElfSymbolVersions.ReadDefinitions(File.ReadAllBytes(system)), Allowed);

        Assert.Empty(plan.Blockers);
    }

    [Fact]
    public void OutputCopyHasEveryMissingVersionMarkedWeak()
    {
        var system = GlibcxxCompatPlan.FindSystemLibstdcxx();
        if (!OperatingSystem.IsLinux() || system is null)
        {
            return;
        }

        var systemVersions = ElfSymbolVersions.ReadDefinitions(File.ReadAllBytes(system));
        var plan = GlibcxxCompatPlan.Create(File.ReadAllBytes(OutputLibrary()), systemVersions, Allowed);

        Assert.All(plan.Missing, need => Assert.True(need.Weak, $"{need.Version} is not marked weak"));
    }

    [Fact]
    public void TheBuildMarksItsOutputCopyAndNeverTheNuGetCacheCopy()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var cached = File.ReadAllBytes(CachedLibrary());
        var output = File.ReadAllBytes(OutputLibrary());

        // The cache keeps TorchSharp's hard GLIBCXX_3.4.32 need, so the build edited only its own copy.
        var marker = ElfSymbolVersions.ReadNeeds(cached).Single(n => n.Version == "GLIBCXX_3.4.32");
        Assert.False(marker.Weak, $"{CachedLibrary()} was edited: its GLIBCXX_3.4.32 need is weak");

        // And that copy is the cached file with at most some weak flags set, nothing else changed.
        Assert.Equal(cached.Length, output.Length);
        var weakFlags = ElfSymbolVersions.ReadNeeds(output).Where(n => n.Weak).Select(n => n.FlagsOffset).ToHashSet();
        var changed = Enumerable.Range(0, cached.Length).Where(i => cached[i] != output[i]).ToList();
        Assert.All(changed, i => Assert.Contains(i, weakFlags));
    }

    [Fact]
    public void ReadsTheKnownMarkerAndItsVersionFromTheShippedLibrary()
    {
        if (!File.Exists(CachedLibrary()))
        {
            return;
        }

        var bytes = File.ReadAllBytes(CachedLibrary());
        var needs = ElfSymbolVersions.ReadNeeds(bytes);
        var marker = needs.Single(n => n.Version == "GLIBCXX_3.4.32");

        Assert.Equal("libstdc++.so.6", marker.File);
        Assert.False(marker.Weak);
        Assert.Equal(["_ZSt21ios_base_library_initv"], ElfSymbolVersions.SymbolsBoundTo(bytes, marker.Index));
        Assert.False(ElfSymbolVersions.AnyRelocationUses(bytes, marker.Index));
    }

    [Fact]
    public void MarkWeakSetsOnlyTheWeakFlag()
    {
        if (!File.Exists(CachedLibrary()))
        {
            return;
        }

        var bytes = File.ReadAllBytes(CachedLibrary());
        var before = (byte[])bytes.Clone();
        var marker = ElfSymbolVersions.ReadNeeds(bytes).Single(n => n.Version == "GLIBCXX_3.4.32");

        ElfSymbolVersions.MarkWeak(bytes, marker);

        var changed = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] != before[i]).ToList();
        Assert.Equal([marker.FlagsOffset], changed);
        Assert.True(ElfSymbolVersions.ReadNeeds(bytes).Single(n => n.Version == "GLIBCXX_3.4.32").Weak);
    }

    [Fact]
    public void RejectsFilesThatAreNotElf()
    {
        Assert.Throws<InvalidDataException>(() => ElfSymbolVersions.ReadNeeds(new byte[128]));
    }
}
