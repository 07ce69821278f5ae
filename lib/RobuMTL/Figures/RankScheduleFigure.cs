using Plotly.NET;
using RobuMTL.Evaluation;

namespace RobuMTL.Figures;

/// <summary>
/// The rank-schedule ablation: delta_m of each per-stage LoRA rank schedule, clean and under weather.
/// </summary>
public static class RankScheduleFigure
{
    /// <summary>
    /// Pass the rank ablation's rows: every schedule (a method naming it, "ranks 16-32-64-128") and
    /// <paramref name="baseline"/> under the same scenarios. Draws each schedule's <see cref="PooledDelta"/> against
    /// the baseline per scenario kind; one bar series per scenario kind.
    /// </summary>
    /// <exception cref="ArgumentException">The table holds no task rows of a method other than the baseline.
    /// </exception>
    public static GenericChart Build(
        EvaluationTable table,
        string title = "LoRA rank schedule ablation",
        string baseline = PaperClaims.Baseline)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Records.Where(r => r.Task is not null).ToList();
        var schedules = rows.Select(r => r.Method).Where(m => m != baseline).Distinct().ToList();
        if (schedules.Count == 0)
        {
            throw new ArgumentException($"the rank ablation table has no task rows besides baseline '{baseline}'");
        }

        var kinds = rows.Select(r => r.Scenario).Distinct().ToList();
        var labels = kinds.Select(k => k.ToString()).ToList();
        return GroupedBars.Chart(
            title,
            schedules,
            labels,
            (schedule, label) => PooledDelta.Of(table, schedule, baseline, kinds[labels.IndexOf(label)]),
            v => FigureText.Signed(v),
            xTitle: "LoRA rank per Swin stage (1 → 4)",
            yTitle: MetricKind.DeltaM.AxisTitle());
    }
}
