using RobuMTL.Weather;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Selection;

/// <summary>
/// The paper's DMLS (Dynamic Modular LoRA Selector): a small CNN that classifies the weather condition of the
/// input image once, before the backbone, so the right LoRA experts can be picked. The image is resized to
/// <see cref="WeatherSelectorConfig.InputSize"/> inside the module, passed through 3x3 stride-2 conv blocks
/// (conv, BatchNorm, ReLU), a squeeze-excitation block, global average pooling and one linear layer.
/// </summary>
public sealed class WeatherSelector : nn.Module<Tensor, Tensor>
{
    private readonly Sequential features;
    private readonly SqueezeExcitation se;
    private readonly Linear fc;

    /// <summary>Builds the selector; the config is validated here.</summary>
    public WeatherSelector(WeatherSelectorConfig? config = null) : base(nameof(WeatherSelector))
    {
        Config = config ?? WeatherSelectorConfig.Default;
        Config.Validate();

        var blocks = new List<(string, nn.Module<Tensor, Tensor>)>();
        var inChannels = 3;
        for (var i = 0; i < Config.Channels.Count; i++)
        {
            var outChannels = Config.Channels[i];
            blocks.Add(($"conv{i}", nn.Conv2d(inChannels, outChannels, 3, stride: 2, padding: 1, bias: false)));
            blocks.Add(($"bn{i}", nn.BatchNorm2d(outChannels)));
            blocks.Add(($"relu{i}", nn.ReLU()));
            inChannels = outChannels;
        }

        features = nn.Sequential(blocks);
        se = new SqueezeExcitation(Config.FeatureWidth, Config.SeReduction);
        fc = nn.Linear(Config.FeatureWidth, Config.ConditionCount);
        RegisterComponents();
    }

    /// <summary>The configuration the selector was built with.</summary>
    public WeatherSelectorConfig Config { get; }

    /// <summary>Number of trainable parameters (49,666 for the default config; the paper says about 48K).</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>Per-condition logits (B, E) for images (B, 3, H, W) of any size.</summary>
    public override Tensor forward(Tensor images) => Run(images).Logits;

    /// <summary>The most likely condition of each image (B, 3, H, W), in batch order.</summary>
    public WeatherCondition[] Classify(Tensor images)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var classes = forward(images).argmax(1).cpu().data<long>().ToArray(); // (B)
        return classes.Select(c => Config.Conditions[(int)c]).ToArray();
    }

    /// <summary>Logits (B, E) and the SE features (B, F) for images (B, 3, H, W), e.g. for a t-SNE figure.</summary>
    public WeatherSelectorOutput Run(Tensor images)
    {
        if (images.dim() != 4 || images.shape[1] != 3)
        {
            throw new ArgumentException(
                $"WeatherSelector expects images shaped (B, 3, H, W), got ({string.Join(", ", images.shape)}).",
                nameof(images));
        }

        using var scope = NewDisposeScope();
        var size = Config.InputSize;
        var small = nn.functional.interpolate(
            images, [size, size], mode: InterpolationMode.Bilinear, align_corners: false,
            antialias: Config.Antialias);                               // (B, 3, S, S)
        var maps = se.call(features.call(small));                       // (B, F, S/2^n, S/2^n)
        var pooled = maps.mean([2, 3]);                                 // (B, F)
        var logits = fc.call(pooled);                                   // (B, E)
        return new WeatherSelectorOutput(logits.MoveToOuterDisposeScope(), pooled.MoveToOuterDisposeScope());
    }
}
