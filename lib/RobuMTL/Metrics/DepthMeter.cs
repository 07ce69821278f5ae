using RobuMTL.Losses;
using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Metrics;

/// <summary>
/// Depth RMSE (and mean absolute error) pooled over all valid pixels of the split: sqrt(sum of squared errors /
/// valid pixels). A target pixel is valid when finite and greater than zero.
/// </summary>
public sealed class DepthMeter : ITaskMeter
{
    private double squaredErrors;
    private double absoluteErrors;
    private long count;

    /// <inheritdoc/>
    public TaskKind Task => TaskKind.Depth;

    /// <summary>Adds predicted depth (B, 1, H, W) against target depth (B, 1, H, W), 0 = invalid.</summary>
    public void Update(Tensor prediction, Tensor target)
    {
        MeterChecks.SameShape(Task, prediction, target);
        using var scope = NewDisposeScope();
        var truth = target.detach().cpu().to(ScalarType.Float64);
        var valid = DenseLosses.DepthValidMask(truth);
        var error = (prediction.detach().cpu().to(ScalarType.Float64) - truth).masked_select(valid); // (N)
        squaredErrors += error.square().sum().item<double>();
        absoluteErrors += error.abs().sum().item<double>();
        count += error.numel();
    }

    /// <inheritdoc/>
    public TaskMetrics Compute()
    {
        var n = Math.Max(count, 1);
        var values = new Dictionary<string, double>
        {
            [MetricNames.Rmse] = Math.Sqrt(squaredErrors / n),
            [MetricNames.MeanAbsoluteError] = absoluteErrors / n,
        };
        return new TaskMetrics(Task, values, MetricNames.Rmse, LowerIsBetter: true, count);
    }

    /// <inheritdoc/>
    public void Reset()
    {
        squaredErrors = absoluteErrors = 0;
        count = 0;
    }
}
