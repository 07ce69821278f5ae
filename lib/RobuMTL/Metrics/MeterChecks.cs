using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Metrics;

/// <summary>Input checks shared by the meters.</summary>
internal static class MeterChecks
{
    public static void SameShape(TaskKind task, Tensor prediction, Tensor target)
    {
        if (!prediction.shape.SequenceEqual(target.shape))
        {
            throw new ArgumentException(
                $"{task}: prediction ({string.Join(", ", prediction.shape)}) and target " +
                $"({string.Join(", ", target.shape)}) differ in shape; upsample the prediction to the target size.");
        }
    }
}
