using RobuMTL.Losses;
using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Metrics;

/// <summary>
/// Surface-normal angular error pooled over all valid pixels of the split: mean, median and RMSE in degrees and
/// the percent of pixels within 11.25, 22.5 and 30 degrees. Predictions and targets are normalised to unit length
/// first; invalid target pixels (zero vector or the ignore value) are skipped.
/// </summary>
public sealed class NormalsMeter : ITaskMeter
{
    /// <summary>Width of the histogram bins the median is read from, in degrees.</summary>
    public const double MedianBinDegrees = 0.01;

    private static readonly int BinCount = (int)Math.Round(180 / MedianBinDegrees);
    private readonly long[] histogram = new long[BinCount];
    private double sum;
    private double sumSquares;
    private long within11;
    private long within22;
    private long within30;
    private long count;

    /// <summary>Creates a meter; target pixels with a component equal to the ignore index are skipped.</summary>
    public NormalsMeter(int ignoreIndex = 255) => IgnoreIndex = ignoreIndex;

    /// <inheritdoc/>
    public TaskKind Task => TaskKind.Normals;

    /// <summary>Target value that marks invalid pixels.</summary>
    public int IgnoreIndex { get; }

    /// <summary>Adds predictions (B, 3, H, W) against target normals (B, 3, H, W).</summary>
    public void Update(Tensor prediction, Tensor target)
    {
        MeterChecks.SameShape(Task, prediction, target);
        using var scope = NewDisposeScope();
        var predicted = prediction.detach().cpu().to(ScalarType.Float64);
        var truth = target.detach().cpu().to(ScalarType.Float64);
        var valid = DenseLosses.NormalsValidMask(truth, IgnoreIndex).squeeze(1);    // (B, H, W)
        var unitPredicted = predicted / predicted.norm(1, keepdim: true).clamp_min(1e-12);
        var finiteTruth = truth.nan_to_num(0, 0, 0);
        var unitTruth = finiteTruth / finiteTruth.norm(1, keepdim: true).clamp_min(1e-12);
        var cosine = (unitPredicted * unitTruth).sum(1).clamp(-1, 1);              // (B, H, W)
        var degrees = cosine.acos().rad2deg().masked_select(valid);                 // (N)
        if (degrees.numel() == 0)
        {
            return;
        }

        sum += degrees.sum().item<double>();
        sumSquares += degrees.square().sum().item<double>();
        within11 += degrees.lt(11.25).sum().item<long>();
        within22 += degrees.lt(22.5).sum().item<long>();
        within30 += degrees.lt(30).sum().item<long>();
        count += degrees.numel();
        var bins = (degrees / MedianBinDegrees).floor().clamp(0, BinCount - 1).to(ScalarType.Int64);
        var counts = bins.bincount(null, BinCount).data<long>().ToArray();
        for (var i = 0; i < BinCount; i++)
        {
            histogram[i] += counts[i];
        }
    }

    /// <inheritdoc/>
    public TaskMetrics Compute()
    {
        var n = Math.Max(count, 1);
        var values = new Dictionary<string, double>
        {
            [MetricNames.MeanAngle] = sum / n,
            [MetricNames.MedianAngle] = Median(),
            [MetricNames.RmseAngle] = Math.Sqrt(sumSquares / n),
            [MetricNames.Within11] = 100.0 * within11 / n,
            [MetricNames.Within22] = 100.0 * within22 / n,
            [MetricNames.Within30] = 100.0 * within30 / n,
        };
        return new TaskMetrics(Task, values, MetricNames.MeanAngle, LowerIsBetter: true, count);
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Array.Clear(histogram);
        sum = sumSquares = 0;
        within11 = within22 = within30 = count = 0;
    }

    // Known limitation: the split can hold hundreds of millions of angles, so the median is read from a
    // histogram: each order statistic is placed evenly inside its bin, exact to MedianBinDegrees.
    private double Median()
    {
        if (count == 0)
        {
            return 0;
        }

        return count % 2 == 1
            ? OrderStatistic(count / 2)
            : (OrderStatistic(count / 2 - 1) + OrderStatistic(count / 2)) / 2;
    }

    private double OrderStatistic(long rank)
    {
        long before = 0;
        for (var i = 0; i < BinCount; i++)
        {
            if (rank < before + histogram[i])
            {
                return (i + (rank - before + 0.5) / histogram[i]) * MedianBinDegrees;
            }

            before += histogram[i];
        }

        return 180;
    }
}
