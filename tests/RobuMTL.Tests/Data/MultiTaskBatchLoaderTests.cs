using RobuMTL.Core;
using RobuMTL.Data;
using RobuMTL.Tasks;

namespace RobuMTL.Tests.Data;

public sealed class MultiTaskBatchLoaderTests
{
    public MultiTaskBatchLoaderTests() => TorchRuntime.Initialize();

    private static InMemoryDataset Dataset(int count)
    {
        var info = new DatasetInfo("toy", [TaskKind.SemanticSegmentation], 4, 0, ["a", "b", "c", "d"], []);
        var samples = Enumerable.Range(0, count)
            .Select(i => MultiTaskBatchTests.Sample($"s{i}", 2, 2, i) with
            {
                HumanParts = null,
                Saliency = null,
                Edges = null,
                Depth = null,
                Normals = null,
            })
            .ToArray();
        return new InMemoryDataset(info, samples);
    }

    [Fact]
    public void ShuffleIsSeededPerEpochAndCoversEverySample()
    {
        var loader = new MultiTaskBatchLoader(Dataset(10), new BatchLoaderOptions(3, Seed: 5));
        var again = new MultiTaskBatchLoader(Dataset(10), new BatchLoaderOptions(3, Seed: 5));

        Assert.Equal(loader.Order(0), again.Order(0));
        Assert.NotEqual(loader.Order(0), loader.Order(1));
        Assert.Equal(Enumerable.Range(0, 10), loader.Order(1).Order());
    }

    [Fact]
    public void DropLastControlsTheFinalPartialBatch()
    {
        var drop = new MultiTaskBatchLoader(Dataset(10), new BatchLoaderOptions(3, Shuffle: false));
        var keep = new MultiTaskBatchLoader(Dataset(10), BatchLoaderOptions.Eval(3));

        var dropped = drop.Epoch(0).Select(b => { using (b) { return b.Ids.ToArray(); } }).ToArray();
        var kept = keep.Epoch(0).Select(b => { using (b) { return b.Ids.ToArray(); } }).ToArray();

        Assert.Equal(3, dropped.Length);
        Assert.Equal(4, kept.Length);
        Assert.Equal(["s9"], kept[3]);
        Assert.Equal(["s0", "s1", "s2"], kept[0]);
    }

    [Fact]
    public void TransformSeedsAreReproducibleAndIndependentOfThreads()
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        MultiTaskSample Record(MultiTaskSample s, int seed)
        {
            seen[s.Id] = seed;
            return s;
        }

        var loader = new MultiTaskBatchLoader(Dataset(8), new BatchLoaderOptions(4, Seed: 1), Record);
        foreach (var b in loader.Epoch(2))
        {
            b.Dispose();
        }

        var first = new Dictionary<string, int>(seen);
        seen.Clear();
        var serial = new MultiTaskBatchLoader(
            Dataset(8), new BatchLoaderOptions(4, Seed: 1, MaxParallelism: 1), Record);
        foreach (var b in serial.Epoch(2))
        {
            b.Dispose();
        }

        Assert.Equal(8, first.Count);
        Assert.Equal(first, new Dictionary<string, int>(seen));
        Assert.Equal(8, first.Values.Distinct().Count());
    }
}
