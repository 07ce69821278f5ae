using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace RobuMTL.Core;

/// <summary>
/// Starts libtorch once per process: loads the native backend, sets the thread count and picks the device.
/// Call <see cref="Initialize"/> before constructing any module (TorchSharp needs the native library loaded
/// first, otherwise module constructors fail with DllNotFoundException).
/// </summary>
public static class TorchRuntime
{
    private static readonly object Gate = new();
    private static TorchRuntimeInfo? current;

    /// <summary>What the last <see cref="Initialize"/> chose; null before the first call.</summary>
    public static TorchRuntimeInfo? Current => current;

    /// <summary>
    /// Loads the backend and chooses the device. A CUDA request on a machine without a usable GPU falls back
    /// to the CPU and logs a warning, so one notebook serves both.
    /// </summary>
    public static TorchRuntimeInfo Initialize(
        ComputeBackend preferred = ComputeBackend.Cpu, int? threads = null, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        lock (Gate)
        {
            var bridge = TorchNativeBridge.Preload();
            logger.LogDebug("TorchSharp native bridge: {Path}", bridge ?? "(left to TorchSharp's probing)");

            var backend = preferred;
            if (preferred == ComputeBackend.Cuda && !TryInitializeCuda())
            {
                logger.LogWarning(
                    "CUDA was requested but is not available (built with TorchBackend={Backend}); using the CPU.",
                    BuildInfo.TorchBackend);
                backend = ComputeBackend.Cpu;
            }

            InitializeDeviceType(DeviceType.CPU);
            var threadCount = threads ?? Environment.ProcessorCount;
            if (threadCount < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(threads), threads, "threads must be at least 1");
            }

            set_num_threads(threadCount);
            var device = backend == ComputeBackend.Cuda ? CUDA : CPU;
            current = new TorchRuntimeInfo(
                backend, device, get_num_threads(), BuildInfo.TorchSharpVersion, BuildInfo.LibTorchVersion,
                cuda.is_available());
            logger.LogInformation(
                "libtorch {LibTorch} via TorchSharp {TorchSharp}: {Device}, {Threads} threads",
                current.LibTorchVersion, current.TorchSharpVersion, device, current.Threads);
            return current;
        }
    }

    /// <summary>Seeds libtorch's generators (CPU and, where present, CUDA) for reproducible initialisation.</summary>
    public static void Seed(int seed)
    {
        manual_seed(seed);
        if (cuda.is_available())
        {
            cuda.manual_seed_all(seed);
        }
    }

    private static bool TryInitializeCuda()
    {
        try
        {
            InitializeDeviceType(DeviceType.CUDA);
            return cuda.is_available();
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
