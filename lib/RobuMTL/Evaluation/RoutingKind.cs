namespace RobuMTL.Evaluation;

/// <summary>How the LoRA experts were chosen for an image.</summary>
public enum RoutingKind
{
    /// <summary>No routing: a single model or a fixed expert.</summary>
    None,

    /// <summary>The selector's (DMLS) most probable expert alone.</summary>
    Top1,

    /// <summary>The selector's K most probable experts, fused by their probabilities (MEPF).</summary>
    TopK,

    /// <summary>The true condition's expert(s), an upper bound for the selector.</summary>
    Oracle,

    /// <summary>Every expert with weight 1/E, no selector (our reading of the ablation's "+ other experts").</summary>
    Uniform,
}
