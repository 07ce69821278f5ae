using static TorchSharp.torch;

namespace RobuMTL.Fusion;

/// <summary>
/// Which LoRA experts each sample of a batch uses and with what weight. Adapted layers add
/// <c>delta = scale * sum_e w_be * B_e(A_e(drop(x)))</c>; experts whose weight is zero for every sample are
/// not computed at all. Tensors belong to the caller's dispose scope.
/// </summary>
public sealed class ExpertRouting
{
    private ExpertRouting(int? batchSize, int? expertCount, Tensor? weights, IReadOnlyList<ExpertSlice> slices)
    {
        BatchSize = batchSize;
        ExpertCount = expertCount;
        Weights = weights;
        Slices = slices;
    }

    /// <summary>No adapter at all: the frozen (or fully fine-tuned) base weights only.</summary>
    public static ExpertRouting BaseOnly { get; } = new(null, null, null, []);

    /// <summary>Rows of the batch the routing was built for; null when it applies to any batch.</summary>
    public int? BatchSize { get; }

    /// <summary>Number of experts E the weights address; null for <see cref="BaseOnly"/> and single experts.</summary>
    public int? ExpertCount { get; }

    /// <summary>The (B, E) routing weights for per-sample routing; null otherwise.</summary>
    public Tensor? Weights { get; }

    /// <summary>The experts used by at least one sample, in expert order.</summary>
    public IReadOnlyList<ExpertSlice> Slices { get; }

    /// <summary>True when no adapter is applied.</summary>
    public bool IsBaseOnly => Slices.Count == 0;

    /// <summary>One expert for every sample with weight 1 (a fixed expert, or the single shared LoRA).</summary>
    public static ExpertRouting Single(int expert)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expert);
        return new ExpertRouting(null, null, null, [new ExpertSlice(expert, null, null)]);
    }

    /// <summary>
    /// Per-sample routing from weights (B, E), for example Top-K fused selector probabilities. Reads the
    /// weights once (one device sync per forward) to find which rows each expert serves.
    /// </summary>
    public static ExpertRouting FromWeights(Tensor weights)
    {
        if (weights.dim() != 2 || weights.shape[0] < 1 || weights.shape[1] < 1)
        {
            throw new ArgumentException(
                $"ExpertRouting: weights must be (B, E) with B, E >= 1, got ({string.Join(", ", weights.shape)}).",
                nameof(weights));
        }

        var batch = (int)weights.shape[0];
        var experts = (int)weights.shape[1];
        float[] host;
        using (no_grad())
        {
            using var cpuWeights = weights.detach().to(ScalarType.Float32).cpu().contiguous();
            host = cpuWeights.data<float>().ToArray();
        }

        if (host.Any(v => !float.IsFinite(v) || v < 0))
        {
            throw new ArgumentException(
                "ExpertRouting: weights must be finite and non-negative (selector probabilities).", nameof(weights));
        }

        var slices = new List<ExpertSlice>();
        for (var e = 0; e < experts; e++)
        {
            var rows = Enumerable.Range(0, batch).Where(b => host[(b * experts) + e] != 0f).ToArray();
            if (rows.Length == 0)
            {
                continue;
            }

            var column = weights.select(1, e); // (B)
            if (rows.Length == batch)
            {
                var allOne = rows.All(b => host[(b * experts) + e] == 1f);
                slices.Add(new ExpertSlice(e, null, allOne ? null : column));
                continue;
            }

            var index = tensor(rows.Select(r => (long)r).ToArray(), device: weights.device); // (n)
            slices.Add(new ExpertSlice(e, index, column.index_select(0, index))); // (n)
        }

        return new ExpertRouting(batch, experts, weights, slices);
    }
}
