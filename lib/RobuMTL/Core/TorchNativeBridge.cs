using System.Runtime.InteropServices;

namespace RobuMTL.Core;

/// <summary>
/// Loads TorchSharp's native bridge (libLibTorchSharp) from the build output beside TorchSharp.dll before
/// TorchSharp probes for it. An executable finds it through its deps.json, but a notebook kernel (VS Code's
/// dotnet-interactive process) does not: TorchSharp then dlopens whatever <c>libtorch_cpu.so</c> the system
/// has (Debian's python3-torch 1.13), fails on the bridge, and finally copies the unpatched libraries from
/// the NuGet cache into a <c>cpu/</c> folder, which do not load here. Loading the patched copy by its full
/// path first makes every later lookup by name resolve to it (and, through its $ORIGIN run path, to the
/// libtorch beside it).
/// </summary>
internal static class TorchNativeBridge
{
    /// <summary>
    /// Loads the bridge from <c>runtimes/&lt;rid&gt;/native</c> beside TorchSharp.dll (or from beside it, in a
    /// flattened publish folder). Returns the loaded path, or null when neither exists (TorchSharp's own
    /// probing then decides).
    /// </summary>
    public static string? Preload()
    {
        var folder = Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location);
        if (string.IsNullOrEmpty(folder))
        {
            return null;
        }

        var (os, fileName) = OperatingSystem.IsWindows() ? ("win", "LibTorchSharp.dll")
            : OperatingSystem.IsMacOS() ? ("osx", "libLibTorchSharp.dylib")
            : ("linux", "libLibTorchSharp.so");

        // The portable RID the libtorch packages use (linux-x64), not the distribution-specific one.
        var rid = $"{os}-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";
        var candidates = new[]
        {
            Path.Combine(folder, "runtimes", rid, "native", fileName),
            Path.Combine(folder, fileName),
        };
        var path = candidates.FirstOrDefault(File.Exists);
        if (path is not null)
        {
            NativeLibrary.Load(path);
        }

        return path;
    }
}
