using static TorchSharp.torch;

namespace RobuMTL.Model;

/// <summary>
/// Copies trained tensors between models by state-dict name, for assembling a model from the phases that
/// trained its parts (backbone from one phase, each expert from its own, the selector from another).
/// </summary>
public static class ParameterTransfer
{
    /// <summary>
    /// Copies every parameter and buffer of <paramref name="source"/> whose name starts with
    /// <paramref name="sourcePrefix"/> into <paramref name="target"/> under <paramref name="targetPrefix"/> plus the
    /// rest of the name, when <paramref name="include"/> accepts the source name.
    /// </summary>
    /// <returns>How many tensors were copied.</returns>
    /// <exception cref="InvalidOperationException">
    /// A matching name is missing from the target or has another shape.
    /// </exception>
    public static int Copy(
        nn.Module source,
        nn.Module target,
        string sourcePrefix = "",
        string targetPrefix = "",
        Func<string, bool>? include = null)
    {
        var targets = Tensors(target);
        var copied = 0;
        using var noGrad = no_grad();
        foreach (var (name, tensor) in Tensors(source))
        {
            if (!name.StartsWith(sourcePrefix, StringComparison.Ordinal) || (include is not null && !include(name)))
            {
                continue;
            }

            var targetName = targetPrefix + name[sourcePrefix.Length..];
            if (!targets.TryGetValue(targetName, out var destination))
            {
                throw new InvalidOperationException(
                    $"'{name}' has no counterpart '{targetName}' in the target model; the two models differ in "
                    + "structure (compare their configs).");
            }

            if (!destination.shape.SequenceEqual(tensor.shape))
            {
                throw new InvalidOperationException(
                    $"'{name}' is ({string.Join(", ", tensor.shape)}) but '{targetName}' is "
                    + $"({string.Join(", ", destination.shape)}).");
            }

            destination.copy_(tensor);
            copied++;
        }

        return copied;
    }

    private static Dictionary<string, Tensor> Tensors(nn.Module module)
    {
        var all = new Dictionary<string, Tensor>();
        foreach (var (name, parameter) in module.named_parameters())
        {
            all[name] = parameter;
        }

        foreach (var (name, buffer) in module.named_buffers())
        {
            all[name] = buffer;
        }

        return all;
    }
}
