using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Adapters;

/// <summary>
/// One low-rank pair: <c>A</c> (r, in) starts Kaiming-uniform (a = sqrt 5), <c>B</c> (out, r) starts at zero,
/// so a fresh pair adds exactly nothing.
/// </summary>
public sealed class LoraFactors : nn.Module
{
    /// <summary>Down-projection (r, in).</summary>
    public readonly Parameter A;

    /// <summary>Up-projection (out, r).</summary>
    public readonly Parameter B;

    /// <summary>Builds a fresh pair on the CPU, frozen until an expert is activated for training.</summary>
    public LoraFactors(int inFeatures, int outFeatures, int rank) : base(nameof(LoraFactors))
    {
        A = new Parameter(empty(rank, inFeatures), requires_grad: false);
        B = new Parameter(zeros(outFeatures, rank), requires_grad: false);
        using (no_grad())
        {
            nn.init.kaiming_uniform_(A, a: Math.Sqrt(5));
        }

        RegisterComponents();
    }

    /// <summary>The rank r.</summary>
    public long Rank => A.shape[0];

    /// <summary><c>B(A(x))</c> for x (..., in).</summary>
    /// <returns>(..., out).</returns>
    public Tensor Apply(Tensor x) => nn.functional.linear(nn.functional.linear(x, A), B);

    /// <summary>The dense update <c>B @ A</c>.</summary>
    /// <returns>(out, in).</returns>
    public Tensor Product() => B.matmul(A); // (out, r) @ (r, in) -> (out, in)
}
