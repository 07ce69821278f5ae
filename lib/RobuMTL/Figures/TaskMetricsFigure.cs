using Plotly.NET;
using RobuMTL.Evaluation;
using RobuMTL.Tasks;

namespace RobuMTL.Figures;

/// <summary>Per-task results under each condition for every method: one grouped-bar panel per task.</summary>
public static class TaskMetricsFigure
{
    /// <summary>
    /// Uses the clean and single-perturbation rows whose metric is the task's primary one
    /// (<see cref="MetricKindExtensions.PrimaryMetric"/>); several rows of one method and condition (severities)
    /// are averaged. Methods keep their colour in every panel.
    /// </summary>
    /// <exception cref="ArgumentException">The table holds no matching rows.</exception>
    public static GenericChart Build(EvaluationTable table, string title = "Task metrics under each condition")
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Records
            .Where(r => r.Scenario is ScenarioKind.Clean or ScenarioKind.Single)
            .Where(r => r.Task is { } task && r.Metric == task.PrimaryMetric())
            .ToList();
        if (rows.Count == 0)
        {
            throw new ArgumentException("the table has no clean or single-condition rows with a task's primary metric");
        }

        var tasks = rows.Select(r => r.Task!.Value).Distinct().ToList();
        var methods = rows.Select(r => r.Method).Distinct().ToList();
        var grid = SubplotGrid.For(tasks.Count, maxColumns: 3, verticalGap: 0.16);
        var traces = new List<Trace>();
        for (var cell = 0; cell < tasks.Count; cell++)
        {
            var taskRows = rows.Where(r => r.Task == tasks[cell]).ToList();
            var conditions = taskRows.Select(r => r.Conditions).Distinct().ToList();
            traces.AddRange(GroupedBars.Traces(
                conditions,
                methods,
                (condition, method) => GroupedBars.Mean(
                    taskRows.Where(r => r.Conditions == condition && r.Method == method).Select(r => r.Value)),
                v => FigureText.Fixed(v, 1),
                (SubplotGrid.XAxis(cell), SubplotGrid.YAxis(cell)),
                showLegend: cell == 0));
        }

        var layout = PlotlyParts.Layout(
            title,
            width: 200 + (540 * grid.Columns),
            height: 80 + (430 * grid.Rows),
            ("barmode", "group"),
            ("bargap", 0.2));
        PlotlyParts.UseSideLegend(layout);
        grid.Apply(
            layout,
            tasks.Select(FigureText.Task).ToList(),
            _ => PlotlyParts.Axis(null),
            cell => PlotlyParts.Axis(tasks[cell].PrimaryMetric().AxisTitle()));
        return PlotlyParts.Chart(traces, layout);
    }
}
