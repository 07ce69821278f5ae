using static TorchSharp.torch;

namespace RobuMTL.Backbone;

/// <summary>
/// The index arithmetic of shifted-window attention, kept apart from the module so tests can check it on
/// hand-computed cases. Windows are ordered row-major within a sample and sample-major across the batch,
/// so the rows of sample b are <c>[b * nW, (b + 1) * nW)</c>.
/// </summary>
public static class WindowOps
{
    /// <summary>Value added to attention logits between tokens from different regions of a shifted window.</summary>
    public const float MaskValue = -100f;

    /// <summary>
    /// Relative-position index of every token pair in a window: entry <c>i * N + j</c> addresses the row of the
    /// bias table for the offset from token j to token i, with N = Ws * Ws.
    /// </summary>
    /// <returns>(N * N) int64.</returns>
    public static Tensor RelativePositionIndex(int window)
    {
        var n = window * window;
        var index = new long[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var dh = (i / window) - (j / window) + window - 1;
                var dw = (i % window) - (j % window) + window - 1;
                index[(i * n) + j] = (dh * ((2 * window) - 1)) + dw;
            }
        }

        return tensor(index);
    }

    /// <summary>
    /// Attention mask of a cyclically shifted window layout over a padded (H, W) map: tokens that came from
    /// different regions before the roll get <see cref="MaskValue"/>, others 0. Regions are the three
    /// bands <c>[0, H-Ws)</c>, <c>[H-Ws, H-shift)</c>, <c>[H-shift, H)</c> per axis, as in torchvision.
    /// </summary>
    /// <returns>(nW, N, N) float32, nW = (H / Ws) * (W / Ws).</returns>
    public static Tensor ShiftMask(int paddedH, int paddedW, int window, int shiftH, int shiftW)
    {
        if (paddedH % window != 0 || paddedW % window != 0)
        {
            throw new ArgumentException(
                $"ShiftMask: padded size {paddedH}x{paddedW} must be a multiple of the window {window}.");
        }

        var rowsOfWindows = paddedH / window;
        var colsOfWindows = paddedW / window;
        var n = window * window;
        var mask = new float[rowsOfWindows * colsOfWindows * n * n];
        for (var wr = 0; wr < rowsOfWindows; wr++)
        {
            for (var wc = 0; wc < colsOfWindows; wc++)
            {
                var offset = ((wr * colsOfWindows) + wc) * n * n;
                for (var i = 0; i < n; i++)
                {
                    var ri = Region(paddedH, paddedW, window, shiftH, shiftW, wr, wc, i);
                    for (var j = 0; j < n; j++)
                    {
                        var rj = Region(paddedH, paddedW, window, shiftH, shiftW, wr, wc, j);
                        mask[offset + (i * n) + j] = ri == rj ? 0f : MaskValue;
                    }
                }
            }
        }

        return tensor(mask).view(rowsOfWindows * colsOfWindows, n, n); // (nW, N, N)
    }

    /// <summary>Pads a channels-last map on the bottom and right to multiples of <paramref name="multiple"/>.</summary>
    /// <returns>(B, Hp, Wp, C).</returns>
    public static Tensor PadTo(Tensor x, int multiple)
    {
        var h = x.shape[1];
        var w = x.shape[2];
        var padBottom = (multiple - (h % multiple)) % multiple;
        var padRight = (multiple - (w % multiple)) % multiple;
        return padBottom == 0 && padRight == 0
            ? x
            : nn.functional.pad(x, [0, 0, 0, padRight, 0, padBottom]);
    }

    /// <summary>Splits a padded channels-last map (B, Hp, Wp, C) into windows.</summary>
    /// <returns>(B * nW, Ws * Ws, C).</returns>
    public static Tensor Partition(Tensor x, int window)
    {
        var (b, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);
        return x.view(b, h / window, window, w / window, window, c) // (B, Hp/Ws, Ws, Wp/Ws, Ws, C)
            .permute(0, 1, 3, 2, 4, 5) // (B, Hp/Ws, Wp/Ws, Ws, Ws, C)
            .reshape(b * (h / window) * (w / window), window * window, c); // (B*nW, N, C)
    }

    /// <summary>Inverse of <see cref="Partition"/>: windows (B * nW, N, C) back to (B, Hp, Wp, C).</summary>
    /// <returns>(B, Hp, Wp, C).</returns>
    public static Tensor Reverse(Tensor windows, long batch, long paddedH, long paddedW, int window)
    {
        var c = windows.shape[^1];
        return windows.view(batch, paddedH / window, paddedW / window, window, window, c) // (B, .., Ws, Ws, C)
            .permute(0, 1, 3, 2, 4, 5) // (B, Hp/Ws, Ws, Wp/Ws, Ws, C)
            .reshape(batch, paddedH, paddedW, c); // (B, Hp, Wp, C)
    }

    private static int Region(int h, int w, int window, int shiftH, int shiftW, int wr, int wc, int token)
    {
        var row = (wr * window) + (token / window);
        var col = (wc * window) + (token % window);
        return (Band(row, h, window, shiftH) * 3) + Band(col, w, window, shiftW);
    }

    private static int Band(int position, int length, int window, int shift) =>
        position < length - window ? 0 : position < length - shift ? 1 : 2;
}
