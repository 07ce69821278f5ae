using RobuMTL.Weather;
using static TorchSharp.torch;

namespace RobuMTL.Fusion;

/// <summary>
/// MEPF (the paper's fusion of experts): keeps each sample's K most probable experts by the selector's
/// probabilities, renormalises them to sum to 1 and zeroes the rest, so every adapted layer adds
/// <c>s * sum_k w_bk B_k A_k x</c>. K = 1 picks the most likely expert; the paper uses K = 6 for mixed weather.
/// </summary>
public sealed class TopKExpertFusion
{
    /// <summary>Fusion over the <paramref name="k"/> most probable experts.</summary>
    public TopKExpertFusion(int k)
    {
        if (k < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "TopKExpertFusion: K must be at least 1.");
        }

        K = k;
    }

    /// <summary>Number of experts kept per sample.</summary>
    public int K { get; }

    /// <summary>Fused weights from selector probabilities (B, E) (softmax output, non-negative).</summary>
    /// <returns>(B, E): K non-zero entries per row (fewer only where probabilities are 0), summing to 1.</returns>
    public Tensor Weights(Tensor probabilities)
    {
        if (probabilities.dim() != 2)
        {
            throw new ArgumentException(
                $"TopKExpertFusion: probabilities must be (B, E), got ({string.Join(", ", probabilities.shape)}).",
                nameof(probabilities));
        }

        if (K > probabilities.shape[1])
        {
            throw new ArgumentException(
                $"TopKExpertFusion: K = {K} exceeds the {probabilities.shape[1]} experts; use K <= E.",
                nameof(probabilities));
        }

        var (values, indices) = probabilities.topk(K, dim: 1); // (B, K) each
        var kept = values / values.sum(1, keepdim: true).clamp_min(1e-12); // (B, K)
        return zeros_like(probabilities).scatter(1, indices, kept); // (B, E)
    }

    /// <summary>Per-sample routing from selector probabilities (B, E).</summary>
    public ExpertRouting Route(Tensor probabilities) => ExpertRouting.FromWeights(Weights(probabilities));

    /// <summary>Oracle routing: each sample uses the expert of its true condition (one-hot weights).</summary>
    /// <returns>Routing over (B, E) one-hot weights, E = <paramref name="experts"/>.Count.</returns>
    public static ExpertRouting Oracle(
        IReadOnlyList<WeatherCondition> labels, IReadOnlyList<WeatherCondition> experts, Device? device = null)
    {
        var oneHot = new float[labels.Count * experts.Count];
        for (var b = 0; b < labels.Count; b++)
        {
            var e = ExpertIndex.Of(experts, labels[b], nameof(TopKExpertFusion));
            oneHot[(b * experts.Count) + e] = 1f;
        }

        var weights = tensor(oneHot, device: device).view(labels.Count, experts.Count); // (B, E)
        return ExpertRouting.FromWeights(weights);
    }

    /// <summary>Routes every sample to one fixed expert.</summary>
    public static ExpertRouting Fixed(WeatherCondition condition, IReadOnlyList<WeatherCondition> experts) =>
        ExpertRouting.Single(ExpertIndex.Of(experts, condition, nameof(TopKExpertFusion)));

    /// <summary>
    /// One batch-shared combination (E) for <c>MultiTaskSwin.MergeExperts</c> from fused weights of a single
    /// image (1, E), or of a batch whose rows are all equal.
    /// </summary>
    public static double[] SharedCombination(Tensor weights)
    {
        using var rows = weights.detach().to(ScalarType.Float64).cpu().view(-1, weights.shape[^1]); // (B, E)
        using var first = rows[0].clone(); // (E)
        if (!rows.allclose(first.expand_as(rows), rtol: 0, atol: 0))
        {
            throw new ArgumentException(
                "TopKExpertFusion.SharedCombination: rows differ; merging needs one combination for the batch "
                + "(merge per image, or route per sample without merging).", nameof(weights));
        }

        return first.data<double>().ToArray();
    }
}
