using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Metrics;

/// <summary>
/// Saliency as Multi-Task-Learning-PyTorch evaluates it: the sigmoid of the logit is binarised at 15 thresholds
/// 0.2, 0.25, ..., 0.9 (prediction &gt; threshold); per image and threshold the IoU (1 when both masks are empty),
/// precision and recall are computed over non-ignored pixels; IoU, precision and recall are averaged over
/// images; mIoU is the best mean IoU over the thresholds and maxF the best 2PR / (P + R) of the means.
/// </summary>
public sealed class SaliencyMeter : ITaskMeter
{
    private const double Epsilon = 1e-12;
    private readonly double[] thresholds;
    private readonly double[] iouSum;
    private readonly double[] precisionSum;
    private readonly double[] recallSum;
    private long images;

    /// <summary>Creates a meter with the 15 reference thresholds.</summary>
    public SaliencyMeter(int ignoreIndex = 255)
    {
        IgnoreIndex = ignoreIndex;
        thresholds = Enumerable.Range(0, 15).Select(k => 0.2 + k * 0.05).ToArray();
        iouSum = new double[thresholds.Length];
        precisionSum = new double[thresholds.Length];
        recallSum = new double[thresholds.Length];
    }

    /// <inheritdoc/>
    public TaskKind Task => TaskKind.Saliency;

    /// <summary>Target value that is skipped.</summary>
    public int IgnoreIndex { get; }

    /// <summary>The thresholds applied to the predicted probability.</summary>
    public IReadOnlyList<double> Thresholds => thresholds;

    /// <summary>Adds logits (B, 1, H, W) against targets (B, 1, H, W) in {0, 1} (ignore index skipped).</summary>
    public void Update(Tensor prediction, Tensor target)
    {
        MeterChecks.SameShape(Task, prediction, target);
        using var scope = NewDisposeScope();
        var batch = prediction.shape[0];
        var probability = prediction.detach().cpu().to(ScalarType.Float64).sigmoid().view(batch, -1); // (B, N)
        var labels = target.detach().cpu().to(ScalarType.Float64).view(batch, -1);                     // (B, N)
        var valid = labels.ne(IgnoreIndex);
        var truth = labels.gt(0.5) & valid;
        for (var k = 0; k < thresholds.Length; k++)
        {
            var guess = probability.gt(thresholds[k]) & valid;
            var tp = (guess & truth).sum(1).data<long>().ToArray();                  // (B)
            var fp = (guess & truth.logical_not()).sum(1).data<long>().ToArray();    // (B)
            var fn = (guess.logical_not() & truth).sum(1).data<long>().ToArray();    // (B)
            for (var b = 0; b < batch; b++)
            {
                var union = tp[b] + fp[b] + fn[b];
                iouSum[k] += union == 0 ? 1 : (double)tp[b] / union;
                precisionSum[k] += tp[b] / (tp[b] + fp[b] + Epsilon);
                recallSum[k] += tp[b] / (tp[b] + fn[b] + Epsilon);
            }
        }

        images += batch;
    }

    /// <inheritdoc/>
    public TaskMetrics Compute()
    {
        var n = Math.Max(images, 1);
        var bestIoU = 0.0;
        var bestF = 0.0;
        for (var k = 0; k < thresholds.Length; k++)
        {
            var precision = precisionSum[k] / n;
            var recall = recallSum[k] / n;
            bestIoU = Math.Max(bestIoU, iouSum[k] / n);
            bestF = Math.Max(bestF, 2 * precision * recall / (precision + recall + Epsilon));
        }

        var values = new Dictionary<string, double>
        {
            [MetricNames.MeanIoU] = 100 * bestIoU,
            [MetricNames.MaxF] = 100 * bestF,
        };
        return new TaskMetrics(Task, values, MetricNames.MeanIoU, LowerIsBetter: false, images);
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Array.Clear(iouSum);
        Array.Clear(precisionSum);
        Array.Clear(recallSum);
        images = 0;
    }
}
