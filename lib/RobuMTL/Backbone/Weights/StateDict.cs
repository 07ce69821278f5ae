using System.Collections;
using static TorchSharp.torch;

namespace RobuMTL.Backbone.Weights;

/// <summary>
/// A named set of tensors read from or written to a weight file, in file order. It owns its tensors:
/// disposing it disposes them, so a loader copies what it needs and lets the file's tensors go.
/// </summary>
public sealed class StateDict : IReadOnlyDictionary<string, Tensor>, IDisposable
{
    private readonly List<string> order = [];
    private readonly Dictionary<string, Tensor> tensors = new(StringComparer.Ordinal);

    /// <summary>Creates an empty dictionary.</summary>
    public StateDict()
    {
    }

    /// <summary>Takes ownership of the given tensors, keeping their order.</summary>
    public StateDict(IEnumerable<KeyValuePair<string, Tensor>> entries)
    {
        foreach (var (key, tensor) in entries)
        {
            Add(key, tensor);
        }
    }

    /// <summary>Free-form string metadata (safetensors <c>__metadata__</c>); empty for PyTorch files.</summary>
    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public int Count => order.Count;

    /// <summary>Keys in file order (safetensors) or sorted (PyTorch pickles have no kept order).</summary>
    public IEnumerable<string> Keys => order;

    /// <summary>Tensors in file order.</summary>
    public IEnumerable<Tensor> Values => order.Select(k => tensors[k]);

    /// <summary>The tensor stored under <paramref name="key"/>, in the file's shape and dtype.</summary>
    public Tensor this[string key] => tensors.TryGetValue(key, out var t)
        ? t
        : throw new KeyNotFoundException($"The state dict has no tensor named '{key}'.");

    /// <summary>Adds a tensor (the dictionary takes ownership); a repeated key is an error.</summary>
    public void Add(string key, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(tensor);
        if (!tensors.TryAdd(key, tensor))
        {
            throw new ArgumentException($"The state dict already has a tensor named '{key}'.", nameof(key));
        }

        order.Add(key);
    }

    /// <summary>Loads a weight file, choosing the reader by content: a zip is a <c>torch.save</c> file.</summary>
    /// <param name="path">A <c>.safetensors</c> file, or a <c>.pt</c>/<c>.pth</c> from <c>torch.save</c>.</param>
    public static StateDict Load(string path) =>
        IsZip(path) ? PyTorchFile.Read(path) : SafetensorsFile.Read(path);

    /// <inheritdoc/>
    public bool ContainsKey(string key) => tensors.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, out Tensor value) => tensors.TryGetValue(key, out value!);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, Tensor>> GetEnumerator() =>
        order.Select(k => new KeyValuePair<string, Tensor>(k, tensors[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Disposes every tensor.</summary>
    public void Dispose()
    {
        foreach (var tensor in tensors.Values)
        {
            tensor.Dispose();
        }

        tensors.Clear();
        order.Clear();
    }

    private static bool IsZip(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Weight file '{path}' does not exist.", path);
        }

        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.Read(magic) == 4 && magic[0] == 0x50 && magic[1] == 0x4B && magic[2] == 3 && magic[3] == 4;
    }
}
