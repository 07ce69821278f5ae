using RobuMTL.Core;
using RobuMTL.Evaluation;
using RobuMTL.Figures;
using RobuMTL.Tasks;

namespace RobuMTL.Tests.Evaluation;

public sealed class PaperClaimsTests
{
    private static EvaluationRecord Metric(
        string method, ScenarioKind kind, string conditions, TaskKind task, double value) =>
        new(method, kind, conditions, 3, null, RoutingKind.Top1, 1, task, task.PrimaryMetric(), value);

    /// <summary>Rows of a segmentation mIoU <paramref name="delta"/> % above <paramref name="baseline"/>.</summary>
    private static EvaluationRecord Segmentation(
        string method, ScenarioKind kind, string conditions, double baseline, double delta) =>
        Metric(method, kind, conditions, TaskKind.SemanticSegmentation, baseline * (1 + (delta / 100)));

    /// <summary>
    /// A grid whose every claim is known by hand: ladder -10, -6, -5, -1, +2 (rising at every rung), each rung
    /// measured under two single scenarios one point below and above its value, so the pooled delta_m is exact.
    /// </summary>
    private static EvaluationTable Grid(double fusionDelta = -1, double sharedLoraSegmentation = 40)
    {
        var table = new EvaluationTable();
        var baseline = PaperClaims.Baseline;
        string[] singles = ["Fog", "Rain"];

        // Baseline mIoU 60 -> 45 (-25 %), normals error 20 -> 25 (-25 % after the sign flip): mean -25 %.
        table.Add(Metric(baseline, ScenarioKind.Clean, "Clean", TaskKind.SemanticSegmentation, 60));
        table.Add(Metric(baseline, ScenarioKind.Clean, "Clean", TaskKind.Normals, 20));
        foreach (var conditions in singles)
        {
            table.Add(Metric(baseline, ScenarioKind.Single, conditions, TaskKind.SemanticSegmentation, 45));
            table.Add(Metric(baseline, ScenarioKind.Single, conditions, TaskKind.Normals, 25));
        }

        double[] ladder = [-10, -6, -5, fusionDelta, 2];
        foreach (var step in Enum.GetValues<AblationStep>())
        {
            // The squads also match the baseline's normals (0 %), so their segmentation carries twice the ladder.
            var squads = step == AblationStep.PlusExpertSquads;
            var delta = squads ? 2 * ladder[(int)step] : ladder[(int)step];
            table.Add(Segmentation(step.ToString(), ScenarioKind.Single, "Fog", 45, delta - 1));
            table.Add(Segmentation(step.ToString(), ScenarioKind.Single, "Rain", 45, delta + 1));
            if (squads)
            {
                table.AddRange(singles.Select(c =>
                    Metric(step.ToString(), ScenarioKind.Single, c, TaskKind.Normals, 25)));
            }
        }

        // The squads pool to segmentation 46.8, normals 25. The augmented baseline: segmentation 50 (-6.4 %),
        // normals 20 (-25 %): mean -15.7 %. The shared LoRA: segmentation 40 (+17 %), normals 30 (+16.67 %).
        foreach (var conditions in singles)
        {
            table.Add(Metric(
                PaperClaims.AugmentedBaseline, ScenarioKind.Single, conditions, TaskKind.SemanticSegmentation, 50));
            table.Add(Metric(PaperClaims.AugmentedBaseline, ScenarioKind.Single, conditions, TaskKind.Normals, 20));
            table.Add(Metric(
                PaperClaims.SharedLoraBaseline, ScenarioKind.Single, conditions, TaskKind.SemanticSegmentation,
                sharedLoraSegmentation));
            table.Add(Metric(PaperClaims.SharedLoraBaseline, ScenarioKind.Single, conditions, TaskKind.Normals, 30));
        }

        foreach (var (conditions, delta) in new[] { ("Rain+Fog", 4.0), ("Snow+Noise", 9.0) })
        {
            table.Add(Metric(baseline, ScenarioKind.Mixed, conditions, TaskKind.SemanticSegmentation, 40));
            table.Add(Segmentation("RobuMTL+ top-6", ScenarioKind.Mixed, conditions, 40, delta));
        }

        table.Add(Segmentation("RobuMTL top-6", ScenarioKind.Mixed, "Rain+Fog", 40, 3));
        table.Add(Segmentation("RobuMTL top-1", ScenarioKind.Mixed, "Rain+Fog", 40, 1));
        return table;
    }

    private static PaperClaim Find(IReadOnlyList<PaperClaim> claims, string start) =>
        Assert.Single(claims, c => c.Claim.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void EveryClaimIsComputedFromTheGrid()
    {
        var claims = PaperClaims.Check(Grid(), ProfileKind.Quick);

        Assert.Equal(-25, Find(claims, "Standard MTL loses").Ours!.Value, 9);
        Assert.Equal(5, Find(claims, "The weather experts").Ours!.Value, 9);
        Assert.Equal(4, Find(claims, "Top-K fusion").Ours!.Value, 9);
        Assert.Equal(3, Find(claims, "Expert squads").Ours!.Value, 9);
        Assert.Equal(2, Find(claims, "RobuMTL+ beats standard MTL under single").Ours!.Value, 9);
        Assert.Equal(6.5, Find(claims, "RobuMTL+ (top-6)").Ours!.Value, 9);
        Assert.Equal(2, Find(claims, "K = 6").Ours!.Value, 9);
        Assert.Equal(4, Find(claims, "The ablation ladder").Ours!.Value, 9);
        var augmented = Find(claims, "Not a paper claim");
        Assert.Equal(-15.7, augmented.Ours!.Value, 9);
        Assert.Equal(ClaimVerdict.DoesNotHold, augmented.Verdict);
        Assert.Equal((17 + (100.0 / 6)) / 2, Find(claims, "RobuMTL+ beats a single shared LoRA").Ours!.Value, 9);
        Assert.All(
            claims.Where(c => c.Ours is not null && c != augmented),
            c => Assert.Equal(ClaimVerdict.Holds, c.Verdict));
    }

    [Fact]
    public void AFallingRungIsReportedAsNotHolding()
    {
        var claims = PaperClaims.Check(Grid(fusionDelta: -7), ProfileKind.Quick);

        var fusion = Find(claims, "Top-K fusion");
        Assert.Equal(-2, fusion.Ours!.Value, 9);
        Assert.Equal(ClaimVerdict.DoesNotHold, fusion.Verdict);
        var ladder = Find(claims, "The ablation ladder");
        Assert.Equal(3, ladder.Ours!.Value, 9);
        Assert.Equal(ClaimVerdict.DoesNotHold, ladder.Verdict);
    }

    [Fact]
    public void ASharedLoraAheadOfTheSquadsIsReportedAsNotHolding()
    {
        // Shared LoRA segmentation 60 against the squads' 46.8 (-22 %), normals +16.67 %: mean -2.67 %.
        var claims = PaperClaims.Check(Grid(sharedLoraSegmentation: 60), ProfileKind.Quick);

        var shared = Find(claims, "RobuMTL+ beats a single shared LoRA");
        Assert.Equal((-22 + (100.0 / 6)) / 2, shared.Ours!.Value, 9);
        Assert.Equal(ClaimVerdict.DoesNotHold, shared.Verdict);
        var withoutShared = new EvaluationTable(
            Grid().Records.Where(r => r.Method != PaperClaims.SharedLoraBaseline));
        Assert.Equal(
            ClaimVerdict.NotMeasured,
            Find(PaperClaims.Check(withoutShared, ProfileKind.Quick), "RobuMTL+ beats a single shared LoRA").Verdict);
    }

    [Fact]
    public void MissingInputsAreNotMeasuredNotInvented()
    {
        var claims = PaperClaims.Check(new EvaluationTable(), ProfileKind.Smoke);

        Assert.All(claims, c =>
        {
            Assert.Null(c.Ours);
            Assert.Equal(ClaimVerdict.NotMeasured, c.Verdict);
            Assert.Equal("-", c.OursText);
        });
    }

    [Fact]
    public void RankAndSelectorClaimsUseTheirOwnInputs()
    {
        var ranks = new EvaluationTable(
        [
            Segmentation(PaperClaims.Baseline, ScenarioKind.Clean, "Clean", 50, 0),
            Segmentation(PaperClaims.Baseline, ScenarioKind.Single, "Fog", 40, 0),
            Segmentation("hierarchical 4-8-16-32", ScenarioKind.Clean, "Clean", 50, 1.0),
            Segmentation("hierarchical 4-8-16-32", ScenarioKind.Single, "Fog", 40, -4.0),
            Segmentation("smaller 2-4-8-16", ScenarioKind.Clean, "Clean", 50, 0.5),
            Segmentation("smaller 2-4-8-16", ScenarioKind.Single, "Fog", 40, -3.0),
        ]);

        var claims = PaperClaims.Check(Grid(), ProfileKind.Quick, ranks, selectorParameters: 49_666);

        var robust = Find(claims, "Smaller ranks ([8,16,32,64]) are more robust");
        Assert.Equal(1.0, robust.Ours!.Value, 9);
        Assert.Equal(ClaimVerdict.Holds, robust.Verdict);
        var clean = Find(claims, "Smaller ranks are worse on clean");
        Assert.Equal(-0.5, clean.Ours!.Value, 9);
        Assert.Equal(ClaimVerdict.Holds, clean.Verdict);
        var selector = Find(claims, "The selector (DMLS)");
        Assert.Equal("49,666", selector.OursText);
        Assert.Equal(ClaimVerdict.Holds, selector.Verdict);
        Assert.Equal(ClaimVerdict.DoesNotHold,
            Find(PaperClaims.Check(Grid(), ProfileKind.Quick, null, 120_000), "The selector (DMLS)").Verdict);
    }

    [Fact]
    public void SaveWritesCsvAndMarkdownWithOneRowPerClaim()
    {
        using var dir = new TempFolder();
        var claims = PaperClaims.Check(Grid(), ProfileKind.Quick);
        var csv = Path.Combine(dir.Path, "results", "claims.csv");

        PaperClaims.Save(claims, csv);

        Assert.Equal(claims.Count + 1, File.ReadAllLines(csv).Length);
        var markdown = File.ReadAllLines(Path.ChangeExtension(csv, ".md"));
        Assert.Equal(claims.Count + 2, markdown.Length);
        Assert.Contains(markdown, l => l.Contains("| +2.8 | +2.00 | % delta_m | holds |", StringComparison.Ordinal));
    }
}
