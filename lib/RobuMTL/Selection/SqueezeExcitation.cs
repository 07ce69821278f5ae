using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Selection;

/// <summary>
/// Squeeze-and-Excitation (Hu et al.): global average pool, a bottleneck MLP and a sigmoid gate that rescales
/// each channel. Input and output are (B, C, H, W).
/// </summary>
public sealed class SqueezeExcitation : nn.Module<Tensor, Tensor>
{
    private readonly Linear fc1;
    private readonly Linear fc2;

    /// <summary>Creates the block for <paramref name="channels"/> channels, hidden width channels / ratio.</summary>
    public SqueezeExcitation(int channels, int reduction) : base(nameof(SqueezeExcitation))
    {
        var hidden = Math.Max(1, channels / reduction);
        fc1 = nn.Linear(channels, hidden);
        fc2 = nn.Linear(hidden, channels);
        RegisterComponents();
    }

    /// <summary>Rescales the channels of <paramref name="input"/> (B, C, H, W); returns (B, C, H, W).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var squeezed = input.mean([2, 3]);                               // (B, C)
        var gate = fc2.call(nn.functional.relu(fc1.call(squeezed))).sigmoid();
        var scaled = input * gate.unsqueeze(-1).unsqueeze(-1);          // (B, C, H, W)
        return scaled.MoveToOuterDisposeScope();
    }
}
