namespace RobuMTL.Figures;

/// <summary>Numbers the paper reports (arXiv 2601.10921), drawn beside ours for comparison.</summary>
public static class PaperReference
{
    /// <summary>delta_m (%) of each ablation rung on PASCAL-Context under single perturbations.</summary>
    public static IReadOnlyDictionary<AblationStep, double> AblationLadderDeltaM { get; } =
        new Dictionary<AblationStep, double>
        {
            [AblationStep.CleanExpertOnly] = -12.78,
            [AblationStep.PlusOtherExperts] = -7.25,
            [AblationStep.PlusSelector] = -5.71,
            [AblationStep.PlusFusion] = 1.5,
            [AblationStep.PlusExpertSquads] = 2.8,
        };

    /// <summary>The ladder's axis labels in the paper's wording.</summary>
    public static string Label(AblationStep step) => step switch
    {
        AblationStep.CleanExpertOnly => "clean expert only",
        AblationStep.PlusOtherExperts => "+ other experts",
        AblationStep.PlusSelector => "+ selector",
        AblationStep.PlusFusion => "+ fusion",
        AblationStep.PlusExpertSquads => "+ expert squads",
        _ => step.ToString(),
    };
}
