namespace RobuMTL.Evaluation;

/// <summary>
/// The quantities a results table holds. Units and direction live in <see cref="MetricKindExtensions"/>,
/// so every figure labels and signs them the same way.
/// </summary>
public enum MetricKind
{
    /// <summary>Mean intersection over union (semseg, human parts, saliency), percent.</summary>
    MeanIoU,

    /// <summary>Maximal F-measure over thresholds (saliency), percent.</summary>
    MaxF,

    /// <summary>Mean angular error of surface normals, degrees (lower is better).</summary>
    MeanAngularError,

    /// <summary>Share of normals within 11.25 degrees, percent.</summary>
    AngleWithin11,

    /// <summary>Share of normals within 22.5 degrees, percent.</summary>
    AngleWithin22,

    /// <summary>Share of normals within 30 degrees, percent.</summary>
    AngleWithin30,

    /// <summary>Root mean squared depth error, metres (lower is better).</summary>
    Rmse,

    /// <summary>Optimal-dataset-scale F-measure of edges, percent.</summary>
    OdsF,

    /// <summary>A loss value, unitless (lower is better).</summary>
    Loss,

    /// <summary>Multi-task score delta_m against a baseline, percent.</summary>
    DeltaM,

    /// <summary>Classification accuracy (the selector), percent.</summary>
    Accuracy,

    /// <summary>Inference time per image, milliseconds (lower is better).</summary>
    LatencyMs,

    /// <summary>Trainable parameters, millions.</summary>
    TrainableParametersM,
}
