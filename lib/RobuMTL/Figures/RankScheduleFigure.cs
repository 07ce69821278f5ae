using Plotly.NET;
using RobuMTL.Evaluation;

namespace RobuMTL.Figures;

/// <summary>The rank-schedule ablation: delta_m of each per-stage LoRA rank schedule, clean and under weather.</summary>
public static class RankScheduleFigure
{
    /// <summary>
    /// Pass the rows of the rank ablation only; each method names a schedule ("ranks 16-32-64-128"). Whole-model
    /// delta_m rows are averaged per schedule and scenario; one bar series per scenario.
    /// </summary>
    /// <exception cref="ArgumentException">The table holds no whole-model delta_m rows.</exception>
    public static GenericChart Build(EvaluationTable table, string title = "LoRA rank schedule ablation")
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Records.Where(r => r.Metric == MetricKind.DeltaM && r.Task is null).ToList();
        if (rows.Count == 0)
        {
            throw new ArgumentException("the rank ablation table has no whole-model delta_m rows");
        }

        var schedules = rows.Select(r => r.Method).Distinct().ToList();
        var scenarios = rows.Select(r => r.Scenario.ToString()).Distinct().ToList();
        return GroupedBars.Chart(
            title,
            schedules,
            scenarios,
            (schedule, scenario) => GroupedBars.Mean(rows
                .Where(r => r.Method == schedule && r.Scenario.ToString() == scenario)
                .Select(r => r.Value)),
            v => FigureText.Signed(v),
            xTitle: "LoRA rank per Swin stage (1 → 4)",
            yTitle: MetricKind.DeltaM.AxisTitle());
    }
}
