using RobuMTL.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Core;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void LoadsAndReportsTheBuiltVersions()
    {
        var info = TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);

        Assert.Equal(ComputeBackend.Cpu, info.Backend);
        Assert.Equal(DeviceType.CPU, info.Device.type);
        Assert.Equal(2, info.Threads);
        Assert.Equal(BuildInfo.TorchSharpVersion, typeof(torch).Assembly.GetName().Version!.ToString(3));
    }

    [Fact]
    public void TrainsATinyModuleWithAFallingLoss()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        TorchRuntime.Seed(1);
        using var model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1));
        using var optimizer = optim.Adam(model.parameters(), lr: 0.02);
        using var x = randn(64, 4);
        using var y = (x.sum(1, keepdim: true) * 0.5).tanh();

        var losses = new List<float>();
        for (var step = 0; step < 40; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.call(x), y);
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }

        Assert.True(losses[^1] < losses[0] * 0.2f, $"loss went from {losses[0]} to {losses[^1]}");
        Assert.All(model.parameters(), p => Assert.NotNull(p.grad));
    }

    [Fact]
    public void CudaRequestFallsBackToCpuWithoutAGpu()
    {
        if (cuda.is_available())
        {
            return;
        }

        var info = TorchRuntime.Initialize(ComputeBackend.Cuda, threads: 1);

        Assert.Equal(ComputeBackend.Cpu, info.Backend);
        Assert.False(info.CudaAvailable);
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
    }
}
