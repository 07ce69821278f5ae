using RobuMTL.Evaluation;
using RobuMTL.Tasks;
using RobuMTL.Training;
using RobuMTL.Weather;

namespace RobuMTL.Tests.Evaluation;

public sealed class TrainingCurveProgressTests
{
    private static TrainingProgress Record(
        ProgressKind kind, long step, double loss, params (string, double)[] parts) =>
        new("expert-rain", kind, 0, 1, step, 10, loss, parts.ToDictionary(p => p.Item1, p => p.Item2), 1e-3, 1.0,
            50.0, TimeSpan.FromSeconds(step));

    [Fact]
    public void IntervalRecordsBecomeTotalAndTaskRows()
    {
        TrainingProgress[] records =
        [
            Record(ProgressKind.Steps, 5, 2.5, ("Saliency", 0.5), ("Depth", 1.25), ("accuracy", 0.9)),
            Record(ProgressKind.EpochEnd, 10, 2.0, ("Saliency", 0.4)),
            Record(ProgressKind.Steps, 10, double.NaN),
            Record(ProgressKind.Steps, 10, 1.5, ("Saliency", 0.25)),
        ];

        var table = TrainingCurveTable.FromProgress(records, "Expert", WeatherCondition.Rain);

        Assert.Equal(
            [
                new TrainingCurvePoint("Expert", WeatherCondition.Rain, 5, null, 2.5),
                new TrainingCurvePoint("Expert", WeatherCondition.Rain, 5, TaskKind.Depth, 1.25),
                new TrainingCurvePoint("Expert", WeatherCondition.Rain, 5, TaskKind.Saliency, 0.5),
                new TrainingCurvePoint("Expert", WeatherCondition.Rain, 10, null, 1.5),
                new TrainingCurvePoint("Expert", WeatherCondition.Rain, 10, TaskKind.Saliency, 0.25),
            ],
            table.Points);
    }

    [Fact]
    public void ConcatKeepsEveryTableInOrder()
    {
        var a = TrainingCurveTable.FromProgress([Record(ProgressKind.Steps, 1, 3.0)], "Warmup");
        var b = TrainingCurveTable.FromProgress([Record(ProgressKind.Steps, 2, 2.0)], "Expert", WeatherCondition.Fog);

        var both = TrainingCurveTable.Concat([a, b]);

        Assert.Equal(["Warmup", "Expert"], both.Points.Select(p => p.Phase));
    }

    [Fact]
    public void ASkippedPhaseReadsTheCurveItsTrainingRunSaved()
    {
        var path = Path.Combine(Path.GetTempPath(), $"curve-{Guid.NewGuid():N}.csv");
        try
        {
            var trained = TrainingCurveTable.FromProgressOrSaved(
                [Record(ProgressKind.Steps, 3, 1.0, ("Edges", 0.5))], "Warmup", null, path);
            var skipped = TrainingCurveTable.FromProgressOrSaved(
                [Record(ProgressKind.PhaseSkipped, 10, double.NaN)], "Warmup", null, path);

            Assert.Equal(2, trained.Points.Count);
            Assert.Equal(trained.Points, skipped.Points);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Empty(TrainingCurveTable.FromProgressOrSaved([], "Warmup", null, path).Points);
    }
}
