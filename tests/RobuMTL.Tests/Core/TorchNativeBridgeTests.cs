using RobuMTL.Core;

namespace RobuMTL.Tests.Core;

public sealed class TorchNativeBridgeTests
{
    [Fact]
    public void LoadsThePatchedBridgeBesideTorchSharpAndNothingFromElsewhere()
    {
        var torchSharpFolder = Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location)!;

        var bridge = TorchNativeBridge.Preload();
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 1);

        Assert.NotNull(bridge);
        Assert.StartsWith(torchSharpFolder, bridge, StringComparison.Ordinal);
        if (OperatingSystem.IsLinux())
        {
            // The memory map lists every shared object the process loaded, whoever asked for it.
            var loaded = File.ReadLines("/proc/self/maps")
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
                .Where(path => Path.GetFileName(path) is var name
                    && (name == "libLibTorchSharp.so" || name.StartsWith("libtorch_cpu.so", StringComparison.Ordinal)))
                .Distinct()
                .ToList();
            Assert.Contains(bridge, loaded);
            Assert.All(loaded, path => Assert.StartsWith(torchSharpFolder, path, StringComparison.Ordinal));
        }
    }
}
