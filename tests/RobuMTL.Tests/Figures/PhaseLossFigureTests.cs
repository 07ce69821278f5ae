using RobuMTL.Evaluation;
using RobuMTL.Figures;

namespace RobuMTL.Tests.Figures;

public sealed class PhaseLossFigureTests
{
    [Fact]
    public void OneLinePerPhaseAndExpertOfTheTotalLoss()
    {
        var curves = SyntheticResults.Curves();

        var figure = FigureJson.Of(PhaseLossFigure.Build(curves));

        Assert.Equal(["Warmup · Clean", "Expert · Rain", "Expert · Fog"], figure.TraceNames);
        var rainTotals = curves.Points
            .Where(p => p.Expert == RobuMTL.Weather.WeatherCondition.Rain && p.Task is null)
            .OrderBy(p => p.Step)
            .Select(p => (double?)p.Loss);
        Assert.Equal(rainTotals, FigureJson.Numbers(figure.Traces[1].GetProperty("y")));
        Assert.Equal("log", figure.Layout.GetProperty("yaxis").GetProperty("type").GetString());
    }

    [Fact]
    public void ATableWithoutTotalsIsRejected()
    {
        var tasksOnly = new TrainingCurveTable(SyntheticResults.Curves().Points.Where(p => p.Task is not null));

        Assert.Throws<ArgumentException>(() => PhaseLossFigure.Build(tasksOnly));
    }
}
