namespace RobuMTL.Evaluation;

/// <summary>Whether one of the paper's claims is supported by this run's numbers.</summary>
public enum ClaimVerdict
{
    /// <summary>The claim's direction holds on this run (magnitudes at CPU scale are not the paper's).</summary>
    Holds,

    /// <summary>This run's number contradicts the claim's direction.</summary>
    DoesNotHold,

    /// <summary>This run has no data for the claim (another dataset, or a results file that is missing).</summary>
    NotMeasured,
}
