using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Metrics;

/// <summary>
/// mIoU from a confusion matrix accumulated over the split (semantic segmentation, human parts). Pixels whose
/// label is the ignore index are skipped. The mean runs over classes that occur in the labels or the
/// predictions; a class absent from both has no IoU and is left out rather than counted as 0.
/// </summary>
public sealed class SegmentationMeter : ITaskMeter
{
    private readonly long[] confusion;

    /// <summary>Creates a meter for <paramref name="classes"/> classes.</summary>
    public SegmentationMeter(TaskKind task, int classes, int ignoreIndex = 255)
    {
        if (classes < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "mIoU needs at least 2 classes");
        }

        Task = task;
        Classes = classes;
        IgnoreIndex = ignoreIndex;
        confusion = new long[classes * classes];
    }

    /// <inheritdoc/>
    public TaskKind Task { get; }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Label value that is skipped.</summary>
    public int IgnoreIndex { get; }

    /// <summary>Confusion counts, row = label, column = prediction.</summary>
    public long Confusion(int label, int predicted) => confusion[label * Classes + predicted];

    /// <summary>Adds logits (B, C, H, W) or predicted labels (B, H, W) against labels (B, H, W).</summary>
    public void Update(Tensor prediction, Tensor target)
    {
        using var scope = NewDisposeScope();
        var predicted = (prediction.dim() == 4 ? prediction.detach().argmax(1) : prediction.detach())
            .cpu().to(ScalarType.Int64);                               // (B, H, W)
        var labels = target.detach().cpu().to(ScalarType.Int64);        // (B, H, W)
        if (!predicted.shape.SequenceEqual(labels.shape))
        {
            throw new ArgumentException(
                $"{Task}: predictions ({string.Join(", ", predicted.shape)}) and labels " +
                $"({string.Join(", ", labels.shape)}) differ in size.");
        }

        var valid = labels.ne(IgnoreIndex);
        var truth = labels.masked_select(valid);                        // (N)
        var guess = predicted.masked_select(valid);                     // (N)
        if (truth.numel() == 0)
        {
            return;
        }

        CheckRange(truth, "label");
        CheckRange(guess, "predicted class");
        var counts = (truth * Classes + guess).bincount(null, Classes * Classes); // (C * C)
        var values = counts.data<long>().ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            confusion[i] += values[i];
        }
    }

    /// <inheritdoc/>
    public TaskMetrics Compute()
    {
        var ious = new List<double>();
        long correct = 0;
        long total = 0;
        for (var c = 0; c < Classes; c++)
        {
            long row = 0;
            long column = 0;
            for (var k = 0; k < Classes; k++)
            {
                row += confusion[c * Classes + k];
                column += confusion[k * Classes + c];
            }

            var hit = confusion[c * Classes + c];
            correct += hit;
            total += row;
            var union = row + column - hit;
            if (union > 0)
            {
                ious.Add((double)hit / union);
            }
        }

        var values = new Dictionary<string, double>
        {
            [MetricNames.MeanIoU] = ious.Count == 0 ? 0 : 100 * ious.Average(),
            [MetricNames.PixelAccuracy] = total == 0 ? 0 : 100.0 * correct / total,
        };
        return new TaskMetrics(Task, values, MetricNames.MeanIoU, LowerIsBetter: false, total);
    }

    /// <inheritdoc/>
    public void Reset() => Array.Clear(confusion);

    private void CheckRange(Tensor values, string what)
    {
        var min = values.min().item<long>();
        var max = values.max().item<long>();
        if (min < 0 || max >= Classes)
        {
            throw new ArgumentException(
                $"{Task}: a {what} lies outside 0..{Classes - 1} (found {min}..{max}); only {IgnoreIndex} " +
                "may mark ignored pixels. Check the dataset's label mapping or the class count.");
        }
    }
}
