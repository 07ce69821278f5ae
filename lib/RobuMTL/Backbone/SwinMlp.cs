using RobuMTL.Adapters;
using RobuMTL.Fusion;
using RobuMTL.Tasks;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace RobuMTL.Backbone;

/// <summary>
/// The block MLP (fc1, GELU, fc2), registered as <c>0</c> and <c>3</c> to match torchvision's
/// <c>mlp.0</c> / <c>mlp.3</c> (its dropouts are 0 in Swin-T and omitted here).
/// </summary>
public sealed class SwinMlp : nn.Module
{
    [ComponentName(Name = "0")]
    private readonly LoraLinear fc1;

    [ComponentName(Name = "3")]
    private readonly LoraLinear fc2;

    /// <summary>Builds fc1 (C to hidden) and fc2 (hidden to C) with the given adapter plans.</summary>
    public SwinMlp(int dim, int hidden, LoraLayerPlan fc1Plan, LoraLayerPlan fc2Plan) : base(nameof(SwinMlp))
    {
        fc1 = new LoraLinear(dim, hidden, hasBias: true, fc1Plan);
        fc2 = new LoraLinear(hidden, dim, hasBias: true, fc2Plan);
        RegisterComponents();
    }

    /// <summary>The first linear (<c>mlp.0</c>).</summary>
    public LoraLinear Fc1 => fc1;

    /// <summary>The second linear (<c>mlp.3</c>).</summary>
    public LoraLinear Fc2 => fc2;

    /// <summary>Applies the MLP to tokens (B, ..., C), routed per sample.</summary>
    /// <returns>(B, ..., C).</returns>
    public Tensor forward(Tensor x, ExpertRouting routing, TaskKind? task = null) =>
        Fc2.forward(nn.functional.gelu(Fc1.forward(x, routing, task)), routing, task);
}
