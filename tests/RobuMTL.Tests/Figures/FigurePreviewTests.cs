using Plotly.NET;
using RobuMTL.Evaluation;
using RobuMTL.Figures;
using RobuMTL.Tasks;
using RobuMTL.Weather;
using Xunit.Abstractions;

namespace RobuMTL.Tests.Figures;

/// <summary>
/// Renders every figure from SYNTHETIC tables into the folder named by ROBUMTL_FIGURE_PREVIEW, for looking at
/// layouts before real results exist. Does nothing unless that variable is set (it takes about a minute).
/// </summary>
public sealed class FigurePreviewTests(ITestOutputHelper output)
{
    public const string Variable = "ROBUMTL_FIGURE_PREVIEW";

    public static IEnumerable<(string Name, Func<GenericChart> Build)> Figures()
    {
        var table = SyntheticResults.Table();
        var gallery = new[] { WeatherCondition.Clean }.Concat(SyntheticResults.Weather)
            .Select((c, i) => new GalleryImage($"{c} (synthetic)", SyntheticResults.Image(96, 64, i)))
            .ToList();
        var rows = SyntheticResults.Tasks.Take(3)
            .Select((t, i) => new QualitativeRow(
                t,
                SyntheticResults.Image(96, 64, i),
                SyntheticResults.Image(96, 64, i + 1),
                SyntheticResults.Image(96, 64, i + 2),
                SyntheticResults.Image(96, 64, i + 3)))
            .ToList();
        yield return ("weather-gallery", () => WeatherGalleryFigure.Build(gallery, columns: 3));
        yield return ("selector-confusion", () => SelectorConfusionFigure.Build(SyntheticResults.Confusion()));
        yield return ("selector-tsne", () => SelectorEmbeddingFigure.Build(SyntheticResults.Features(60, 16, 4)));
        yield return ("task-metrics", () => TaskMetricsFigure.Build(table));
        yield return (
            "ablation-ladder", () => AblationLadderFigure.Build(SyntheticResults.Ladder(), measuredName: "synthetic"));
        yield return ("rank-schedule", () => RankScheduleFigure.Build(SyntheticResults.RankAblation()));
        yield return ("mixed-weather-stress",
            () => MixedWeatherStressFigure.Build(SyntheticResults.Stress(), ["RobuMTL top-1", "RobuMTL top-6"]));
        yield return ("severity-curves", () => SeverityCurvesFigure.Build(table));
        yield return ("spatial-mix", () => SpatialMixFigure.Build(table));
        yield return ("qualitative-grid", () => QualitativeGridFigure.Build(rows));
        yield return ("inference-overhead", () => InferenceOverheadFigure.Build(table));
        yield return ("training-curves", () => TrainingCurvesFigure.Build(SyntheticResults.Curves()));
    }

    [Fact]
    public async Task RendersEveryFigureWhenAskedTo()
    {
        var folder = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }

        var exporter = new FigureExporter(folder);
        foreach (var (name, build) in Figures())
        {
            var result = await exporter.ExportAsync(build(), name, png: exporter.CanRenderPng);
            var (html, png) = (result.HtmlTime.TotalMilliseconds, result.PngTime.TotalMilliseconds);
            output.WriteLine($"{name}: HTML {html:F0} ms, PNG {png:F0} ms");
            Assert.True(File.Exists(result.HtmlPath));
        }
    }
}
