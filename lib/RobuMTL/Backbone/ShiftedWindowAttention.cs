using RobuMTL.Adapters;
using RobuMTL.Fusion;
using RobuMTL.Tasks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Backbone;

/// <summary>
/// Window multi-head self-attention with relative position bias (W-MSA), shifted by half a window in odd
/// blocks (SW-MSA), numerically as torchvision 0.14's <c>shifted_window_attention</c>: pad to the window,
/// roll, partition, attend with the shift mask, merge, roll back, crop. A shift is dropped along an axis
/// whose padded size is no larger than the window.
/// </summary>
public sealed class ShiftedWindowAttention : nn.Module
{
    /// <summary>Joint query/key/value projection C to 3C (shared adapters only).</summary>
    public readonly LoraLinear qkv;

    /// <summary>Output projection C to C (shared, and task-specific on a stage's last block).</summary>
    public readonly LoraLinear proj;

    /// <summary>Learned bias per relative offset and head ((2 Ws - 1)^2, nH).</summary>
    public readonly Parameter relative_position_bias_table;

    /// <summary>Row of the bias table for each token pair (N * N), a persistent buffer as in torchvision.</summary>
    public readonly Tensor relative_position_index;

    private readonly int window;
    private readonly int shift;
    private readonly int heads;
    private readonly Dictionary<(long H, long W, int ShiftH, int ShiftW, string Device), Tensor> masks = [];

    /// <summary>Builds the attention of one block.</summary>
    public ShiftedWindowAttention(
        int dim, int heads, int window, int shift, LoraLayerPlan qkvPlan, LoraLayerPlan projPlan)
        : base(nameof(ShiftedWindowAttention))
    {
        this.window = window;
        this.shift = shift;
        this.heads = heads;
        qkv = new LoraLinear(dim, 3 * dim, hasBias: true, qkvPlan);
        proj = new LoraLinear(dim, dim, hasBias: true, projPlan);
        var offsets = ((2 * window) - 1) * ((2 * window) - 1);
        relative_position_bias_table = new Parameter(empty(offsets, heads));
        using (no_grad())
        {
            relative_position_bias_table.normal_(0, 0.02);
        }

        relative_position_index = WindowOps.RelativePositionIndex(window);
        RegisterComponents();
    }

    /// <summary>Attends over windows of a channels-last map (B, H, W, C).</summary>
    /// <returns>(B, H, W, C).</returns>
    public Tensor forward(Tensor x, ExpertRouting routing) => Forward(x, routing, []).Shared;

    /// <summary>
    /// Attends once and projects the result for the shared stream and for each task in
    /// <paramref name="tasks"/> (a task stream adds its own proj adapter).
    /// </summary>
    /// <returns>Shared (B, H, W, C) and one (B, H, W, C) per task.</returns>
    public (Tensor Shared, Dictionary<TaskKind, Tensor> Tasks) Forward(
        Tensor x, ExpertRouting routing, IReadOnlyList<TaskKind> tasks)
    {
        var (batch, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);

        // Pad to whole windows; no shift along an axis that one window already covers.
        var padded = WindowOps.PadTo(x, window); // (B, Hp, Wp, C)
        var (ph, pw) = (padded.shape[1], padded.shape[2]);
        var shiftH = window >= ph ? 0 : shift;
        var shiftW = window >= pw ? 0 : shift;
        var shifted = shiftH + shiftW > 0;
        if (shifted)
        {
            padded = padded.roll([-shiftH, -shiftW], [1, 2]); // (B, Hp, Wp, C)
        }

        // Partition and attend.
        var windows = WindowOps.Partition(padded, window); // (B*nW, N, C)
        var (bw, n) = (windows.shape[0], windows.shape[1]);
        var packed = qkv.forward(windows, routing) // (B*nW, N, 3C)
            .reshape(bw, n, 3, heads, c / heads) // (B*nW, N, 3, nH, hd)
            .permute(2, 0, 3, 1, 4); // (3, B*nW, nH, N, hd)
        var (q, k, v) = (packed[0], packed[1], packed[2]); // (B*nW, nH, N, hd) each
        q = q * Math.Pow(c / heads, -0.5);
        var attn = q.matmul(k.transpose(-2, -1)); // (B*nW, nH, N, N)
        attn = attn + RelativePositionBias(n); // (B*nW, nH, N, N)
        if (shifted)
        {
            var mask = ShiftMask(ph, pw, shiftH, shiftW, x.device); // (nW, N, N)
            var nw = mask.shape[0];
            attn = attn.view(bw / nw, nw, heads, n, n) + mask.unsqueeze(1).unsqueeze(0); // (B, nW, nH, N, N)
            attn = attn.view(-1, heads, n, n); // (B*nW, nH, N, N)
        }

        attn = nn.functional.softmax(attn, -1);
        var mixed = attn.matmul(v).transpose(1, 2).reshape(bw, n, c); // (B*nW, N, C)

        // Project per stream, merge windows, roll back and crop the padding.
        Tensor Restore(Tensor projected)
        {
            var map = WindowOps.Reverse(projected, batch, ph, pw, window); // (B, Hp, Wp, C)
            if (shifted)
            {
                map = map.roll([shiftH, shiftW], [1, 2]);
            }

            return map[TensorIndex.Colon, TensorIndex.Slice(0, h), TensorIndex.Slice(0, w)]
                .contiguous(); // (B, H, W, C)
        }

        var shared = Restore(proj.forward(mixed, routing));
        var perTask = tasks.ToDictionary(t => t, t => Restore(proj.forward(mixed, routing, t)));
        return (shared, perTask);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var mask in masks.Values)
            {
                mask.Dispose();
            }

            masks.Clear();
        }

        base.Dispose(disposing);
    }

    private Tensor RelativePositionBias(long n) =>
        relative_position_bias_table.index_select(0, relative_position_index) // (N*N, nH)
            .view(n, n, -1) // (N, N, nH)
            .permute(2, 0, 1) // (nH, N, N)
            .contiguous()
            .unsqueeze(0); // (1, nH, N, N)

    private Tensor ShiftMask(long ph, long pw, int shiftH, int shiftW, Device device)
    {
        var key = (ph, pw, shiftH, shiftW, device.ToString());
        if (masks.TryGetValue(key, out var cached))
        {
            return cached;
        }

        // Cached across steps, so it must outlive the caller's dispose scope.
        using (NewDisposeScope())
        {
            var mask = WindowOps.ShiftMask((int)ph, (int)pw, window, shiftH, shiftW).to(device);
            mask.DetachFromDisposeScope();
            masks[key] = mask;
            return mask;
        }
    }
}
