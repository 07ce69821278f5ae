using System.CommandLine;
using RobuMTL.Cli.Verbs;
using RobuMTL.Tests.Training;

namespace RobuMTL.Tests.Cli;

[Collection(TorchRngCollection.Name)]
public sealed class EvaluateVerbTests
{
    private static int Invoke(string commandLine, TextWriter error) =>
        new EvaluateVerb().Create().Parse(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Invoke(new InvocationConfiguration { Error = error, Output = TextWriter.Null });

    [Fact]
    public void AConditionWithoutAnExternalFolderIsRefusedBeforeAnyWork()
    {
        using var runs = new TempFolder();

        var code = Invoke($"--profile smoke --runs {runs.Path} --condition fog", TextWriter.Null);

        Assert.Equal(2, code);
        Assert.Empty(Directory.GetFileSystemEntries(runs.Path));
    }

    [Fact]
    public void AnUntrainedRunsFolderFailsNamingTheMissingPhase()
    {
        using var runs = new TempFolder();
        using var external = new TempFolder();
        var error = new StringWriter();

        var code = Invoke($"--profile smoke --runs {runs.Path} --external {external.Path} --condition fog", error);

        Assert.NotEqual(0, code);
        Assert.Contains("clean-mtl", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(runs.Path, "smoke", "results", "evaluation-external.csv")));
    }
}
