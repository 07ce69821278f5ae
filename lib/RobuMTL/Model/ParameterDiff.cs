using static TorchSharp.torch;

namespace RobuMTL.Model;

/// <summary>
/// Which tensors differ between two models of one structure, bit for bit: the check that a phase trained only
/// what it should (an isolated expert leaves every other tensor exactly as the warmup saved it).
/// </summary>
public static class ParameterDiff
{
    /// <summary>
    /// State-dict names of the parameters and buffers whose bytes differ between <paramref name="before"/> and
    /// <paramref name="after"/>, in state-dict order.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The models differ in names, shapes or element types; the message names the first such tensor.
    /// </exception>
    public static IReadOnlyList<string> Changed(nn.Module before, nn.Module after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.state_dict();
        var current = after.state_dict();
        var missing = old.Keys.Except(current.Keys).Concat(current.Keys.Except(old.Keys)).FirstOrDefault();
        if (missing is not null)
        {
            throw new InvalidOperationException(
                $"'{missing}' is in only one of the two models; compare models built from the same config.");
        }

        var changed = new List<string>();
        foreach (var (name, tensor) in old)
        {
            var other = current[name];
            if (!tensor.shape.SequenceEqual(other.shape) || tensor.dtype != other.dtype)
            {
                throw new InvalidOperationException(
                    $"'{name}' is {tensor.dtype} ({string.Join(", ", tensor.shape)}) in one model and {other.dtype} "
                    + $"({string.Join(", ", other.shape)}) in the other.");
            }

            if (!SameBytes(tensor, other))
            {
                changed.Add(name);
            }
        }

        return changed;
    }

    private static bool SameBytes(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        var left = a.detach().cpu().contiguous();
        var right = b.detach().cpu().contiguous();
        return left.bytes.SequenceEqual(right.bytes);
    }
}
