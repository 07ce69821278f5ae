using RobuMTL.Core;
using RobuMTL.Fusion;
using RobuMTL.Tasks;
using RobuMTL.Tests.Backbone;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Fusion;

public sealed class UnusedExpertTests
{
    [Fact]
    public void AnExpertNoSampleIsRoutedToIsNeverComputed()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        using var model = TinyModels.Experts(seed: 5);
        TinyModels.RandomiseExperts(model);
        var unused = TinyModels.Conditions.Length - 1;
        using (no_grad())
        {
            foreach (var parameter in model.Experts.Parameters(TinyModels.Conditions[unused]))
            {
                parameter.fill_(double.NaN);
            }
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        // Top-1 keeps expert 0 for the first image and expert 1 for the second; the NaN expert gets weight 0.
        var probabilities = tensor(new[,] { { 0.6f, 0.1f, 0.3f }, { 0.2f, 0.45f, 0.35f } });
        var routing = new TopKExpertFusion(1).Route(probabilities);
        var outputs = model.forward(randn(2, 3, 16, 16), routing);

        Assert.DoesNotContain(routing.Slices, s => s.Expert == unused);
        foreach (var (task, stages) in outputs)
        {
            Assert.All(stages, s => Assert.True(isfinite(s).all().item<bool>(), $"{task}: non-finite output"));
        }

        // The same NaN expert, once routed to, poisons the output: the check above could fail.
        var poisoned = model.forward(randn(1, 3, 16, 16), ExpertRouting.Single(unused))[TaskKind.Depth];
        Assert.False(isfinite(poisoned[^1]).all().item<bool>());
    }
}
