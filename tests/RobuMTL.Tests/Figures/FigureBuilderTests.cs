using RobuMTL.Evaluation;
using RobuMTL.Figures;
using RobuMTL.Tasks;

namespace RobuMTL.Tests.Figures;

/// <summary>
/// Each chart builder on SYNTHETIC tables (<see cref="SyntheticResults"/>), read back as plotly.js JSON.
/// </summary>
public sealed class FigureBuilderTests
{
    [Fact]
    public void TaskMetricsHasOneBarTracePerMethodAndTaskWithAxisUnits()
    {
        var figure = FigureJson.Of(TaskMetricsFigure.Build(SyntheticResults.Table()));

        var tasks = SyntheticResults.Tasks.Length;
        Assert.Equal(SyntheticResults.Methods.Length * tasks, figure.Traces.Count);
        Assert.All(figure.Traces, t => Assert.Equal("bar", t.GetProperty("type").GetString()));
        Assert.Equal(SyntheticResults.Methods, figure.TraceNames.Distinct());
        Assert.Contains("<b>Surface normals</b>", figure.Annotations);
        Assert.Equal("mean angle error (deg) ↓", AxisTitle(figure, "yaxis4"));

        // Clean plus five weather conditions per panel; the first MTLoRA bar is its clean semseg mIoU.
        var first = figure.Traces[0];
        Assert.Equal(6, first.GetProperty("x").GetArrayLength());
        Assert.Equal(65.0, FigureJson.Numbers(first.GetProperty("y"))[0]);
    }

    [Fact]
    public void AblationLadderPairsMeasuredStepsWithThePapersNumbers()
    {
        var table = SyntheticResults.Ladder().Where(r => r.Method != nameof(AblationStep.PlusExpertSquads));
        var figure = FigureJson.Of(AblationLadderFigure.Build(table, measuredName: "synthetic"));

        Assert.Equal(["synthetic", "Paper (PASCAL-Context, reported)"], figure.TraceNames);
        Assert.Equal(
            [-12.78, -7.25, -5.71, 1.5, 2.8],
            FigureJson.Numbers(figure.Traces[1].GetProperty("y")).Select(v => v!.Value));
        var measured = FigureJson.Numbers(figure.Traces[0].GetProperty("y"));
        Assert.Equal([-14.0, -8.0, -6.5, 0.5], measured.Take(4).Select(v => Math.Round(v!.Value, 9)));
        Assert.Null(measured[4]);
        Assert.Equal("+1.50", figure.Traces[1].GetProperty("text")[3].GetString());
    }

    [Fact]
    public void AblationLadderWithoutStepsSaysWhichNamesItExpects()
    {
        var error = Assert.Throws<ArgumentException>(() => AblationLadderFigure.Build(SyntheticResults.RankAblation()));
        Assert.Contains("PlusSelector", error.Message);
    }

    [Fact]
    public void RankScheduleHasOneSeriesPerScenario()
    {
        var figure = FigureJson.Of(RankScheduleFigure.Build(SyntheticResults.RankAblation()));

        Assert.Equal(["Clean", "Single"], figure.TraceNames);
        Assert.Equal(4, figure.Traces[0].GetProperty("x").GetArrayLength());
        Assert.Equal(
            [1.0, 0, -1, -2],
            FigureJson.Numbers(figure.Traces[0].GetProperty("y")).Select(v => Math.Round(v!.Value, 9)));
        Assert.Equal(
            [-3.0, -2.5, -2, -1.5],
            FigureJson.Numbers(figure.Traces[1].GetProperty("y")).Select(v => Math.Round(v!.Value, 9)));
        Assert.Contains("LoRA rank", AxisTitle(figure, "xaxis"));
    }

    [Fact]
    public void MixedStressDrawsOneLinePerMethodOverTheConditionCount()
    {
        string[] methods = ["RobuMTL top-1", "RobuMTL top-6", "RobuMTL oracle", "not evaluated"];
        var figure = FigureJson.Of(MixedWeatherStressFigure.Build(SyntheticResults.Stress(), methods));

        Assert.Equal(methods.Take(3), figure.TraceNames);
        var top6 = figure.Traces[1];
        Assert.Equal([1.0, 2, 3, 4, 5], FigureJson.Numbers(top6.GetProperty("x")).Select(v => v!.Value));
        Assert.Equal(-15.0, FigureJson.Numbers(top6.GetProperty("y"))[4]!.Value, 9);
    }

    [Fact]
    public void MixedStressWithoutTheBaselineSaysSo()
    {
        var table = SyntheticResults.Stress().Where(r => r.Method != PaperClaims.Baseline);

        var error = Assert.Throws<ArgumentException>(() => MixedWeatherStressFigure.Build(table, ["RobuMTL top-1"]));

        Assert.Contains("baseline 'MTL (clean)'", error.Message);
    }

    [Fact]
    public void BarsWithManySeriesDropValueLabelsAndMoveTheLegendAside()
    {
        var many = SyntheticResults.Table();
        foreach (var extra in new[] { "A", "B" })
        {
            many.AddRange(SyntheticResults.Table().Records.Where(r => r.Method == "MTLoRA").Select(r => r with
            {
                Method = extra,
            }));
        }

        var few = FigureJson.Of(SpatialMixFigure.Build(SyntheticResults.Table()));
        var crowded = FigureJson.Of(SpatialMixFigure.Build(many));

        Assert.NotEqual("", few.Traces[0].GetProperty("text")[0].GetString());
        Assert.Equal(5, crowded.Traces.Count);
        Assert.All(crowded.Traces, t => Assert.All(
            t.GetProperty("text").EnumerateArray(), v => Assert.Equal("", v.GetString())));
        Assert.Equal("v", crowded.Layout.GetProperty("legend").GetProperty("orientation").GetString());
    }

    [Fact]
    public void SeverityCurvesHaveAPanelPerConditionAndStrengthAxis()
    {
        var figure = FigureJson.Of(SeverityCurvesFigure.Build(SyntheticResults.Table()));

        Assert.Equal(2 * SyntheticResults.Methods.Length, figure.Traces.Count);
        Assert.Equal(["<b>Fog</b>", "<b>Noise</b>"], figure.Annotations);
        var x = FigureJson.Numbers(figure.Traces[0].GetProperty("x")).Select(v => v!.Value);
        Assert.Equal([0.0, 0.25, 0.5, 0.75, 1.0], x);
        Assert.StartsWith("strength", AxisTitle(figure, "xaxis2"));
    }

    [Fact]
    public void SeverityCurvesAnchorEachMethodAtCleanLeftOfLevelOne()
    {
        var table = SyntheticResults.Table();
        table.Add(new EvaluationRecord(
            "MTLoRA", ScenarioKind.Clean, "Clean", null, null, RoutingKind.Top1, 1, null, MetricKind.DeltaM, 3.5));
        var figure = FigureJson.Of(SeverityCurvesFigure.Build(table));

        var anchors = figure.Traces.Where(t => t.GetProperty("mode").GetString() == "markers").ToList();
        Assert.Equal(2, anchors.Count);
        Assert.Equal([SeverityCurvesFigure.CleanX], FigureJson.Numbers(anchors[0].GetProperty("x")));
        Assert.Equal([3.5], FigureJson.Numbers(anchors[0].GetProperty("y")));
        var ticks = figure.Layout.GetProperty("xaxis").GetProperty("ticktext").EnumerateArray().ToList();
        Assert.Equal("clean", ticks[0].GetString());
        Assert.DoesNotContain("0 = clean", AxisTitle(figure, "xaxis"), StringComparison.Ordinal);
    }

    [Fact]
    public void SpatialMixGroupsLayoutsByMethod()
    {
        var figure = FigureJson.Of(SpatialMixFigure.Build(SyntheticResults.Table()));

        Assert.Equal(SyntheticResults.Methods, figure.TraceNames);
        Assert.Equal("Rain | Fog", figure.Traces[0].GetProperty("x")[0].GetString());
        Assert.Throws<ArgumentException>(() => SpatialMixFigure.Build(SyntheticResults.Table(), task: TaskKind.Depth));
    }

    [Fact]
    public void InferenceOverheadLabelsRatiosAgainstTheBaseline()
    {
        var figure = FigureJson.Of(InferenceOverheadFigure.Build(SyntheticResults.Table(), baselineMethod: "MTLoRA"));

        var bars = Assert.Single(figure.Traces);
        Assert.Equal([20.0, 29.0, 38.0], FigureJson.Numbers(bars.GetProperty("y")).Select(v => v!.Value));
        Assert.Equal("38.0 ms<br>×1.90", bars.GetProperty("text")[2].GetString());
        Assert.Contains("MTLoRA", figure.Title);
        Assert.Throws<ArgumentException>(() => InferenceOverheadFigure.Build(SyntheticResults.Table(), "missing"));
    }

    [Fact]
    public void TrainingCurvesHaveAPanelPerExpertAndALegendEntryPerTask()
    {
        var figure = FigureJson.Of(TrainingCurvesFigure.Build(SyntheticResults.Curves()));

        Assert.Equal(3 * (SyntheticResults.Tasks.Length + 1), figure.Traces.Count);
        Assert.Equal(["<b>Warmup · Clean</b>", "<b>Expert · Rain</b>", "<b>Expert · Fog</b>"], figure.Annotations);
        var legend = figure.Traces
            .Where(t => t.GetProperty("showlegend").GetBoolean())
            .Select(t => t.GetProperty("name").GetString());
        Assert.Equal(
            ["total (weighted)", "Semantic segmentation", "Human parts", "Saliency", "Surface normals"], legend);
        Assert.Equal("log", figure.Layout.GetProperty("yaxis").GetProperty("type").GetString());
    }

    [Fact]
    public void ConfusionHeatmapIsRowNormalisedAndLabelled()
    {
        var matrix = SyntheticResults.Confusion();
        var figure = FigureJson.Of(SelectorConfusionFigure.Build(matrix));

        var heatmap = Assert.Single(figure.Traces);
        Assert.Equal("heatmap", heatmap.GetProperty("type").GetString());
        foreach (var row in heatmap.GetProperty("z").EnumerateArray())
        {
            Assert.Equal(1.0, row.EnumerateArray().Sum(v => v.GetDouble()), 9);
        }

        Assert.Equal("Clean", heatmap.GetProperty("x")[0].GetString());
        Assert.Contains($"accuracy {100 * matrix.Accuracy:F1}%", figure.Title);
        Assert.Equal("true condition", AxisTitle(figure, "yaxis"));
    }

    [Fact]
    public void EmbeddingHasOneMarkerTracePerCondition()
    {
        var features = SyntheticResults.Features(perClass: 10, dimensions: 6, separation: 8);
        var options = new TsneOptions(Perplexity: 5, Iterations: 150);
        var figure = FigureJson.Of(SelectorEmbeddingFigure.Build(features, options));

        Assert.Equal(["Clean", "Rain", "Fog"], figure.TraceNames);
        Assert.All(figure.Traces, t => Assert.Equal(10, t.GetProperty("x").GetArrayLength()));
        var colors = figure.Traces.Select(t => t.GetProperty("marker").GetProperty("color").GetString()).ToList();
        Assert.Equal(colors.Count, colors.Distinct().Count());
    }

    [Fact]
    public void GalleryStretchesEachPngOverItsCell()
    {
        var images = Enumerable.Range(0, 6)
            .Select(i => new GalleryImage($"condition {i}", SyntheticResults.Image(i == 4 ? 8 : 12, 8, i)))
            .ToList();
        var figure = FigureJson.Of(WeatherGalleryFigure.Build(images, columns: 3));

        var pictures = figure.Layout.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(6, pictures.Count);
        Assert.All(pictures, p =>
        {
            Assert.StartsWith("data:image/png;base64,", p.GetProperty("source").GetString());
            Assert.Equal("stretch", p.GetProperty("sizing").GetString());
            Assert.Equal(8.0, p.GetProperty("sizey").GetDouble());
        });
        Assert.Equal(12.0, pictures[5].GetProperty("sizex").GetDouble());
        Assert.Equal("y6", pictures[5].GetProperty("yref").GetString());
        Assert.Equal(6, figure.Traces.Count);
        Assert.Equal("<b>condition 5</b>", figure.Annotations[5]);
        var y6 = figure.Layout.GetProperty("yaxis6");

        // Each cell's axes span exactly its image (edges at 0 and w, h and 0), so the image fills the cell.
        Assert.Equal([8.0, 0.0], FigureJson.Numbers(y6.GetProperty("range")).Select(v => v!.Value));
        var x6 = figure.Layout.GetProperty("xaxis6");
        Assert.Equal([0.0, 12.0], FigureJson.Numbers(x6.GetProperty("range")).Select(v => v!.Value));

        // The square image in a 3:2 cell is letterboxed: 2 px of margin on each side, not stretched.
        var x5 = figure.Layout.GetProperty("xaxis5");
        Assert.Equal([-2.0, 10.0], FigureJson.Numbers(x5.GetProperty("range")).Select(v => v!.Value));

        // Cells are 240 px wide with 12 px gaps, and rows 160 px high (the 3:2 images) with 36 px caption gaps.
        var domain = FigureJson.Numbers(figure.Layout.GetProperty("xaxis").GetProperty("domain"));
        Assert.Equal(240.0 / ((3 * 240) + (2 * 12)), domain[1]!.Value, 9);
        Assert.Equal(110 + 20 + (2 * 160) + 36, figure.Layout.GetProperty("height").GetInt32());
    }

    [Fact]
    public void QualitativeGridHasFourColumnsAndTaskLabels()
    {
        var rows = new[] { TaskKind.SemanticSegmentation, TaskKind.Normals }
            .Select((task, i) => new QualitativeRow(
                task,
                SyntheticResults.Image(8, 8, i),
                SyntheticResults.Image(8, 8, i + 1),
                SyntheticResults.Image(8, 8, i + 2),
                SyntheticResults.Image(8, 8, i + 3)))
            .ToList();
        var figure = FigureJson.Of(QualitativeGridFigure.Build(rows));

        Assert.Equal(8, figure.Traces.Count);
        Assert.Equal(
            ["<b>Input</b>", "<b>Ground truth</b>", "<b>MTLoRA</b>", "<b>RobuMTL</b>"], figure.Annotations.Take(4));
        Assert.Contains("<b>Surface normals</b>", figure.Annotations);
    }

    private static string? AxisTitle(FigureJson figure, string axis) =>
        figure.Layout.GetProperty(axis).GetProperty("title").GetProperty("text").GetString();
}
