using RobuMTL.Core;
using RobuMTL.Heads;
using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Heads;

public sealed class TaskHeadSetTests
{
    internal static readonly TaskDecoderConfig TinyDecoder = new([4, 8, 16, 32], [2, 2, 4, 4], 8);

    public TaskHeadSetTests() => TorchRuntime.Initialize(threads: 2);

    internal static Tensor[] Stages(long batch) =>
    [
        randn(batch, 4, 8, 8), randn(batch, 8, 4, 4), randn(batch, 16, 2, 2), randn(batch, 32, 1, 1),
    ];

    [Fact]
    public void SwinTinyPresetFollowsTheMtloraWidths()
    {
        var config = TaskDecoderConfig.SwinTiny;

        Assert.Equal([96, 192, 384, 768], config.StageChannels);
        Assert.Equal([18, 36, 72, 144], config.ProjectionChannels);
        Assert.Equal(270, config.ConcatenatedChannels);
        Assert.Equal(1080, config.HiddenChannels);
    }

    [Fact]
    public void EveryTaskIsDecodedAtTheInputSizeWithItsOutputCount()
    {
        TorchRuntime.Seed(1);
        var config = new TaskHeadSetConfig(Enum.GetValues<TaskKind>(), SemanticClasses: 5, TinyDecoder);
        using var heads = new TaskHeadSet(config);
        using var scope = NewDisposeScope();
        var stages = config.Tasks.ToDictionary(t => t, _ => Stages(2));

        var outputs = heads.forward(stages, 32, 30);

        var expected = new Dictionary<TaskKind, long>
        {
            [TaskKind.SemanticSegmentation] = 5,
            [TaskKind.HumanParts] = 7,
            [TaskKind.Saliency] = 1,
            [TaskKind.Normals] = 3,
            [TaskKind.Edges] = 1,
            [TaskKind.Depth] = 1,
        };
        Assert.Equal(expected.Keys.Order(), outputs.Keys.Order());
        foreach (var (task, channels) in expected)
        {
            Assert.Equal([2L, channels, 32, 30], outputs[task].shape);
        }
    }

    [Fact]
    public void EachTaskDecodesItsOwnStream()
    {
        TorchRuntime.Seed(2);
        var config = new TaskHeadSetConfig([TaskKind.Saliency, TaskKind.Edges], 2, TinyDecoder);
        using var heads = new TaskHeadSet(config);
        heads.eval();
        using var scope = NewDisposeScope();
        var shared = Stages(1);
        var other = Stages(1);

        var same = heads.forward(new Dictionary<TaskKind, Tensor[]>
        {
            [TaskKind.Saliency] = shared,
            [TaskKind.Edges] = shared,
        }, 16, 16);
        var changed = heads.forward(new Dictionary<TaskKind, Tensor[]>
        {
            [TaskKind.Saliency] = shared,
            [TaskKind.Edges] = other,
        }, 16, 16);

        Assert.True(same[TaskKind.Saliency].eq(changed[TaskKind.Saliency]).all().item<bool>());
        Assert.False(same[TaskKind.Edges].allclose(changed[TaskKind.Edges]));
    }

    [Fact]
    public void AMissingTaskStreamIsNamedInTheError()
    {
        var config = new TaskHeadSetConfig([TaskKind.Saliency, TaskKind.Depth], 2, TinyDecoder);
        using var heads = new TaskHeadSet(config);
        using var scope = NewDisposeScope();

        var error = Assert.Throws<ArgumentException>(() => heads.forward(
            new Dictionary<TaskKind, Tensor[]> { [TaskKind.Saliency] = Stages(1) }, 8, 8));
        Assert.Contains("Depth", error.Message);
    }

    [Fact]
    public void MismatchedProjectionListIsRejected()
    {
        var config = new TaskHeadSetConfig(
            [TaskKind.Depth], 2, TinyDecoder with { ProjectionChannels = [2, 2, 4] });

        var error = Assert.Throws<ArgumentException>(() => new TaskHeadSet(config));
        Assert.Contains("one projection width per stage", error.Message);
    }
}
