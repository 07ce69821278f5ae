using RobuMTL.Core;

namespace RobuMTL.Tests.Core;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class RunProfileTests : IDisposable
{
    private readonly string? saved = Environment.GetEnvironmentVariable(RunProfile.EnvironmentVariable);

    public void Dispose() => Environment.SetEnvironmentVariable(RunProfile.EnvironmentVariable, saved);

    [Fact]
    public void TheParametersCellBeatsTheVariableWhichBeatsTheQuickDefault()
    {
        Environment.SetEnvironmentVariable(RunProfile.EnvironmentVariable, null);
        Assert.Same(RunProfile.Quick, RunProfile.Resolve());
        Assert.Same(RunProfile.Quick, RunProfile.Resolve("  "));

        Environment.SetEnvironmentVariable(RunProfile.EnvironmentVariable, "smoke");
        Assert.Same(RunProfile.Smoke, RunProfile.Resolve());
        Assert.Same(RunProfile.Paper, RunProfile.Resolve("Paper"));
    }

    [Theory]
    [InlineData("paper-nyud")]
    [InlineData("PaperNyud")]
    [InlineData("paper_nyud")]
    public void PaperNyudIsNamedWithOrWithoutASeparator(string name)
    {
        var profile = RunProfile.Resolve(name);

        Assert.Same(RunProfile.PaperNyud, profile);
        Assert.Equal(DatasetKind.NyudV2, profile.Dataset);
        Assert.Equal([64, 128, 256, 512], profile.LoraRanks);
        Assert.Equal(RunProfile.Paper with
        {
            Kind = ProfileKind.PaperNyud,
            Dataset = DatasetKind.NyudV2,
            DataRoot = profile.DataRoot,
            LoraRanks = profile.LoraRanks,
        }, profile);
    }

    [Fact]
    public void AnUnknownNameSaysWhereItCameFromAndListsTheProfiles()
    {
        var fromCell = Assert.Throws<ArgumentException>(() => RunProfile.Resolve("fast"));
        Assert.Contains("'fast' from the parameters cell", fromCell.Message, StringComparison.Ordinal);
        Assert.Contains("smoke, quick, paper, paper-nyud", fromCell.Message, StringComparison.Ordinal);

        Environment.SetEnvironmentVariable(RunProfile.EnvironmentVariable, "3");
        var fromVariable = Assert.Throws<ArgumentException>(() => RunProfile.Resolve());
        Assert.Contains(RunProfile.EnvironmentVariable, fromVariable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryKindHasItsPreset()
    {
        foreach (var kind in Enum.GetValues<ProfileKind>())
        {
            Assert.Equal(kind, RunProfile.For(kind).Kind);
        }
    }
}
