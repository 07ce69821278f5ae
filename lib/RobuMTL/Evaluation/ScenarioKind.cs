namespace RobuMTL.Evaluation;

/// <summary>How the evaluation images were degraded; one value per row of an <see cref="EvaluationTable"/>.</summary>
public enum ScenarioKind
{
    /// <summary>Undegraded images.</summary>
    Clean,

    /// <summary>One weather condition over the whole image (the paper's single perturbations).</summary>
    Single,

    /// <summary>Several conditions applied on top of each other (the paper's mixed weather).</summary>
    Mixed,

    /// <summary>Different conditions in different regions of one image.</summary>
    SpatialMix,

    /// <summary>One condition at a sweep of severities or continuous strengths.</summary>
    Sweep,

    /// <summary>Real adverse-weather data (ACDC, Foggy Cityscapes), a transfer check.</summary>
    External,
}
