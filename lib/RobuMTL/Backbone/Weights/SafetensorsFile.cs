using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using static TorchSharp.torch;

namespace RobuMTL.Backbone.Weights;

/// <summary>
/// Reads and writes the safetensors format: an 8-byte little-endian header length, a UTF-8 JSON header
/// mapping each name to <c>dtype</c>, <c>shape</c> and <c>data_offsets</c> (relative to the end of the
/// header), then the raw little-endian tensor bytes. Hugging Face hub checkpoints (timm) use it.
/// </summary>
public static class SafetensorsFile
{
    // The format's own ceiling on the header, which also stops a corrupt length from allocating gigabytes.
    private const long MaxHeaderBytes = 100_000_000;

    private static readonly Dictionary<string, ScalarType> DTypes = new(StringComparer.Ordinal)
    {
        ["F64"] = ScalarType.Float64,
        ["F32"] = ScalarType.Float32,
        ["F16"] = ScalarType.Float16,
        ["BF16"] = ScalarType.BFloat16,
        ["I64"] = ScalarType.Int64,
        ["I32"] = ScalarType.Int32,
        ["I16"] = ScalarType.Int16,
        ["I8"] = ScalarType.Int8,
        ["U8"] = ScalarType.Byte,
        ["BOOL"] = ScalarType.Bool,
    };

    /// <summary>Reads every tensor of a safetensors file onto the CPU, in the file's dtypes.</summary>
    /// <exception cref="InvalidDataException">The file is truncated or its header is malformed.</exception>
    public static StateDict Read(string path)
    {
        using var stream = OpenExisting(path);
        var (entries, metadata, dataStart) = ReadHeader(stream, path);
        var result = new StateDict();
        try
        {
            foreach (var entry in entries.OrderBy(e => e.Begin))
            {
                var bytes = new byte[entry.End - entry.Begin];
                stream.Seek(dataStart + entry.Begin, SeekOrigin.Begin);
                stream.ReadExactly(bytes);
                var tensor = empty(entry.Shape, entry.DType);
                if (bytes.Length > 0)
                {
                    tensor.bytes = bytes;
                }

                result.Add(entry.Name, tensor);
            }
        }
        catch
        {
            result.Dispose();
            throw;
        }

        foreach (var (key, value) in metadata)
        {
            result.Metadata[key] = value;
        }

        return result;
    }

    /// <summary>Lists names, dtypes and shapes without reading tensor data (cheap on large files).</summary>
    public static IReadOnlyList<(string Name, ScalarType DType, long[] Shape)> ReadIndex(string path)
    {
        using var stream = OpenExisting(path);
        var (entries, _, _) = ReadHeader(stream, path);
        return entries.Select(e => (e.Name, e.DType, e.Shape)).ToList();
    }

    /// <summary>
    /// Writes tensors (any device; copied to the CPU, made contiguous) in the given order. Supported dtypes:
    /// F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL. The file is written to a temporary name and moved
    /// into place, so a failed write never leaves a half-written checkpoint under the final name.
    /// </summary>
    public static void Write(
        string path, IEnumerable<KeyValuePair<string, Tensor>> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        var header = new Dictionary<string, object>(StringComparer.Ordinal);
        if (metadata is { Count: > 0 })
        {
            header["__metadata__"] = metadata;
        }

        var blobs = new List<byte[]>();
        long offset = 0;
        foreach (var (name, tensor) in tensors)
        {
            if (name == "__metadata__" || header.ContainsKey(name))
            {
                throw new ArgumentException($"Tensor name '{name}' is reserved or repeated.", nameof(tensors));
            }

            var dtypeName = DTypes.FirstOrDefault(p => p.Value == tensor.dtype).Key
                ?? throw new NotSupportedException($"Tensor '{name}' has dtype {tensor.dtype}, which safetensors"
                    + " writing does not support here; convert it to float32 first.");
            using var cpu = tensor.detach().cpu().contiguous();
            var bytes = cpu.numel() == 0 ? [] : cpu.bytes.ToArray();
            header[name] = new
            {
                dtype = dtypeName,
                shape = cpu.shape,
                data_offsets = new[] { offset, offset + bytes.Length },
            };
            blobs.Add(bytes);
            offset += bytes.Length;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(header);
        var padding = (8 - json.Length % 8) % 8;

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)(json.Length + padding));
            stream.Write(length);
            stream.Write(json);
            stream.Write(Encoding.ASCII.GetBytes(new string(' ', padding)));
            foreach (var blob in blobs)
            {
                stream.Write(blob);
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static FileStream OpenExisting(string path) => File.Exists(path)
        ? File.OpenRead(path)
        : throw new FileNotFoundException($"Safetensors file '{path}' does not exist.", path);

    private static (List<Entry> Entries, Dictionary<string, string> Metadata, long DataStart) ReadHeader(
        FileStream stream, string path)
    {
        Span<byte> lengthBytes = stackalloc byte[8];
        if (stream.Length < 8 || stream.Read(lengthBytes) != 8)
        {
            throw Invalid(path, "it is shorter than the 8-byte header length");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength > MaxHeaderBytes || (long)headerLength > stream.Length - 8)
        {
            throw Invalid(path, $"the header length {headerLength} exceeds the file size {stream.Length}"
                + " (not a safetensors file, or truncated)");
        }

        var json = new byte[headerLength];
        stream.ReadExactly(json);
        var dataStart = 8 + (long)headerLength;
        var dataLength = stream.Length - dataStart;

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"its header is not valid JSON ({e.Message})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, "its header is not a JSON object");
            }

            var entries = new List<Entry>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                {
                    foreach (var item in property.Value.EnumerateObject())
                    {
                        metadata[item.Name] = item.Value.ToString();
                    }

                    continue;
                }

                entries.Add(ParseEntry(property, path, dataLength));
            }

            return (entries, metadata, dataStart);
        }
    }

    private static Entry ParseEntry(JsonProperty property, string path, long dataLength)
    {
        var name = property.Name;
        var value = property.Value;
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("dtype", out var dtypeElement)
            || !value.TryGetProperty("shape", out var shapeElement)
            || !value.TryGetProperty("data_offsets", out var offsetsElement))
        {
            throw Invalid(path, $"tensor '{name}' lacks one of dtype, shape, data_offsets");
        }

        var dtypeName = dtypeElement.GetString() ?? "";
        if (!DTypes.TryGetValue(dtypeName, out var dtype))
        {
            throw Invalid(path, $"tensor '{name}' has dtype '{dtypeName}'; supported: "
                + string.Join(", ", DTypes.Keys));
        }

        var shape = shapeElement.EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var offsets = offsetsElement.EnumerateArray().Select(e => e.GetInt64()).ToArray();
        if (shape.Any(d => d < 0) || offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0])
        {
            throw Invalid(path, $"tensor '{name}' has a negative dimension or bad data_offsets");
        }

        var expected = shape.Aggregate(1L, (a, d) => a * d) * ElementSize(dtype);
        if (offsets[1] - offsets[0] != expected || offsets[1] > dataLength)
        {
            throw Invalid(path, $"tensor '{name}' ({dtypeName} [{string.Join(", ", shape)}]) needs {expected}"
                + $" bytes but its data_offsets [{offsets[0]}, {offsets[1]}] give {offsets[1] - offsets[0]}"
                + $" within {dataLength} data bytes");
        }

        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static long ElementSize(ScalarType dtype) => dtype switch
    {
        ScalarType.Float64 or ScalarType.Int64 => 8,
        ScalarType.Float32 or ScalarType.Int32 => 4,
        ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Int16 => 2,
        _ => 1,
    };

    private static InvalidDataException Invalid(string path, string reason) =>
        new($"'{path}' is not a readable safetensors file: {reason}.");

    private sealed record Entry(string Name, ScalarType DType, long[] Shape, long Begin, long End);
}
