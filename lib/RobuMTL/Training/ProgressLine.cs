using System.Globalization;

namespace RobuMTL.Training;

/// <summary>
/// Turns a <see cref="TrainingProgress"/> record into one fixed-width line for a notebook's live output or
/// a log: phase, kind, epoch, step, a ten-cell bar, loss, rate, throughput, elapsed time, then the part
/// losses (cut off at the width).
/// </summary>
public static class ProgressLine
{
    /// <summary>Width of a line unless another is asked for.</summary>
    public const int DefaultWidth = 160;

    private const int BarCells = 10;

    /// <summary>The record as exactly <paramref name="width"/> characters (padded or cut).</summary>
    public static string Format(TrainingProgress progress, int width = DefaultWidth)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 20);
        var kind = progress.Kind switch
        {
            ProgressKind.Steps => "step ",
            ProgressKind.EpochEnd => "epoch",
            ProgressKind.PhaseComplete => "done ",
            ProgressKind.PhaseSkipped => "skip ",
            _ => "?    ",
        };
        var filled = (int)Math.Round(progress.Fraction * BarCells);
        var bar = new string('#', filled) + new string('.', BarCells - filled);
        var epoch = Math.Min(progress.Epoch + 1, progress.Epochs);
        var inv = CultureInfo.InvariantCulture;
        var head = string.Create(
            inv,
            $"{Fit(progress.Phase, 12)} {kind} ep {epoch,3}/{progress.Epochs,-3} "
            + $"step {progress.Step,7}/{progress.TotalSteps,-7} [{bar}] {progress.Fraction * 100,5:F1}% "
            + $"loss {Number(progress.Loss)} lr {progress.LearningRate:0.00e+00} "
            + $"{progress.ImagesPerSecond,7:F1} img/s {Clock(progress.Elapsed)}");
        var parts = progress.Parts.Count == 0
            ? ""
            : " | " + string.Join(
                " ", progress.Parts.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => string.Create(inv, $"{p.Key} {p.Value:F4}")));
        var line = head + parts;
        return line.Length >= width ? line[..width] : line.PadRight(width);
    }

    private static string Fit(string text, int width) =>
        text.Length > width ? text[..width] : text.PadRight(width);

    private static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("F4", CultureInfo.InvariantCulture).PadLeft(8) : "       -";

    private static string Clock(TimeSpan elapsed) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{(int)elapsed.TotalHours:00}:{elapsed.Minutes:00}:{elapsed.Seconds:00}");
}
