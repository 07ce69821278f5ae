using System.Globalization;

namespace RobuMTL.Evaluation;

/// <summary>
/// One row of the claims table: a claim of the paper, the paper's number, this run's number and the verdict.
/// </summary>
/// <param name="Claim">The claim in one sentence, naming what is compared.</param>
/// <param name="Paper">The paper's number or statement, as text ("+2.8", "about 48K").</param>
/// <param name="Ours">This run's number in <paramref name="Unit"/>; null when not measured.</param>
/// <param name="Unit">Unit of both numbers ("% delta_m", "points", "parameters").</param>
/// <param name="Verdict">Whether the claim's direction holds here.</param>
/// <param name="Source">Where this run's number comes from (profile and results file or model).</param>
public sealed record PaperClaim(
    string Claim, string Paper, double? Ours, string Unit, ClaimVerdict Verdict, string Source)
{
    /// <summary>This run's number with an explicit sign (a plain count for counts); "-" when missing.</summary>
    public string OursText => Ours switch
    {
        null => "-",
        { } v when Unit is PaperClaims.ParametersUnit or PaperClaims.RungsUnit =>
            v.ToString("N0", CultureInfo.InvariantCulture),
        { } v => v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture),
    };

    /// <summary>The verdict in words for tables.</summary>
    public string VerdictText => Verdict switch
    {
        ClaimVerdict.Holds => "holds",
        ClaimVerdict.DoesNotHold => "does not hold",
        _ => "not measured",
    };
}
