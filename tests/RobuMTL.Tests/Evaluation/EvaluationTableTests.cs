using RobuMTL.Evaluation;
using RobuMTL.Tasks;

namespace RobuMTL.Tests.Evaluation;

public sealed class EvaluationTableTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"evaltable-{Guid.NewGuid():N}");

    private sealed record SampleConfig(string Profile, int Seed, RoutingKind Routing);

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static EvaluationTable Sample() => new(
    [
        new("MTLoRA", ScenarioKind.Clean, "Clean", null, null, RoutingKind.None, null,
            TaskKind.SemanticSegmentation, MetricKind.MeanIoU, 67.9),
        new("ranks \"16,32\", reversed", ScenarioKind.Sweep, "Fog", 3, 0.1 + 0.2, RoutingKind.TopK, 6,
            null, MetricKind.DeltaM, -1.0 / 3.0),
        new("RobuMTL+", ScenarioKind.External, "ACDC/night", null, null, RoutingKind.Oracle, 1,
            TaskKind.Depth, MetricKind.Rmse, 1e-300),
    ]);

    [Fact]
    public void CsvRoundTripKeepsEveryFieldExactly()
    {
        var path = Path.Combine(folder, "results.csv");
        var table = Sample();

        table.Save(path, new SampleConfig("quick", 7, RoutingKind.TopK));
        var back = EvaluationTable.Load(path);

        Assert.Equal(table.Records, back.Records);
        Assert.Equal(new SampleConfig("quick", 7, RoutingKind.TopK), EvaluationTable.LoadConfig<SampleConfig>(path));
        Assert.Contains("\"Routing\": \"TopK\"", File.ReadAllText(EvaluationTable.ConfigPath(path)));
    }

    [Fact]
    public void DataFrameRoundTripKeepsNullsAndEnums()
    {
        var frame = Sample().ToDataFrame();

        Assert.Equal(EvaluationTable.Columns, frame.Columns.Select(c => c.Name));
        Assert.Equal(3, frame.Rows.Count);
        Assert.Null(frame.Columns["Severity"][0]);
        Assert.Equal("Sweep", frame.Columns["Scenario"][1]);
        Assert.Equal(Sample().Records, EvaluationTable.FromDataFrame(frame).Records);
    }

    [Fact]
    public void LoadNamesTheLineAndValidNamesOfABadEnum()
    {
        var path = Path.Combine(folder, "bad.csv");
        Sample().Save(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace(",Oracle,", ",Psychic,"));

        var error = Assert.Throws<InvalidDataException>(() => EvaluationTable.Load(path));
        Assert.Contains("line 4", error.Message);
        Assert.Contains("'Psychic'", error.Message);
        Assert.Contains("Top1", error.Message);
    }

    [Fact]
    public void LoadRejectsAFileWithAnotherHeader()
    {
        var path = Path.Combine(folder, "other.csv");
        Directory.CreateDirectory(folder);
        File.WriteAllText(path, "a,b\n1,2\n");

        var error = Assert.Throws<InvalidDataException>(() => EvaluationTable.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Throws<FileNotFoundException>(() => EvaluationTable.Load(Path.Combine(folder, "missing.csv")));
    }

    [Fact]
    public void ConditionCountAndRoutingLabelReadTheRow()
    {
        var row = Sample().Records[1] with { Conditions = EvaluationRecord.JoinConditions(["Rain", "Fog", "Noise"]) };

        Assert.Equal("Rain+Fog+Noise", row.Conditions);
        Assert.Equal(3, row.ConditionCount);
        Assert.Equal(0, Sample().Records[0].ConditionCount);
        Assert.Equal("Top-6", row.RoutingLabel);
    }

    [Fact]
    public void MetricsKnowTheirDirectionAndUnit()
    {
        Assert.True(MetricKind.Rmse.LowerIsBetter());
        Assert.False(MetricKind.MeanIoU.LowerIsBetter());
        Assert.Equal("RMSE (m) ↓", MetricKind.Rmse.AxisTitle());
        Assert.Equal(MetricKind.MeanAngularError, TaskKind.Normals.PrimaryMetric());
    }
}
