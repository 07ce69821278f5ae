using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RobuMTL.Data.Formats;

/// <summary>
/// Reads and writes NumPy .npy files (format versions 1-3): little-endian bool, int8..int64, uint8, uint16,
/// float16, float32 and float64, in C or Fortran order. Values come back as float32 in C order.
/// </summary>
public static partial class NpyFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">Missing file, bad header, unsupported type, or short data.</exception>
    public static NpyArray Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"NPY file '{path}' does not exist.");
        }

        var bytes = File.ReadAllBytes(path);
        try
        {
            return Parse(bytes);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"'{path}' is not a readable .npy file: {e.Message}", e);
        }
    }

    /// <summary>Parses .npy bytes (see <see cref="Read"/>).</summary>
    /// <exception cref="FormatException">The bytes are not a supported .npy array.</exception>
    public static NpyArray Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 10 || !bytes[..6].SequenceEqual(Magic))
        {
            throw new FormatException("missing the \\x93NUMPY magic");
        }

        var major = bytes[6];
        var (headerLength, headerStart) = major switch
        {
            1 => (BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]), 10),
            2 or 3 => ((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]), 12),
            _ => throw new FormatException($"unsupported format version {major}"),
        };
        if (headerStart + headerLength > bytes.Length)
        {
            throw new FormatException("header runs past the end of the file");
        }

        var header = Encoding.Latin1.GetString(bytes.Slice(headerStart, headerLength));
        var descr = DescrPattern().Match(header);
        var order = FortranPattern().Match(header);
        var shapeMatch = ShapePattern().Match(header);
        if (!descr.Success || !order.Success || !shapeMatch.Success)
        {
            throw new FormatException($"header '{header.Trim()}' lacks descr, fortran_order or shape");
        }

        var shape = shapeMatch.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            .ToArray();
        var count = shape.Aggregate(1L, (a, b) => a * b);
        var dtype = descr.Groups[1].Value;
        var (size, convert) = Converter(dtype);
        var data = bytes[(headerStart + headerLength)..];
        if (data.Length < count * size)
        {
            throw new FormatException($"shape ({string.Join(", ", shape)}) of {dtype} needs {count * size} bytes, "
                + $"the file holds {data.Length}");
        }

        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = convert(data.Slice(i * size, size));
        }

        if (order.Groups[1].Value == "True" && shape.Length > 1)
        {
            values = FortranToC(values, shape);
        }

        return new NpyArray(shape, dtype, values);
    }

    /// <summary>Writes float32 values in C order with the given shape ('&lt;f4').</summary>
    public static void Write(string path, ReadOnlySpan<float> data, params int[] shape)
    {
        var payload = new byte[data.Length * 4];
        for (var i = 0; i < data.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(payload.AsSpan(i * 4), data[i]);
        }

        WriteRaw(path, "<f4", payload, data.Length, shape);
    }

    /// <summary>Writes bytes in C order with the given shape ('|u1').</summary>
    public static void Write(string path, ReadOnlySpan<byte> data, params int[] shape) =>
        WriteRaw(path, "|u1", data.ToArray(), data.Length, shape);

    private static void WriteRaw(string path, string dtype, byte[] payload, int count, int[] shape)
    {
        if (shape.Aggregate(1L, (a, b) => a * b) != count)
        {
            throw new ArgumentException($"shape ({string.Join(", ", shape)}) does not hold {count} values");
        }

        var dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape);
        var dict = $"{{'descr': '{dtype}', 'fortran_order': False, 'shape': ({dims}), }}";
        var total = 10 + dict.Length + 1;
        var padded = dict + new string(' ', (64 - (total % 64)) % 64) + "\n";
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var stream = File.Create(path);
        stream.Write(Magic);
        stream.Write([1, 0]);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)padded.Length);
        stream.Write(length);
        stream.Write(Encoding.Latin1.GetBytes(padded));
        stream.Write(payload);
    }

    private delegate float ElementReader(ReadOnlySpan<byte> b);

    private static (int Size, ElementReader Read) Converter(string dtype) => dtype switch
    {
        "<f4" => (4, b => BinaryPrimitives.ReadSingleLittleEndian(b)),
        "<f8" => (8, b => (float)BinaryPrimitives.ReadDoubleLittleEndian(b)),
        "<f2" => (2, b => (float)BinaryPrimitives.ReadHalfLittleEndian(b)),
        "|u1" or "<u1" => (1, b => b[0]),
        "|i1" or "<i1" => (1, b => (sbyte)b[0]),
        "|b1" => (1, b => b[0] != 0 ? 1f : 0f),
        "<u2" => (2, b => BinaryPrimitives.ReadUInt16LittleEndian(b)),
        "<i2" => (2, b => BinaryPrimitives.ReadInt16LittleEndian(b)),
        "<i4" => (4, b => BinaryPrimitives.ReadInt32LittleEndian(b)),
        "<i8" => (8, b => BinaryPrimitives.ReadInt64LittleEndian(b)),
        _ => throw new FormatException(
            $"type '{dtype}' is not supported (use little-endian bool, int, uint8/16 or float)"),
    };

    /// <summary>Reorders column-major values to row-major for the same shape.</summary>
    private static float[] FortranToC(float[] values, int[] shape)
    {
        var result = new float[values.Length];
        var index = new int[shape.Length];
        for (var c = 0; c < values.Length; c++)
        {
            var f = 0;
            var stride = 1;
            for (var d = 0; d < shape.Length; d++)
            {
                f += index[d] * stride;
                stride *= shape[d];
            }

            result[c] = values[f];
            for (var d = shape.Length - 1; d >= 0; d--)
            {
                if (++index[d] < shape[d])
                {
                    break;
                }

                index[d] = 0;
            }
        }

        return result;
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']+)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
