namespace RobuMTL.Tests;

/// <summary>The NuGet package cache the solution restored from (NUGET_PACKAGES, else ~/.nuget/packages).</summary>
internal static class NuGetCache
{
    /// <summary>The folder of one package version, e.g. <c>torchsharp/0.107.0</c> (ids in lower case).</summary>
    public static string PackageFolder(string id, string version)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(packages, id.ToLowerInvariant(), version);
    }
}
