using Plotly.NET;
using RobuMTL.Evaluation;

namespace RobuMTL.Figures;

/// <summary>The mixed-weather stress test: delta_m as more conditions are stacked on one image.</summary>
public static class MixedWeatherStressFigure
{
    /// <summary>
    /// One line per method of <paramref name="methods"/>: x is the number of conditions stacked on one image (1 for
    /// the single perturbations), y the method's <see cref="PooledDelta"/> against <paramref name="baseline"/> over
    /// the single and mixed scenarios with that many conditions. Pass the whole grid, baseline rows included.
    /// </summary>
    /// <exception cref="ArgumentException">No method has task rows of single or mixed weather next to the
    /// baseline's.</exception>
    public static GenericChart Build(
        EvaluationTable table,
        IReadOnlyList<string> methods,
        string title = "Mixed-weather stress test",
        string baseline = PaperClaims.Baseline)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(methods);
        var weather = table.Records
            .Where(r => IsWeather(r) && r.Task is not null)
            .ToList();
        var series = new List<Trace>();
        foreach (var method in methods)
        {
            var points = weather.Where(r => r.Method == method)
                .Select(r => r.ConditionCount)
                .Distinct()
                .Order()
                .Select(count => (X: (double)count, Y: PooledDelta.Of(
                    table, method, baseline, r => IsWeather(r) && r.ConditionCount == count)))
                .Where(p => p.Y is not null)
                .ToList();
            if (points.Count > 0)
            {
                series.Add(LineSeries.Trace(
                    method, [.. points.Select(p => p.X)], [.. points.Select(p => p.Y!.Value)],
                    PlotlyParts.Color(series.Count)));
            }
        }

        if (series.Count == 0)
        {
            throw new ArgumentException(
                $"none of [{string.Join(", ", methods)}] has task rows of single or mixed weather next to "
                + $"baseline '{baseline}'");
        }

        var layout = PlotlyParts.Layout(
            title,
            width: 1240,
            height: 620,
            ("xaxis", PlotlyParts.Axis("conditions stacked on one image (count)", ("dtick", 1))),
            ("yaxis", PlotlyParts.Axis(MetricKind.DeltaM.AxisTitle(), ("zeroline", true), ("zerolinewidth", 2))));
        PlotlyParts.UseSideLegend(layout);

        return PlotlyParts.Chart(series, layout);
    }

    /// <summary>The scenarios the stress test reads: single perturbations and mixes (not clean, not spatial).</summary>
    private static bool IsWeather(EvaluationRecord row) => row.Scenario is ScenarioKind.Single or ScenarioKind.Mixed;
}
