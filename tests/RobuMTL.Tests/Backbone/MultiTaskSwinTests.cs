using RobuMTL.Adapters;
using RobuMTL.Backbone;
using RobuMTL.Core;
using RobuMTL.Fusion;
using RobuMTL.Tasks;
using RobuMTL.Weather;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Backbone;

public sealed class MultiTaskSwinTests
{
    private static readonly string FixtureDir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Backbone");

    [Fact]
    public void BaseKeysAndShapesEqualTorchvisionSwinT()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        var config = MultiTaskSwinConfig.FullFineTune(SwinConfig.Tiny with { NumClasses = 1000 }, [TaskKind.Depth]);
        using var model = new MultiTaskSwin(config);

        var ours = model.state_dict().Select(kv => $"{kv.Key}: {string.Join("x", kv.Value.shape)}").Order().ToList();
        var torchvision = File.ReadAllLines(Path.Combine(FixtureDir, "swin_t_state_keys.txt"))
            .Where(line => line.Length > 0).Order().ToList();

        Assert.Equal(torchvision, ours);
    }

    [Fact]
    public void MatchesTorchvisionOnATinyModelWithPaddingAndShifts()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        var swin = TinyModels.Swin with { NumClasses = 5 };
        var config = MultiTaskSwinConfig.FullFineTune(swin, [TaskKind.Depth]) with { Tap = StageTap.BeforeMerging };
        using var model = new MultiTaskSwin(config);
        model.load_py(Path.Combine(FixtureDir, "tiny_swin_state.pt"));
        model.eval();
        using var stream = File.OpenRead(Path.Combine(FixtureDir, "tiny_swin_outputs.pt"));
        var reference = PyTorchUnpickler.UnpickleStateDict(stream);
        Tensor Reference(string key) => (Tensor)reference[key]!;

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var images = Reference("images");
        var stages = model.forward(images, ExpertRouting.BaseOnly)[TaskKind.Depth];
        var logits = model.Classify(images);

        TinyModels.AssertClose(Reference("stage0").permute(0, 3, 1, 2), stages[0], 1e-5, "stage 0 (10x14 tokens)");
        TinyModels.AssertClose(Reference("stage1").permute(0, 3, 1, 2), stages[1], 1e-5, "stage 1 (5x7 tokens)");
        TinyModels.AssertClose(Reference("logits"), logits, 1e-5, "logits");
    }

    [Fact]
    public void TinyShapedSwinGivesTheFourStageShapesAt224()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        var swin = SwinConfig.Tiny with { Depths = [1, 1, 2, 1] };
        var config = MultiTaskSwinConfig.FullFineTune(swin, [TaskKind.Normals]) with { Tap = StageTap.BeforeMerging };
        using var model = new MultiTaskSwin(config);
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        var stages = model.forward(randn(1, 3, 224, 224), ExpertRouting.BaseOnly)[TaskKind.Normals];

        Assert.Equal(new[] { 96, 192, 384, 768 }, model.StageChannels);
        Assert.Equal(new[] { 4, 8, 16, 32 }, model.StageStrides);
        long[][] expected = [[1, 96, 56, 56], [1, 192, 28, 28], [1, 384, 14, 14], [1, 768, 7, 7]];
        Assert.Equal(expected, stages.Select(s => s.shape).ToArray());
    }

    [Fact]
    public void NanoWithExpertsGivesPerTaskStageMapsAt64()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        TaskKind[] tasks = [TaskKind.SemanticSegmentation, TaskKind.Normals, TaskKind.Depth];
        var config = MultiTaskSwinConfig.Experts(
            SwinConfig.FromPreset(BackbonePreset.SwinNano), LoraConfig.Nano, tasks);
        using var model = new MultiTaskSwin(config);
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        var outputs = model.forward(randn(2, 3, 64, 64), model.Experts.Route(WeatherCondition.Fog));

        Assert.Equal(tasks, outputs.Keys.ToArray());
        Assert.Equal(new[] { 64, 128, 256, 256 }, model.StageChannels);
        Assert.Equal(new[] { 4, 8, 16, 16 }, model.StageStrides);
        long[][] expected = [[2, 64, 16, 16], [2, 128, 8, 8], [2, 256, 4, 4], [2, 256, 4, 4]];
        foreach (var task in tasks)
        {
            Assert.Equal(expected, outputs[task].Select(s => s.shape).ToArray());
        }
    }

    [Fact]
    public void FreshLinearWeightsAreRandomWithStdTwoHundredths()
    {
        using var model = TinyModels.Experts();

        foreach (var layer in model.Experts.Layers)
        {
            var std = layer.weight.std().item<float>();
            Assert.InRange(std, 0.015f, 0.025f);
        }
    }

    [Fact]
    public void RejectsImagesAndRoutingThatDoNotFit()
    {
        using var model = TinyModels.Experts();
        using var scope = NewDisposeScope();

        var channels = Assert.Throws<ArgumentException>(
            () => model.forward(randn(1, 1, 16, 16), ExpertRouting.Single(0)));
        var columns = Assert.Throws<ArgumentException>(
            () => model.forward(randn(2, 3, 16, 16), ExpertRouting.FromWeights(ones(2, 4) / 4)));
        var rows = Assert.Throws<ArgumentException>(
            () => model.forward(randn(2, 3, 16, 16), ExpertRouting.FromWeights(ones(3, 3) / 3)));
        var expert = Assert.Throws<ArgumentException>(
            () => model.forward(randn(1, 3, 16, 16), ExpertRouting.Single(3)));

        Assert.Contains("(B, 3, H, W)", channels.Message);
        Assert.Contains("4 columns", columns.Message);
        Assert.Contains("3 samples", rows.Message);
        Assert.Contains("expert 3", expert.Message);
    }

    [Fact]
    public void InvalidConfigsAreRejectedWithTheirValues()
    {
        var badHeads = SwinConfig.Nano with { Heads = [1, 3, 4, 8] };
        var lora = LoraConfig.Nano;

        var heads = Assert.Throws<ArgumentException>(() => badHeads.Validate());
        var fullWithLora = Assert.Throws<ArgumentException>(() => new MultiTaskSwinConfig(
            SwinConfig.Nano, lora, [TaskKind.Depth], [], BackboneMode.FullFineTune).Validate());
        var single = Assert.Throws<ArgumentException>(() => new MultiTaskSwinConfig(
            SwinConfig.Nano, lora, [TaskKind.Depth], TinyModels.Conditions, BackboneMode.SingleSharedLora).Validate());

        Assert.Contains("stage 1 has depth 1 and 3 heads for 64 channels", heads.Message);
        Assert.Contains("FullFineTune", fullWithLora.Message);
        Assert.Contains("exactly one condition, got 3", single.Message);
    }
}
