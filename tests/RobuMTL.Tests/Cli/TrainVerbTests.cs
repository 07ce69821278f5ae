using System.CommandLine;
using RobuMTL.Checkpoints;
using RobuMTL.Cli.Verbs;
using RobuMTL.Core;
using RobuMTL.Tests.Training;
using RobuMTL.Weather;
using RobuMTL.Workbook;

namespace RobuMTL.Tests.Cli;

[Collection(TorchRngCollection.Name)]
public sealed class TrainVerbTests
{
    private static ParseResult Parse(string commandLine) =>
        new TrainVerb().Create().Parse(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [InlineData("--condition rain", WorkbookPhase.Expert, WeatherCondition.Rain)]
    [InlineData("--condition SNOW", WorkbookPhase.Expert, WeatherCondition.Snow)]
    [InlineData("--phase expert --condition Fog", WorkbookPhase.Expert, WeatherCondition.Fog)]
    [InlineData("--phase Warmup", WorkbookPhase.Warmup, null)]
    [InlineData("--profile smoke", null, null)]
    public void AConditionAloneMeansItsExpertPhase(
        string commandLine, WorkbookPhase? phase, WeatherCondition? condition)
    {
        var parse = Parse(commandLine);

        Assert.Empty(parse.Errors);
        Assert.Equal((phase, condition), TrainVerb.Selection(parse));
    }

    [Theory]
    [InlineData("--phase Warmup --condition rain", "--condition applies only to --phase Expert")]
    [InlineData("--phase Expert", "--phase Expert needs --condition (rain, snow, fog, noise, blur)")]
    public void APhaseThatDoesNotFitTheConditionIsRefusedBeforeAnyWork(string commandLine, string message)
    {
        var error = new StringWriter();

        var code = Parse(commandLine).Invoke(new InvocationConfiguration { Error = error, Output = TextWriter.Null });

        Assert.Equal(2, code);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--condition clean", "'clean' is not a weather expert")]
    [InlineData("--condition 1", "'1' is not a weather expert")]
    public void AConditionWithoutAWeatherExpertIsAParseErrorNamingTheChoices(string commandLine, string message)
    {
        var parse = Parse(commandLine);

        var error = Assert.Single(parse.Errors).Message;
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("rain, snow, fog, noise, blur", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainsOneExpertOfTheSmokeProfileInATemporaryRunsFolder()
    {
        using var runs = new TempFolder();
        var session = WorkbookSession.Open(RunProfile.Smoke, start: AppContext.BaseDirectory, runsRoot: runs.Path);
        var training = new WorkbookTraining(session);
        await foreach (var _ in training.CleanMtl())
        {
        }

        await foreach (var _ in training.Warmup())
        {
        }

        var code = await Parse($"--profile smoke --runs {runs.Path} --condition rain").InvokeAsync();

        Assert.Equal(0, code);
        Assert.True(session.Checkpoints.IsComplete("expert-rain"));
        Assert.True(File.Exists(Path.Combine(runs.Path, "smoke", "expert-rain", CheckpointStore.CompleteFileName)));
        Assert.True(File.Exists(Path.Combine(runs.Path, "smoke", "experts", "rain.bin")));
        Assert.True(File.Exists(Path.Combine(runs.Path, "smoke", "experts", "rain.json")));
        Assert.Equal(
            ["clean-mtl", "expert-rain", "experts", "warmup"],
            Directory.GetDirectories(Path.Combine(runs.Path, "smoke")).Select(Path.GetFileName).Order());
    }
}
