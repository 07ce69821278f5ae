using RobuMTL.Figures;

namespace RobuMTL.Tests.Figures;

public sealed class TsneTests
{
    [Fact]
    public void SeparatesTwoWellSeparatedClusters()
    {
        // Two Gaussian blobs in 10-D, 40 points each, centres 10 standard deviations apart.
        var random = new Random(3);
        var points = Enumerable.Range(0, 80)
            .Select(i => Enumerable.Range(0, 10)
                .Select(d => (float)((i < 40 ? 0 : 10) * (d == 0 ? 1 : 0) + SyntheticResults.Normal(random)))
                .ToArray())
            .ToList();

        var result = Tsne.Embed(points, new TsneOptions(Perplexity: 10, Iterations: 400, ExaggerationIterations: 100, Seed: 1));

        var y = result.Embedding;
        Assert.Equal(80, y.Length);
        Assert.All(y, p => Assert.Equal(2, p.Length));

        // Every point's nearest neighbour in the plane comes from its own cluster.
        for (var i = 0; i < y.Length; i++)
        {
            var nearest = Enumerable.Range(0, y.Length).Where(j => j != i).MinBy(j => Distance(y[i], y[j]));
            Assert.Equal(i < 40, nearest < 40);
        }

        // The gap between the clusters is much wider than either cluster.
        var (a, b) = (Centroid(y[..40]), Centroid(y[40..]));
        var spread = y[..40].Average(p => Distance(p, a)) + y[40..].Average(p => Distance(p, b));
        Assert.True(Distance(a, b) > 2 * spread, $"centroid gap {Distance(a, b):F2} vs spread {spread:F2}");
        Assert.True(result.KlDivergence < result.InitialKlDivergence / 2);
    }

    [Fact]
    public void IsDeterministicForASeed()
    {
        var points = Enumerable.Range(0, 12).Select(i => new[] { (float)i, (float)(i % 3) }).ToList();
        var options = new TsneOptions(Perplexity: 3, Iterations: 50, Seed: 5);

        Assert.Equal(Tsne.Embed(points, options).Embedding, Tsne.Embed(points, options).Embedding);
    }

    [Fact]
    public void RejectsAPerplexityAsLargeAsThePointCount()
    {
        var points = Enumerable.Range(0, 5).Select(i => new[] { (float)i }).ToList();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Tsne.Embed(points, new TsneOptions(Perplexity: 5)));
        Assert.Contains("lower it", error.Message);
    }

    private static double Distance(double[] p, double[] q) => Math.Sqrt(Math.Pow(p[0] - q[0], 2) + Math.Pow(p[1] - q[1], 2));

    private static double[] Centroid(double[][] ps) => [ps.Average(p => p[0]), ps.Average(p => p[1])];
}
