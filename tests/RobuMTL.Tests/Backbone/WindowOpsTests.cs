using RobuMTL.Backbone;
using RobuMTL.Core;

namespace RobuMTL.Tests.Backbone;

public sealed class WindowOpsTests
{
    [Fact]
    public void ShiftMaskMatchesAHandComputedFourByFourCase()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);

        // 4x4 map, window 2, shift 1: rows/cols fall in bands [0,2), [2,3), [3,4); region = 3 * row band + col band.
        // Windows (row-major): (0,0) all region 0; (0,1) regions [1,2,1,2]; (1,0) [3,3,6,6]; (1,1) [4,5,7,8].
        using var mask = WindowOps.ShiftMask(4, 4, 2, 1, 1);
        int[][] regions = [[0, 0, 0, 0], [1, 2, 1, 2], [3, 3, 6, 6], [4, 5, 7, 8]];

        Assert.Equal(new long[] { 4, 4, 4 }, mask.shape);
        for (var w = 0; w < 4; w++)
        {
            for (var i = 0; i < 4; i++)
            {
                for (var j = 0; j < 4; j++)
                {
                    var expected = regions[w][i] == regions[w][j] ? 0f : -100f;
                    Assert.Equal(expected, mask[w, i, j].item<float>());
                }
            }
        }
    }

    [Fact]
    public void RelativePositionIndexAddressesOffsetsRowMajor()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);

        // Window 2: tokens (0,0) (0,1) (1,0) (1,1); index = (dh + 1) * 3 + (dw + 1) for offset i - j.
        using var index = WindowOps.RelativePositionIndex(2);
        long[] expected = [4, 3, 1, 0, 5, 4, 2, 1, 7, 6, 4, 3, 8, 7, 5, 4];

        Assert.Equal(expected, index.data<long>().ToArray());
    }

    [Fact]
    public void PartitionAndReverseAreInverse()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        using var x = TorchSharp.torch.randn(2, 6, 4, 3);

        using var windows = WindowOps.Partition(x, 2);
        using var back = WindowOps.Reverse(windows, 2, 6, 4, 2);

        Assert.Equal(new long[] { 12, 4, 3 }, windows.shape);
        Assert.True((back == x).all().item<bool>());
        var secondWindow = x[0, TorchSharp.torch.TensorIndex.Slice(0, 2), TorchSharp.torch.TensorIndex.Slice(2, 4)];
        Assert.True((windows[1] == secondWindow.reshape(4, 3)).all().item<bool>());
    }
}
