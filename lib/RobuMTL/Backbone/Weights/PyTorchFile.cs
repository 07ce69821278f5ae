using System.Collections;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace RobuMTL.Backbone.Weights;

/// <summary>
/// Reads a state dict saved by Python's <c>torch.save</c> (the zip format of PyTorch 1.6 and later) through
/// TorchSharp.PyBridge's unpickler. This is how torchvision's <c>swin_t-704ceda3.pth</c> arrives.
/// </summary>
public static class PyTorchFile
{
    // Training checkpoints often wrap the weights: Microsoft's Swin release uses "model", Lightning "state_dict".
    private static readonly string[] WrapperKeys = ["model", "state_dict", "model_state_dict", "module"];

    /// <summary>Reads every tensor of a <c>torch.save</c> zip file onto the CPU, in the file's dtypes.</summary>
    /// <exception cref="InvalidDataException">
    /// The file is a legacy (pre-1.6) pickle, a whole pickled model, or holds no tensors.
    /// </exception>
    public static StateDict Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"PyTorch weight file '{path}' does not exist.", path);
        }

        Hashtable table;
        try
        {
            using var stream = File.OpenRead(path);
            table = PyTorchUnpickler.UnpickleStateDict(stream);
        }
        catch (NotImplementedException e)
        {
            throw new InvalidDataException($"'{path}' cannot be read as a state dict: {e.Message} Re-save it in"
                + " Python with torch.save(model.state_dict(), path) (PyTorch 1.6 or later).", e);
        }

        table = Unwrap(table);
        var tensors = table.Cast<DictionaryEntry>()
            .Where(e => e.Value is Tensor)
            .Select(e => new KeyValuePair<string, Tensor>((string)e.Key, (Tensor)e.Value!))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        if (tensors.Count == 0)
        {
            throw new InvalidDataException($"'{path}' holds no tensors at its top level or under any of "
                + $"{string.Join(", ", WrapperKeys)}; save the state dict itself.");
        }

        return new StateDict(tensors);
    }

    private static Hashtable Unwrap(Hashtable table)
    {
        foreach (var key in WrapperKeys)
        {
            if (table[key] is Hashtable inner && !table.Values.OfType<Tensor>().Any())
            {
                return inner;
            }
        }

        return table;
    }
}
