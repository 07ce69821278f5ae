using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Metrics;

/// <summary>
/// Edge F-score at one fixed probability threshold, with true and false positives pooled over the split.
/// Known limitation: this is not the MATLAB ODS-F of the BSDS benchmark, which thins the prediction, matches edge
/// pixels to the ground truth within a distance tolerance and takes the best threshold over the dataset; pixel
/// exact matching scores lower, so compare these numbers only with each other.
/// </summary>
public sealed class EdgeMeter : ITaskMeter
{
    private long truePositives;
    private long falsePositives;
    private long falseNegatives;

    /// <summary>Creates a meter that calls a pixel an edge when sigmoid(logit) &gt; the threshold.</summary>
    public EdgeMeter(double threshold = 0.5, int ignoreIndex = 255)
    {
        if (threshold is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the threshold must lie in (0, 1)");
        }

        Threshold = threshold;
        IgnoreIndex = ignoreIndex;
    }

    /// <inheritdoc/>
    public TaskKind Task => TaskKind.Edges;

    /// <summary>Probability above which a pixel counts as an edge.</summary>
    public double Threshold { get; }

    /// <summary>Target value that is skipped.</summary>
    public int IgnoreIndex { get; }

    /// <summary>Adds logits (B, 1, H, W) against targets (B, 1, H, W) in {0, 1} (ignore index skipped).</summary>
    public void Update(Tensor prediction, Tensor target)
    {
        MeterChecks.SameShape(Task, prediction, target);
        using var scope = NewDisposeScope();
        var labels = target.detach().cpu().to(ScalarType.Float64);
        var valid = labels.ne(IgnoreIndex);
        var truth = labels.gt(0.5) & valid;
        var guess = prediction.detach().cpu().to(ScalarType.Float64).sigmoid().gt(Threshold) & valid;
        truePositives += (guess & truth).sum().item<long>();
        falsePositives += (guess & truth.logical_not()).sum().item<long>();
        falseNegatives += (guess.logical_not() & truth).sum().item<long>();
    }

    /// <inheritdoc/>
    public TaskMetrics Compute()
    {
        var predicted = truePositives + falsePositives;
        var actual = truePositives + falseNegatives;
        var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
        var recall = actual == 0 ? 0 : (double)truePositives / actual;
        var f = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var values = new Dictionary<string, double>
        {
            [MetricNames.EdgeF] = 100 * f,
            [MetricNames.Precision] = 100 * precision,
            [MetricNames.Recall] = 100 * recall,
        };
        return new TaskMetrics(Task, values, MetricNames.EdgeF, LowerIsBetter: false, predicted + falseNegatives);
    }

    /// <inheritdoc/>
    public void Reset() => truePositives = falsePositives = falseNegatives = 0;
}
