using System.Runtime.InteropServices;

namespace RobuMTL.Cli.Verbs;

/// <summary>Gives the C heap's free memory back to the operating system between notebooks.</summary>
internal static class NativeHeap
{
    /// <summary>
    /// Collects the finished notebook's managed objects (so TorchSharp finalizers free their tensors), then on
    /// glibc asks malloc to return free pages of every arena. libtorch allocates from whichever thread runs a
    /// cell, so freed blocks stay spread over many arenas and the process keeps growing from one notebook to the
    /// next unless they are trimmed.
    /// </summary>
    public static void Release()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        if (OperatingSystem.IsLinux())
        {
            try
            {
                _ = MallocTrim(0);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // Not glibc (musl, for one): nothing to trim, and the collection above is all there is to do.
            }
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
