using System.Text;
using RobuMTL.Core;
using RobuMTL.Figures;

namespace RobuMTL.Evaluation;

/// <summary>
/// The claims table: each claim of the paper (arXiv 2601.10921) checked against an evaluation grid of this
/// workbook. A claim "holds" when its direction holds on this run; the magnitudes of a CPU run on generated
/// scenes are not the paper's PASCAL-Context numbers and are not expected to be. Every delta_m over a group of
/// scenarios is <see cref="PooledDelta"/>: task metrics averaged over the scenarios first, then one relative change.
/// </summary>
public static class PaperClaims
{
    /// <summary>The unit of delta_m values (percent).</summary>
    public const string DeltaUnit = "% delta_m";

    /// <summary>The unit of differences between two delta_m values.</summary>
    public const string PointsUnit = "points";

    /// <summary>The unit of parameter counts.</summary>
    public const string ParametersUnit = "parameters";

    /// <summary>The unit of the ladder claim: how many rungs rise.</summary>
    public const string RungsUnit = "rungs";

    /// <summary>The weather-augmented baseline: standard MTL fine-tuned on every condition mixed.</summary>
    public const string AugmentedBaseline = "MTL (mixed weather)";

    /// <summary>The single shared LoRA baseline (one adapter for every condition, like MTLoRA).</summary>
    public const string SharedLoraBaseline = "Shared LoRA";

    /// <summary>The baseline every delta_m of the grid is measured against.</summary>
    public const string Baseline = "MTL (clean)";

    /// <summary>
    /// Checks every claim. <paramref name="grid"/> is notebook 07's evaluation table (task rows of every method
    /// and of <see cref="Baseline"/>); <paramref name="rankAblation"/> is notebook 08's table (methods named
    /// "hierarchical ..." and "smaller ...", and the baseline), and <paramref name="selectorParameters"/> the
    /// selector's size; a missing input makes its claims <see cref="ClaimVerdict.NotMeasured"/>, never a made-up
    /// number.
    /// </summary>
    public static IReadOnlyList<PaperClaim> Check(
        EvaluationTable grid,
        ProfileKind profile,
        EvaluationTable? rankAblation = null,
        long? selectorParameters = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var source = $"{profile.ToString().ToLowerInvariant()} profile, results/evaluation.csv";
        var claims = new List<PaperClaim>
        {
            Signed(
                "Standard MTL loses accuracy under single perturbations (its metrics, clean to weather)",
                "degrades", BaselineDegradation(grid), DeltaUnit, expectPositive: false, source),
            Signed(
                "The weather experts with the selector recover part of that (+ selector minus clean expert only)",
                "+7.07", Difference(grid, AblationStep.PlusSelector, AblationStep.CleanExpertOnly), PointsUnit,
                expectPositive: true, source),
            Signed(
                "Top-K fusion (MEPF) adds to the selector's top-1 (+ fusion minus + selector)",
                "+7.21", Difference(grid, AblationStep.PlusFusion, AblationStep.PlusSelector), PointsUnit,
                expectPositive: true, source),
            Signed(
                "Expert squads (RobuMTL+) add to fusion (+ expert squads minus + fusion)",
                "+1.30", Difference(grid, AblationStep.PlusExpertSquads, AblationStep.PlusFusion), PointsUnit,
                expectPositive: true, source),
            Signed(
                "RobuMTL+ beats standard MTL under single perturbations (PASCAL-Context headline)",
                "+2.8", DeltaOver(grid, nameof(AblationStep.PlusExpertSquads), ScenarioKind.Single), DeltaUnit,
                expectPositive: true, source),
            Signed(
                "RobuMTL+ (top-6) beats standard MTL under mixed weather (paper: its best mix; ours: every mix pooled)",
                "up to +44.4", DeltaOver(grid, "RobuMTL+ top-6", ScenarioKind.Mixed), DeltaUnit, expectPositive: true,
                source),
            Signed(
                "K = 6 beats K = 1 under mixed weather (RobuMTL top-6 minus top-1)",
                "K = 6 used for mixed", Subtract(
                    DeltaOver(grid, "RobuMTL top-6", ScenarioKind.Mixed),
                    DeltaOver(grid, "RobuMTL top-1", ScenarioKind.Mixed)),
                PointsUnit, expectPositive: true, source),
            LadderRises(grid, source),
            Signed(
                "Not a paper claim: RobuMTL+ beats standard MTL trained on the same weather (augmentation baseline)",
                "not reported", Versus(grid, AugmentedBaseline), DeltaUnit, expectPositive: true, source),
            Signed(
                "RobuMTL+ beats a single shared LoRA (MTLoRA-like) trained on the same weather, single perturbations",
                "MTLoRA compared; number not transcribed", Versus(grid, SharedLoraBaseline), DeltaUnit,
                expectPositive: true, source),
        };
        claims.AddRange(RankClaims(rankAblation, profile));
        claims.Add(SelectorSize(selectorParameters, profile));
        claims.Add(new PaperClaim(
            "RobuMTL+ beats standard MTL on NYUD-v2", "+9.7", null, DeltaUnit, ClaimVerdict.NotMeasured,
            "needs the paper profile on NYUD-v2 (GPU); not run on the project's machines"));
        return claims;
    }

    /// <summary>The claims as a Markdown table (claim, paper, ours, unit, verdict, source).</summary>
    public static string ToMarkdown(IReadOnlyList<PaperClaim> claims)
    {
        var text = new StringBuilder();
        text.Append("| claim | paper | ours | unit | verdict | source |\n");
        text.Append("|---|---|---|---|---|---|\n");
        foreach (var c in claims)
        {
            text.Append($"| {c.Claim} | {c.Paper} | {c.OursText} | {c.Unit} | {c.VerdictText} | {c.Source} |\n");
        }

        return text.ToString();
    }

    /// <summary>Writes the claims as CSV to <paramref name="csvPath"/> and as Markdown beside it (.md).</summary>
    public static void Save(IReadOnlyList<PaperClaim> claims, string csvPath)
    {
        CsvText.Write(csvPath, ["claim", "paper", "ours", "unit", "verdict", "source"], claims.Select(c => new[]
        {
            CsvText.Field(c.Claim), CsvText.Field(c.Paper), CsvText.Number(c.Ours), CsvText.Field(c.Unit),
            c.Verdict.ToString(), CsvText.Field(c.Source),
        }));
        File.WriteAllText(Path.ChangeExtension(csvPath, ".md"), ToMarkdown(claims));
    }

    /// <summary>delta_m of <paramref name="method"/> against <see cref="Baseline"/> over one scenario kind.</summary>
    public static double? DeltaOver(EvaluationTable table, string method, ScenarioKind kind) =>
        PooledDelta.Of(table, method, Baseline, kind);

    private static double? Difference(EvaluationTable table, AblationStep later, AblationStep earlier) =>
        Subtract(
            DeltaOver(table, later.ToString(), ScenarioKind.Single),
            DeltaOver(table, earlier.ToString(), ScenarioKind.Single));

    private static double? Subtract(double? a, double? b) => a is { } x && b is { } y ? x - y : null;

    /// <summary>
    /// The baseline's own relative change from clean images to the single perturbations, averaged over tasks
    /// (primary metric per task, sign flipped where lower is better), in percent.
    /// </summary>
    private static double? BaselineDegradation(EvaluationTable table)
    {
        Dictionary<Tasks.TaskKind, double> MeansUnder(ScenarioKind kind) =>
            PooledDelta.TaskMeans(table.Records.Where(r => r.Method == Baseline && r.Scenario == kind));

        return PooledDelta.Between(MeansUnder(ScenarioKind.Single), MeansUnder(ScenarioKind.Clean));
    }

    /// <summary>
    /// The RobuMTL+ rung's delta_m under single perturbations against <paramref name="baseline"/>
    /// (weather-augmented MTL, or the shared LoRA); null when the grid has no task rows of that baseline.
    /// </summary>
    private static double? Versus(EvaluationTable grid, string baseline) =>
        PooledDelta.Of(grid, nameof(AblationStep.PlusExpertSquads), baseline, ScenarioKind.Single);

    private static PaperClaim LadderRises(EvaluationTable table, string source)
    {
        var rungs = Enum.GetValues<AblationStep>()
            .Select(step => DeltaOver(table, step.ToString(), ScenarioKind.Single))
            .ToList();
        const string claim = "The ablation ladder rises at every rung (rungs, of 4, not below the previous one)";
        if (rungs.Any(r => r is null))
        {
            return new PaperClaim(claim, "4", null, RungsUnit, ClaimVerdict.NotMeasured, source);
        }

        var rising = rungs.Zip(rungs.Skip(1)).Count(pair => pair.Second >= pair.First);
        var verdict = rising == rungs.Count - 1 ? ClaimVerdict.Holds : ClaimVerdict.DoesNotHold;
        return new PaperClaim(claim, (rungs.Count - 1).ToString(), rising, RungsUnit, verdict, source);
    }

    private static IEnumerable<PaperClaim> RankClaims(EvaluationTable? table, ProfileKind profile)
    {
        const string robust = "Smaller ranks ([8,16,32,64]) are more robust under weather than [16,32,64,128]";
        const string clean = "Smaller ranks are worse on clean images than [16,32,64,128]";
        var source = $"{profile.ToString().ToLowerInvariant()} profile, results/rank-ablation.csv (halved ranks)";
        string? Method(string prefix) =>
            table?.Methods.FirstOrDefault(m => m.StartsWith(prefix, StringComparison.Ordinal));
        var (hierarchical, smaller) = (Method("hierarchical "), Method("smaller "));
        if (table is null || hierarchical is null || smaller is null)
        {
            yield return new PaperClaim(robust, "more robust", null, PointsUnit, ClaimVerdict.NotMeasured, source);
            yield return new PaperClaim(clean, "worse", null, PointsUnit, ClaimVerdict.NotMeasured, source);
            yield break;
        }

        double Delta(string method, bool weather) =>
            PooledDelta.Of(table, method, Baseline, r => (r.Scenario != ScenarioKind.Clean) == weather)
                ?? double.NaN;

        yield return Signed(
            robust, "more robust", Delta(smaller, weather: true) - Delta(hierarchical, weather: true), PointsUnit,
            expectPositive: true, source);
        yield return Signed(
            clean, "worse", Delta(smaller, weather: false) - Delta(hierarchical, weather: false), PointsUnit,
            expectPositive: false, source);
    }

    private static PaperClaim SelectorSize(long? parameters, ProfileKind profile)
    {
        const string claim = "The selector (DMLS) is tiny: about 48K parameters (within 25 %)";
        var source = $"{profile.ToString().ToLowerInvariant()} profile, WeatherSelector parameter count";
        if (parameters is not { } count)
        {
            return new PaperClaim(claim, "about 48K", null, ParametersUnit, ClaimVerdict.NotMeasured, source);
        }

        var holds = Math.Abs(count - 48_000) <= 0.25 * 48_000;
        return new PaperClaim(
            claim, "about 48K", count, ParametersUnit, holds ? ClaimVerdict.Holds : ClaimVerdict.DoesNotHold, source);
    }

    private static PaperClaim Signed(
        string claim, string paper, double? ours, string unit, bool expectPositive, string source)
    {
        if (ours is not { } value || double.IsNaN(value))
        {
            return new PaperClaim(claim, paper, null, unit, ClaimVerdict.NotMeasured, source);
        }

        var holds = expectPositive ? value > 0 : value < 0;
        return new PaperClaim(claim, paper, value, unit, holds ? ClaimVerdict.Holds : ClaimVerdict.DoesNotHold, source);
    }
}
