using RobuMTL.Core;
using RobuMTL.Selection;
using RobuMTL.Weather;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Selection;

public sealed class WeatherSelectorTests
{
    public WeatherSelectorTests() => TorchRuntime.Initialize(threads: 2);

    [Fact]
    public void DefaultConfigHasAboutTheFortyEightThousandParametersThePaperStates()
    {
        using var selector = new WeatherSelector();

        // convs 3*24*9 + 24*48*9 + 48*80*9 = 45,576; BatchNorm 2*(24+48+80) = 304;
        // SE 80*20+20 + 20*80+80 = 3,300; linear 80*6+6 = 486; total 49,666.
        Assert.Equal(49_666, selector.ParameterCount);
        Assert.InRange(selector.ParameterCount, 40_000, 56_000);
    }

    [Fact]
    public void ReturnsLogitsPerConditionAndSeFeaturesForAnyImageSize()
    {
        TorchRuntime.Seed(3);
        using var selector = new WeatherSelector();
        selector.eval();
        using var scope = NewDisposeScope();
        var images = randn(2, 3, 40, 56);

        var output = selector.Run(images);

        Assert.Equal([2L, 6], output.Logits.shape);
        Assert.Equal([2L, 80], output.Features.shape);
        Assert.True(output.Features.ge(0).all().item<bool>(), "SE features are gated ReLU outputs");
        Assert.True(output.Logits.allclose(selector.call(images)));
    }

    [Fact]
    public void ConditionListSetsTheNumberOfLogits()
    {
        var config = WeatherSelectorConfig.Default with
        {
            Conditions = [.. WeatherSelectorConfig.Default.Conditions, WeatherCondition.Clouds],
            InputSize = 32,
        };
        using var selector = new WeatherSelector(config);
        using var scope = NewDisposeScope();

        var logits = selector.call(rand(3, 3, 20, 20));

        Assert.Equal([3L, 7], logits.shape);
    }

    [Fact]
    public void ClassIndicesFollowTheConditionList()
    {
        var config = WeatherSelectorConfig.Default with { Conditions = [WeatherCondition.Fog, WeatherCondition.Clean] };

        Assert.Equal(0, config.ClassIndexOf(WeatherCondition.Fog));
        Assert.Equal(1, config.ClassIndexOf(WeatherCondition.Clean));
        var error = Assert.Throws<ArgumentException>(() => config.ClassIndexOf(WeatherCondition.Snow));
        Assert.Contains("Snow", error.Message);
    }

    [Fact]
    public void RejectsARepeatedCondition()
    {
        var config = WeatherSelectorConfig.Default with { Conditions = [WeatherCondition.Rain, WeatherCondition.Rain] };

        var error = Assert.Throws<ArgumentException>(() => new WeatherSelector(config));
        Assert.Contains("twice", error.Message);
    }

    [Fact]
    public void LearnsToTellNoisyFromBlurredImages()
    {
        // Data come from a private generator: other test classes draw from the global one in parallel.
        using var generator = new Generator(5);
        Tensor Batch(long perClass) => cat(
        [
            rand(perClass, 3, 20, 20, generator: generator),
            nn.functional.avg_pool2d(rand(perClass, 3, 24, 24, generator: generator), 5, 1), // (n, 3, 20, 20)
        ]);
        var config = WeatherSelectorConfig.Default with
        {
            Conditions = [WeatherCondition.Noise, WeatherCondition.Blur],
            InputSize = 16,
            Channels = [8, 16],
        };
        using var selector = new WeatherSelector(config);
        using var optimizer = optim.Adam(selector.parameters(), lr: 0.01);
        using var labels = tensor(new long[] { 0, 0, 0, 0, 1, 1, 1, 1 });

        var losses = new List<float>();
        for (var step = 0; step < 40; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(selector.call(Batch(4)), labels);
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }

        Assert.True(losses.TakeLast(5).Average() < 0.3f * losses.Take(3).Average(),
            $"loss went from {losses[0]} to {losses[^1]}");
        using var check = NewDisposeScope();
        using (no_grad())
        {
            // 40 fast steps leave the BatchNorm running statistics behind the final weights; refresh them.
            for (var pass = 0; pass < 30; pass++)
            {
                selector.call(Batch(4));
            }
        }

        selector.eval();
        var predicted = selector.Classify(Batch(4));
        Assert.Equal(labels.data<long>().ToArray().Select(l => config.Conditions[(int)l]), predicted);
    }
}
