using RobuMTL.Training;

namespace RobuMTL.Tests.Training;

public sealed class DataOrderTests
{
    [Fact]
    public void PermutationIsDeterministicPerSeedAndEpoch()
    {
        var first = DataOrder.Permutation(50, seed: 3, epoch: 1);

        Assert.Equal(Enumerable.Range(0, 50), first.Order());
        Assert.Equal(first, DataOrder.Permutation(50, seed: 3, epoch: 1));
        Assert.NotEqual(first, DataOrder.Permutation(50, seed: 3, epoch: 2));
        Assert.NotEqual(first, DataOrder.Permutation(50, seed: 4, epoch: 1));
        Assert.NotEqual(Enumerable.Range(0, 50), first);
    }

    [Fact]
    public void BatchesDropTheLastPartialBatch()
    {
        var batches = DataOrder.Batches(23, batchSize: 5, seed: 1, epoch: 0);

        Assert.Equal(4, batches.Count);
        Assert.All(batches, b => Assert.Equal(5, b.Length));
        Assert.Equal(20, batches.SelectMany(b => b).Distinct().Count());
    }
}
