namespace RobuMTL.Metrics;

/// <summary>Keys of the named values in <see cref="TaskMetrics.Values"/>.</summary>
public static class MetricNames
{
    /// <summary>Mean intersection over union in percent (semseg, parts; saliency: best threshold).</summary>
    public const string MeanIoU = "mIoU";

    /// <summary>Pixel accuracy in percent over non-ignored pixels.</summary>
    public const string PixelAccuracy = "pixelAcc";

    /// <summary>Saliency: best F-measure (beta 1) over the thresholds, in percent.</summary>
    public const string MaxF = "maxF";

    /// <summary>Normals: mean angular error in degrees.</summary>
    public const string MeanAngle = "mean";

    /// <summary>Normals: median angular error in degrees.</summary>
    public const string MedianAngle = "median";

    /// <summary>Normals: root mean square angular error in degrees.</summary>
    public const string RmseAngle = "rmseAngle";

    /// <summary>Normals: percent of pixels within 11.25 degrees.</summary>
    public const string Within11 = "within11.25";

    /// <summary>Normals: percent of pixels within 22.5 degrees.</summary>
    public const string Within22 = "within22.5";

    /// <summary>Normals: percent of pixels within 30 degrees.</summary>
    public const string Within30 = "within30";

    /// <summary>Depth: root mean square error in the target's unit (metres).</summary>
    public const string Rmse = "rmse";

    /// <summary>Depth: mean absolute error in the target's unit (metres).</summary>
    public const string MeanAbsoluteError = "mae";

    /// <summary>Edges: F-score at the fixed threshold, in percent.</summary>
    public const string EdgeF = "F";

    /// <summary>Edges: precision at the fixed threshold, in percent.</summary>
    public const string Precision = "precision";

    /// <summary>Edges: recall at the fixed threshold, in percent.</summary>
    public const string Recall = "recall";
}
