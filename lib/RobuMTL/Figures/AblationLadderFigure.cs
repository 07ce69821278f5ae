using Plotly.NET;
using RobuMTL.Evaluation;

namespace RobuMTL.Figures;

/// <summary>The delta_m ladder: each added component's multi-task score, ours beside the paper's.</summary>
public static class AblationLadderFigure
{
    /// <summary>
    /// Reads the whole-model delta_m rows whose method names an <see cref="AblationStep"/>, averaged per step over
    /// conditions, and draws them beside <see cref="PaperReference.AblationLadderDeltaM"/>. Steps that were not run
    /// show no bar.
    /// </summary>
    /// <exception cref="ArgumentException">No row names an ablation step.</exception>
    public static GenericChart Build(
        EvaluationTable table,
        string measuredName = "This run",
        string title = "Ablation ladder: Δm per added component")
    {
        ArgumentNullException.ThrowIfNull(table);
        var measured = new Dictionary<AblationStep, List<double>>();
        foreach (var r in table.Records.Where(r => r.Metric == MetricKind.DeltaM && r.Task is null))
        {
            if (Enum.TryParse<AblationStep>(r.Method, out var step) && Enum.IsDefined(step))
            {
                (measured.TryGetValue(step, out var list) ? list : measured[step] = []).Add(r.Value);
            }
        }

        if (measured.Count == 0)
        {
            throw new ArgumentException(
                $"no delta_m row has a method named after an ablation step ({string.Join(", ", Enum.GetNames<AblationStep>())})");
        }

        var steps = Enum.GetValues<AblationStep>();
        var labels = steps.Select(PaperReference.Label).ToList();
        var paperName = "Paper (PASCAL-Context, reported)";
        return GroupedBars.Chart(
            title,
            labels,
            [measuredName, paperName],
            (label, series) =>
            {
                var step = steps[labels.IndexOf(label)];
                return series == paperName
                    ? PaperReference.AblationLadderDeltaM[step]
                    : GroupedBars.Mean(measured.GetValueOrDefault(step) ?? []);
            },
            v => FigureText.Signed(v),
            xTitle: "model variant (cumulative)",
            yTitle: "Δm vs. multi-task baseline (%) ↑");
    }
}
