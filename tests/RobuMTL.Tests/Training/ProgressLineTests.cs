using RobuMTL.Training;

namespace RobuMTL.Tests.Training;

public sealed class ProgressLineTests
{
    private static readonly TrainingProgress Record = new(
        "warmup", ProgressKind.Steps, Epoch: 1, Epochs: 3, Step: 40, TotalSteps: 60, Loss: 0.41234,
        Parts: new Dictionary<string, double> { ["semseg"] = 0.25, ["depth"] = 0.125 }, LearningRate: 3.125e-5,
        GradientNorm: 1.5, ImagesPerSecond: 85.26, Elapsed: TimeSpan.FromSeconds(3723));

    [Fact]
    public void FormatsTheFieldsInOneLineOfFixedWidth()
    {
        var line = ProgressLine.Format(Record);

        Assert.True(line.Length == ProgressLine.DefaultWidth, line);
        Assert.StartsWith("warmup       step  ep   2/3", line);
        Assert.Contains("step      40/60", line);
        Assert.Contains("[#######...]  66.7%", line);
        Assert.Contains("loss   0.4123", line);
        Assert.Contains("lr 3.13e-05", line);
        Assert.Contains("85.3 img/s 01:02:03", line);
        Assert.Contains("| depth 0.1250 semseg 0.2500", line);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void CutsOrPadsToTheWidthAndShowsMissingLossAsDash()
    {
        var skipped = Record with
        {
            Kind = ProgressKind.PhaseSkipped,
            Loss = double.NaN,
            Parts = new Dictionary<string, double>(),
        };

        var narrow = ProgressLine.Format(Record, width: 40);
        var wide = ProgressLine.Format(skipped, width: 200);

        Assert.Equal(40, narrow.Length);
        Assert.Equal(200, wide.Length);
        Assert.Contains("skip ", wide);
        Assert.Contains("loss        -", wide);
    }
}
