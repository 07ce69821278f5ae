using RobuMTL.Core;
using RobuMTL.Evaluation;
using RobuMTL.Figures;
using RobuMTL.Tasks;

namespace RobuMTL.Tests.Evaluation;

public sealed class PaperClaimsTests
{
    private static EvaluationRecord Delta(string method, ScenarioKind kind, double value, string conditions = "Fog") =>
        new(method, kind, conditions, 3, null, RoutingKind.Top1, 1, null, MetricKind.DeltaM, value);

    private static EvaluationRecord Metric(ScenarioKind kind, TaskKind task, double value) =>
        new(PaperClaims.Baseline, kind, "Fog", 3, null, RoutingKind.Top1, 1, task, task.PrimaryMetric(), value);

    /// <summary>A grid whose every claim is known by hand: ladder -10, -6, -5, -1, +2 (rising at every rung).</summary>
    private static EvaluationTable Grid(double fusionDelta = -1, double sharedLoraSegmentation = 40)
    {
        var table = new EvaluationTable();
        double[] ladder = [-10, -6, -5, fusionDelta, 2];
        foreach (var step in Enum.GetValues<AblationStep>())
        {
            // Two single scenarios per rung; their mean is the rung's value.
            table.Add(Delta(step.ToString(), ScenarioKind.Single, ladder[(int)step] - 1));
            table.Add(Delta(step.ToString(), ScenarioKind.Single, ladder[(int)step] + 1, "Rain"));
        }

        // Baseline mIoU 60 -> 45 (-25 %), normals error 20 -> 25 (-25 % after the sign flip): mean -25 %.
        table.Add(Metric(ScenarioKind.Clean, TaskKind.SemanticSegmentation, 60));
        table.Add(Metric(ScenarioKind.Single, TaskKind.SemanticSegmentation, 45));
        table.Add(Metric(ScenarioKind.Clean, TaskKind.Normals, 20));
        table.Add(Metric(ScenarioKind.Single, TaskKind.Normals, 25));

        // The augmented baseline: segmentation 50 (squads 45: -10 %), normals 20 (squads 25: -25 %); mean -17.5 %.
        var augmented = PaperClaims.AugmentedBaseline;
        table.Add(Metric(ScenarioKind.Clean, TaskKind.SemanticSegmentation, 60) with { Method = augmented });
        table.Add(Metric(ScenarioKind.Clean, TaskKind.Normals, 20) with { Method = augmented });
        table.Add(Metric(ScenarioKind.Single, TaskKind.SemanticSegmentation, 50) with { Method = augmented });
        table.Add(Metric(ScenarioKind.Single, TaskKind.Normals, 20) with { Method = augmented });
        var squads = nameof(AblationStep.PlusExpertSquads);
        table.Add(Metric(ScenarioKind.Single, TaskKind.SemanticSegmentation, 45) with { Method = squads });
        table.Add(Metric(ScenarioKind.Single, TaskKind.Normals, 25) with { Method = squads });

        // The shared LoRA: segmentation 40 (squads 45: +12.5 %), normals 30 (squads 25: +16.67 %); mean +14.58 %.
        var shared = PaperClaims.SharedLoraBaseline;
        table.Add(Metric(ScenarioKind.Clean, TaskKind.SemanticSegmentation, 60) with { Method = shared });
        table.Add(Metric(ScenarioKind.Clean, TaskKind.Normals, 20) with { Method = shared });
        table.Add(Metric(ScenarioKind.Single, TaskKind.SemanticSegmentation, sharedLoraSegmentation) with
        {
            Method = shared,
        });
        table.Add(Metric(ScenarioKind.Single, TaskKind.Normals, 30) with { Method = shared });

        table.Add(Delta("RobuMTL+ top-6", ScenarioKind.Mixed, 4, "Rain+Fog"));
        table.Add(Delta("RobuMTL+ top-6", ScenarioKind.Mixed, 9, "Snow+Noise"));
        table.Add(Delta("RobuMTL top-6", ScenarioKind.Mixed, 3, "Rain+Fog"));
        table.Add(Delta("RobuMTL top-1", ScenarioKind.Mixed, 1, "Rain+Fog"));
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
        Assert.Equal(9, Find(claims, "RobuMTL+ (top-6)").Ours!.Value, 9);
        Assert.Equal(2, Find(claims, "K = 6").Ours!.Value, 9);
        Assert.Equal(4, Find(claims, "The ablation ladder").Ours!.Value, 9);
        var augmented = Find(claims, "Not a paper claim");
        Assert.Equal(-17.5, augmented.Ours!.Value, 9);
        Assert.Equal(ClaimVerdict.DoesNotHold, augmented.Verdict);
        Assert.Equal((12.5 + (100.0 / 6)) / 2, Find(claims, "RobuMTL+ beats a single shared LoRA").Ours!.Value, 9);
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
        // Shared LoRA segmentation 60 against the squads' 45 (-25 %), normals +16.67 %: mean -4.17 %.
        var claims = PaperClaims.Check(Grid(sharedLoraSegmentation: 60), ProfileKind.Quick);

        var shared = Find(claims, "RobuMTL+ beats a single shared LoRA");
        Assert.Equal((-25 + (100.0 / 6)) / 2, shared.Ours!.Value, 9);
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
            Delta("hierarchical 4-8-16-32", ScenarioKind.Clean, 1.0, "Clean"),
            Delta("hierarchical 4-8-16-32", ScenarioKind.Single, -4.0),
            Delta("smaller 2-4-8-16", ScenarioKind.Clean, 0.5, "Clean"),
            Delta("smaller 2-4-8-16", ScenarioKind.Single, -3.0),
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
