using RobuMTL.Core;
using RobuMTL.Heads;
using RobuMTL.Tasks;
using RobuMTL.Weather;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Heads;

public sealed class ExpertSquadsTests
{
    private static readonly TaskHeadSetConfig Config =
        new([TaskKind.SemanticSegmentation, TaskKind.Depth], 3, TaskHeadSetTests.TinyDecoder);

    private static readonly WeatherCondition[] Conditions =
        [WeatherCondition.Clean, WeatherCondition.Rain, WeatherCondition.Fog];

    public ExpertSquadsTests() => TorchRuntime.Initialize(threads: 2);

    private static Dictionary<TaskKind, Tensor[]> Streams(long batch) =>
        Config.Tasks.ToDictionary(t => t, _ => TaskHeadSetTests.Stages(batch));

    private static Dictionary<TaskKind, Tensor[]> Sample(Dictionary<TaskKind, Tensor[]> streams, long b) =>
        streams.ToDictionary(kv => kv.Key, kv => kv.Value.Select(s => s.narrow(0, b, 1)).ToArray());

    [Fact]
    public void OneHotWeightsGiveThatSquadsOutputPerSample()
    {
        TorchRuntime.Seed(4);
        using var squads = new ExpertSquads(Config, Conditions);
        squads.eval();
        using var scope = NewDisposeScope();
        var streams = Streams(2);
        var weights = tensor(new float[] { 0, 1, 0, 0, 0, 1 }).view(2, 3);     // sample 0: Rain, 1: Fog

        var mixed = squads.forward(streams, weights, 16, 16);

        var rain = squads[WeatherCondition.Rain].forward(Sample(streams, 0), 16, 16);
        var fog = squads[WeatherCondition.Fog].forward(Sample(streams, 1), 16, 16);
        foreach (var task in Config.Tasks)
        {
            Assert.True(mixed[task][0..1].allclose(rain[task], 1e-5, 1e-6), $"{task} sample 0");
            Assert.True(mixed[task][1..2].allclose(fog[task], 1e-5, 1e-6), $"{task} sample 1");
        }
    }

    [Fact]
    public void SoftWeightsMixTheSquadOutputsLinearly()
    {
        TorchRuntime.Seed(6);
        using var squads = new ExpertSquads(Config, Conditions);
        squads.eval();
        using var scope = NewDisposeScope();
        var streams = Streams(1);
        var weights = tensor(new float[] { 0.25f, 0, 0.75f }).view(1, 3);

        var mixed = squads.forward(streams, weights, 8, 8);

        var clean = squads[WeatherCondition.Clean].forward(streams, 8, 8);
        var fog = squads[WeatherCondition.Fog].forward(streams, 8, 8);
        foreach (var task in Config.Tasks)
        {
            var expected = 0.25f * clean[task] + 0.75f * fog[task];
            Assert.True(mixed[task].allclose(expected, 1e-5, 1e-6), task.ToString());
        }
    }

    [Fact]
    public void SquadsWithZeroWeightAreNotRun()
    {
        TorchRuntime.Seed(7);
        using var squads = new ExpertSquads(Config, Conditions);
        using var scope = NewDisposeScope();
        var weights = tensor(new float[] { 1, 0, 0, 0.5f, 0, 0.5f }).view(2, 3);

        var mixed = squads.forward(Streams(2), weights, 8, 8);
        (mixed[TaskKind.SemanticSegmentation].sum() + mixed[TaskKind.Depth].sum()).backward();

        Assert.All(squads[WeatherCondition.Clean].parameters(), p => Assert.NotNull(p.grad));
        Assert.All(squads[WeatherCondition.Fog].parameters(), p => Assert.NotNull(p.grad));
        Assert.All(squads[WeatherCondition.Rain].parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void WrongWeightShapeIsRejected()
    {
        using var squads = new ExpertSquads(Config, Conditions);
        using var scope = NewDisposeScope();

        var error = Assert.Throws<ArgumentException>(() => squads.forward(Streams(2), ones(2, 4), 8, 8));
        Assert.Contains("(2, 3)", error.Message);
    }
}
