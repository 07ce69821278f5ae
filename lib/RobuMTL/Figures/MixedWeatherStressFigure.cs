using Plotly.NET;
using RobuMTL.Evaluation;

namespace RobuMTL.Figures;

/// <summary>The mixed-weather stress test: delta_m as more conditions are stacked on one image.</summary>
public static class MixedWeatherStressFigure
{
    /// <summary>
    /// Reads whole-model delta_m rows of single and mixed scenarios; x is the number of stacked conditions, one line
    /// per method and routing, averaged per count. A line is named by its routing when the table holds one method,
    /// by the method when that method has one routing ("RobuMTL top-1"), else "method, routing".
    /// </summary>
    /// <exception cref="ArgumentException">No row matches.</exception>
    public static GenericChart Build(EvaluationTable table, string title = "Mixed-weather stress test")
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Records
            .Where(r => r.Scenario is ScenarioKind.Single or ScenarioKind.Mixed)
            .Where(r => r.Metric == MetricKind.DeltaM && r.Task is null)
            .ToList();
        if (rows.Count == 0)
        {
            throw new ArgumentException("the table has no whole-model delta_m rows of single or mixed weather");
        }

        var singleMethod = rows.Select(r => r.Method).Distinct().Count() == 1;
        var routings = rows.GroupBy(r => r.Method).ToDictionary(g => g.Key, g => g.Select(r => r.RoutingLabel)
            .Distinct().Count());
        string Name(EvaluationRecord r) => singleMethod ? r.RoutingLabel
            : routings[r.Method] == 1 ? r.Method
            : $"{r.Method}, {r.RoutingLabel}";
        var series = rows
            .GroupBy(Name)
            .Select((g, i) =>
            {
                var (x, y) = LineSeries.MeanByX(g.Select(r => ((double)r.ConditionCount, r.Value)));
                return LineSeries.Trace(g.Key, x, y, PlotlyParts.Color(i));
            })
            .ToList();

        var layout = PlotlyParts.Layout(
            title,
            width: singleMethod ? 1000 : 1240,
            height: 620,
            ("xaxis", PlotlyParts.Axis("conditions stacked on one image (count)", ("dtick", 1))),
            ("yaxis", PlotlyParts.Axis(MetricKind.DeltaM.AxisTitle(), ("zeroline", true), ("zerolinewidth", 2))));
        if (!singleMethod)
        {
            PlotlyParts.UseSideLegend(layout);
        }
        return PlotlyParts.Chart(series, layout);
    }
}
