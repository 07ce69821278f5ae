using RobuMTL.Tasks;

namespace RobuMTL.Evaluation;

/// <summary>Labels, units and directions of <see cref="MetricKind"/>, and the metric each task is judged by.</summary>
public static class MetricKindExtensions
{
    /// <summary>True where a smaller value is better (delta_m flips the sign of these).</summary>
    public static bool LowerIsBetter(this MetricKind metric) =>
        metric is MetricKind.MeanAngularError or MetricKind.Rmse or MetricKind.Loss or MetricKind.LatencyMs;

    /// <summary>The unit as printed on an axis ("%", "deg", "m", "ms", ...); empty when unitless.</summary>
    public static string Unit(this MetricKind metric) => metric switch
    {
        MetricKind.MeanAngularError => "deg",
        MetricKind.Rmse => "m",
        MetricKind.Loss => "",
        MetricKind.LatencyMs => "ms",
        MetricKind.TrainableParametersM => "M",
        _ => "%",
    };

    /// <summary>A short human label: "mIoU", "mean angle error", "delta_m".</summary>
    public static string Label(this MetricKind metric) => metric switch
    {
        MetricKind.MeanIoU => "mIoU",
        MetricKind.MaxF => "maxF",
        MetricKind.MeanAngularError => "mean angle error",
        MetricKind.AngleWithin11 => "within 11.25 deg",
        MetricKind.AngleWithin22 => "within 22.5 deg",
        MetricKind.AngleWithin30 => "within 30 deg",
        MetricKind.Rmse => "RMSE",
        MetricKind.OdsF => "ODS-F",
        MetricKind.Loss => "loss",
        MetricKind.DeltaM => "Δm",
        MetricKind.Accuracy => "accuracy",
        MetricKind.LatencyMs => "latency",
        MetricKind.TrainableParametersM => "trainable parameters",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric"),
    };

    /// <summary>An axis title with unit and direction: "mIoU (%) ↑", "RMSE (m) ↓".</summary>
    public static string AxisTitle(this MetricKind metric)
    {
        var unit = metric.Unit();
        var arrow = metric.LowerIsBetter() ? "↓" : "↑";
        return unit.Length == 0 ? $"{metric.Label()} {arrow}" : $"{metric.Label()} ({unit}) {arrow}";
    }

    /// <summary>The metric a task is reported with in the paper's tables (and in delta_m).</summary>
    public static MetricKind PrimaryMetric(this TaskKind task) => task switch
    {
        TaskKind.SemanticSegmentation or TaskKind.HumanParts or TaskKind.Saliency => MetricKind.MeanIoU,
        TaskKind.Normals => MetricKind.MeanAngularError,
        TaskKind.Edges => MetricKind.OdsF,
        TaskKind.Depth => MetricKind.Rmse,
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "unknown task"),
    };
}
