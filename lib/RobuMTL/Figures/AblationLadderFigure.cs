using Plotly.NET;
using RobuMTL.Evaluation;

namespace RobuMTL.Figures;

/// <summary>The delta_m ladder: each added component's multi-task score, ours beside the paper's.</summary>
public static class AblationLadderFigure
{
    /// <summary>
    /// Draws, for every method named after an <see cref="AblationStep"/>, its <see cref="PooledDelta"/> against
    /// <paramref name="baseline"/> over every scenario in <paramref name="table"/> (pass the single perturbations),
    /// beside <see cref="PaperReference.AblationLadderDeltaM"/>. Steps that were not run show no bar.
    /// </summary>
    /// <exception cref="ArgumentException">No task row names an ablation step, or the baseline has no task rows.
    /// </exception>
    public static GenericChart Build(
        EvaluationTable table,
        string measuredName = "This run",
        string title = "Ablation ladder: Δm per added component",
        string baseline = PaperClaims.Baseline)
    {
        ArgumentNullException.ThrowIfNull(table);
        var steps = Enum.GetValues<AblationStep>();
        var measured = steps.ToDictionary(
            step => step, step => PooledDelta.Of(table, step.ToString(), baseline, _ => true));
        if (measured.Values.All(v => v is null))
        {
            var names = string.Join(", ", Enum.GetNames<AblationStep>());
            throw new ArgumentException(
                $"no method named after an ablation step ({names}) has task rows next to baseline '{baseline}'");
        }

        var labels = steps.Select(PaperReference.Label).ToList();
        var paperName = "Paper (PASCAL-Context, reported)";
        return GroupedBars.Chart(
            title,
            labels,
            [measuredName, paperName],
            (label, series) =>
            {
                var step = steps[labels.IndexOf(label)];
                return series == paperName ? PaperReference.AblationLadderDeltaM[step] : measured[step];
            },
            v => FigureText.Signed(v),
            xTitle: "model variant (cumulative)",
            yTitle: "Δm vs. multi-task baseline (%) ↑");
    }
}
