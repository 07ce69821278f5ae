using RobuMTL.Core;
using RobuMTL.Losses;
using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Losses;

public sealed class MultiTaskLossTests
{
    public MultiTaskLossTests() => TorchRuntime.Initialize(threads: 2);

    private static (Dictionary<TaskKind, Tensor> Predictions, Dictionary<TaskKind, Tensor> Targets) Batch()
    {
        var predictions = new Dictionary<TaskKind, Tensor>
        {
            [TaskKind.SemanticSegmentation] = randn(2, 4, 6, 6),
            [TaskKind.HumanParts] = randn(2, 7, 6, 6),
            [TaskKind.Saliency] = randn(2, 1, 6, 6),
            [TaskKind.Normals] = randn(2, 3, 6, 6),
            [TaskKind.Edges] = randn(2, 1, 6, 6),
            [TaskKind.Depth] = randn(2, 1, 6, 6),
        };
        var targets = new Dictionary<TaskKind, Tensor>
        {
            [TaskKind.SemanticSegmentation] = randint(0, 4, [2, 6, 6]),
            [TaskKind.HumanParts] = randint(0, 7, [2, 6, 6]),
            [TaskKind.Saliency] = randint(0, 2, [2, 1, 6, 6]).to(ScalarType.Float32),
            [TaskKind.Normals] = nn.functional.normalize(randn(2, 3, 6, 6), dim: 1),
            [TaskKind.Edges] = randint(0, 2, [2, 1, 6, 6]).to(ScalarType.Float32),
            [TaskKind.Depth] = rand(2, 1, 6, 6) * 5,
        };
        return (predictions, targets);
    }

    [Fact]
    public void PaperPresetUsesTheMtloraWeights()
    {
        var config = MultiTaskLossConfig.Paper;

        Assert.Equal([1.0, 2, 5, 10, 50, 1], Enum.GetValues<TaskKind>().Select(config.WeightOf));
        Assert.Equal(0.95, config.EdgePositiveWeight);
        Assert.Equal(255, config.IgnoreIndex);
    }

    [Fact]
    public void TotalIsTheWeightedSumOfThePerTaskLosses()
    {
        TorchRuntime.Seed(8);
        using var scope = NewDisposeScope();
        var (predictions, targets) = Batch();
        var loss = new MultiTaskLoss();

        var result = loss.Compute(predictions, targets);

        var expected = result.PerTask.Sum(kv => MultiTaskLossConfig.Paper.WeightOf(kv.Key) * kv.Value.item<float>());
        Assert.Equal(6, result.PerTask.Count);
        Assert.Equal(expected, result.Total.item<float>(), 3);
        Assert.Equal(
            DenseLosses.BalancedBinaryCrossEntropy(predictions[TaskKind.Edges], targets[TaskKind.Edges], 0.95)
                .item<float>(),
            result.PerTask[TaskKind.Edges].item<float>());
    }

    [Fact]
    public void ChangingAWeightChangesOnlyThatTasksShare()
    {
        TorchRuntime.Seed(9);
        using var scope = NewDisposeScope();
        var (predictions, targets) = Batch();
        var paper = new MultiTaskLoss().Compute(predictions, targets);

        var heavier = new MultiTaskLoss(MultiTaskLossConfig.Paper with { Depth = 4 }).Compute(predictions, targets);

        var depth = paper.PerTask[TaskKind.Depth].item<float>();
        Assert.Equal(paper.Total.item<float>() + 3 * depth, heavier.Total.item<float>(), 3);
    }

    [Fact]
    public void IgnoredPixelsDoNotMoveTheTotal()
    {
        TorchRuntime.Seed(10);
        using var scope = NewDisposeScope();
        var (predictions, targets) = Batch();
        targets[TaskKind.SemanticSegmentation][0, 0, 0] = tensor(255L);
        targets[TaskKind.Saliency][0, 0, 0, 0] = tensor(255f);
        targets[TaskKind.Depth][0, 0, 0, 0] = tensor(0f);
        var loss = new MultiTaskLoss();
        var before = loss.Compute(predictions, targets).Total.item<float>();

        predictions[TaskKind.SemanticSegmentation][0, .., 0, 0] = tensor(new float[] { 30, -30, 9, 1 });
        predictions[TaskKind.Saliency][0, 0, 0, 0] = tensor(-20f);
        predictions[TaskKind.Depth][0, 0, 0, 0] = tensor(100f);

        Assert.Equal(before, loss.Compute(predictions, targets).Total.item<float>());
    }

    [Fact]
    public void MissingTargetIsNamed()
    {
        using var scope = NewDisposeScope();
        var predictions = new Dictionary<TaskKind, Tensor> { [TaskKind.Depth] = zeros(1, 1, 2, 2) };

        var error = Assert.Throws<ArgumentException>(
            () => new MultiTaskLoss().Compute(predictions, new Dictionary<TaskKind, Tensor>()));
        Assert.Contains("Depth", error.Message);
    }

    [Fact]
    public void NegativeWeightIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new MultiTaskLoss(MultiTaskLossConfig.Paper with { Normals = -1 }));
        Assert.Contains("Normals", error.Message);
    }
}
