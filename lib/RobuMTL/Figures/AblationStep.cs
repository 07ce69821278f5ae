namespace RobuMTL.Figures;

/// <summary>
/// The rungs of the paper's ablation ladder (PASCAL-Context, single perturbations). An evaluation row belongs to a
/// rung when its <c>Method</c> is the rung's name ("PlusSelector").
/// </summary>
public enum AblationStep
{
    /// <summary>Only the clean LoRA expert, whatever the weather.</summary>
    CleanExpertOnly,

    /// <summary>
    /// All condition experts, weighted uniformly without the selector: our reading of "+ other experts", which the
    /// paper does not define.
    /// </summary>
    PlusOtherExperts,

    /// <summary>Experts chosen by the selector (DMLS), Top-1.</summary>
    PlusSelector,

    /// <summary>Top-K fusion of experts by the selector's probabilities (MEPF).</summary>
    PlusFusion,

    /// <summary>Per-condition decoder heads (RobuMTL+, "expert squads").</summary>
    PlusExpertSquads,
}
