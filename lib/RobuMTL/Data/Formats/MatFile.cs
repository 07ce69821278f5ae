using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace RobuMTL.Data.Formats;

/// <summary>
/// A minimal reader (and writer, for fixtures) of MATLAB level-5 .mat files: little-endian, top-level numeric
/// 2-D matrices, plain or zlib-compressed (miCOMPRESSED), with data stored as any integer or float element
/// type (MATLAB stores a double matrix of small integers as miUINT8, for example).
/// </summary>
/// <remarks>
/// Struct, cell and char variables are parsed too (internally, for the PASCAL-Part <c>anno</c> struct);
/// sparse, object and complex data are not.
/// </remarks>
public static class MatFile
{
    private const int MiInt8 = 1;
    private const int MiUInt8 = 2;
    private const int MiInt16 = 3;
    private const int MiUInt16 = 4;
    private const int MiInt32 = 5;
    private const int MiUInt32 = 6;
    private const int MiSingle = 7;
    private const int MiDouble = 9;
    private const int MiInt64 = 12;
    private const int MiUInt64 = 13;
    private const int MiMatrix = 14;
    private const int MiCompressed = 15;
    private const int MxCell = 1;
    private const int MxStruct = 2;
    private const int MxChar = 4;
    private const int MxDouble = 6;
    private const int MxUInt8 = 9;

    /// <summary>
    /// Reads the numeric matrix named <paramref name="name"/>, or the first numeric 2-D matrix when null.
    /// </summary>
    /// <exception cref="InvalidDataException">Missing file, not a v5 .mat, or no such numeric matrix.</exception>
    public static MatMatrix ReadMatrix(string path, string? name = null)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"MAT file '{path}' does not exist.");
        }

        IReadOnlyList<MatMatrix> matrices;
        try
        {
            matrices = ReadMatrices(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"'{path}' is not a readable MATLAB v5 file: {e.Message}", e);
        }

        var found = name is null ? matrices.FirstOrDefault() : matrices.FirstOrDefault(m => m.Name == name);
        return found ?? throw new InvalidDataException(
            $"'{path}' holds no numeric 2-D matrix{(name is null ? "" : $" named '{name}'")}; numeric "
            + $"variables found: [{string.Join(", ", matrices.Select(m => m.Name))}].");
    }

    /// <summary>Every top-level numeric 2-D matrix in the file bytes, in file order.</summary>
    /// <exception cref="FormatException">The bytes are not a little-endian level-5 .mat file.</exception>
    public static IReadOnlyList<MatMatrix> ReadMatrices(byte[] bytes) =>
        ReadVariables(bytes)
            .OfType<MatNumeric>()
            .Where(v => v.Dims.Length == 2)
            .Select(v => new MatMatrix(v.Name, v.Dims[0], v.Dims[1], v.Data))
            .ToArray();

    /// <summary>Every top-level variable, structs and cells parsed recursively.</summary>
    internal static IReadOnlyList<MatValue> ReadVariables(byte[] bytes)
    {
        if (bytes.Length < 128)
        {
            throw new FormatException("shorter than the 128-byte header");
        }

        if (bytes[126] != (byte)'I' || bytes[127] != (byte)'M')
        {
            throw new FormatException(bytes[126] == (byte)'M'
                ? "big-endian files are not supported; re-save with a little-endian MATLAB or scipy"
                : "missing the 'IM' endian marker (not a level-5 file; v7.3 HDF5 files are not supported)");
        }

        var result = new List<MatValue>();
        var offset = 128;
        while (offset + 8 <= bytes.Length)
        {
            var (type, size, dataStart, next) = Tag(bytes, offset);
            if (type == MiCompressed)
            {
                using var packed = new MemoryStream(bytes, dataStart, size);
                using var input = new ZLibStream(packed, CompressionMode.Decompress);
                using var output = new MemoryStream();
                input.CopyTo(output);
                var inner = output.ToArray();
                var (innerType, innerSize, innerStart, _) = Tag(inner, 0);
                if (innerType == MiMatrix)
                {
                    result.Add(ParseValue(inner.AsSpan(innerStart, innerSize)));
                }
            }
            else if (type == MiMatrix)
            {
                result.Add(ParseValue(bytes.AsSpan(dataStart, size)));
            }

            offset = next;
        }

        return result;
    }

    /// <summary>Writes one uint8 or double 2-D matrix (row-major input), optionally compressed.</summary>
    public static void WriteMatrix(string path, string name, byte[] rowMajor, int rows, int columns,
        bool asDouble = false, bool compress = true)
    {
        if (rowMajor.Length != rows * columns)
        {
            throw new ArgumentException($"{rows}x{columns} needs {rows * columns} values, got {rowMajor.Length}");
        }

        var element = new MemoryStream();
        var flags = new byte[8];
        flags[0] = (byte)(asDouble ? MxDouble : MxUInt8);
        WriteElement(element, MiUInt32, flags);
        var dims = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(dims, rows);
        BinaryPrimitives.WriteInt32LittleEndian(dims.AsSpan(4), columns);
        WriteElement(element, MiInt32, dims);
        WriteElement(element, MiInt8, Encoding.ASCII.GetBytes(name));
        var columnMajor = new byte[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                columnMajor[(c * rows) + r] = rowMajor[(r * columns) + c];
            }
        }

        if (asDouble)
        {
            var doubles = new byte[columnMajor.Length * 8];
            for (var i = 0; i < columnMajor.Length; i++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(doubles.AsSpan(i * 8), columnMajor[i]);
            }

            WriteElement(element, MiDouble, doubles);
        }
        else
        {
            WriteElement(element, MiUInt8, columnMajor);
        }

        var matrix = new MemoryStream();
        WriteElement(matrix, MiMatrix, element.ToArray());

        using var file = File.Create(path);
        var header = Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, written by RobuMTL".PadRight(116));
        file.Write(header);
        file.Write(new byte[8]);
        file.Write([0x00, 0x01, (byte)'I', (byte)'M']);
        if (!compress)
        {
            file.Write(matrix.ToArray());
            return;
        }

        var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(matrix.ToArray());
        }

        var tag = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tag, MiCompressed);
        BinaryPrimitives.WriteInt32LittleEndian(tag.AsSpan(4), (int)packed.Length);
        file.Write(tag);
        file.Write(packed.ToArray());
    }

    private static void WriteElement(Stream s, int type, byte[] data)
    {
        var tag = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tag, type);
        BinaryPrimitives.WriteInt32LittleEndian(tag.AsSpan(4), data.Length);
        s.Write(tag);
        s.Write(data);
        s.Write(new byte[(8 - (data.Length % 8)) % 8]);
    }

    /// <summary>Reads an element tag (normal or small format): type, size, data start, next element.</summary>
    private static (int Type, int Size, int DataStart, int Next) Tag(ReadOnlySpan<byte> bytes, int offset)
    {
        if (offset + 8 > bytes.Length)
        {
            throw new FormatException($"truncated element tag at byte {offset}");
        }

        var first = BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
        if ((first >> 16) != 0)
        {
            // Small data element: size in the upper half, up to 4 bytes of data inside the tag.
            return ((int)(first & 0xFFFF), (int)(first >> 16), offset + 4, offset + 8);
        }

        var size = BinaryPrimitives.ReadInt32LittleEndian(bytes[(offset + 4)..]);
        if (size < 0 || offset + 8 + (long)size > bytes.Length)
        {
            throw new FormatException($"element at byte {offset} claims {size} bytes past the end of the data");
        }

        var padded = (int)first == MiCompressed ? size : (size + 7) / 8 * 8;
        return ((int)first, size, offset + 8, Math.Min(bytes.Length, offset + 8 + padded));
    }

    /// <summary>Parses a miMATRIX body (numeric, char, struct or cell; anything else becomes MatOther).</summary>
    private static MatValue ParseValue(ReadOnlySpan<byte> body)
    {
        if (body.Length == 0)
        {
            return new MatOther("", [0, 0]);
        }

        var (_, _, flagsStart, next) = Tag(body, 0);
        var mxClass = body[flagsStart] & 0xFF;
        var (_, dimsSize, dimsStart, afterDims) = Tag(body, next);
        var dims = new int[dimsSize / 4];
        for (var d = 0; d < dims.Length; d++)
        {
            dims[d] = BinaryPrimitives.ReadInt32LittleEndian(body[(dimsStart + (4 * d))..]);
        }

        var (_, nameSize, nameStart, afterName) = Tag(body, afterDims);
        var name = Encoding.ASCII.GetString(body.Slice(nameStart, nameSize));
        var count = dims.Aggregate(1, (a, b) => a * b);
        switch (mxClass)
        {
            case >= MxDouble and <= 15:
                {
                    var (type, size, dataStart, _) = Tag(body, afterName);
                    var data = body.Slice(dataStart, size);
                    var width = ElementSize(type);
                    if (data.Length < count * width)
                    {
                        throw new FormatException($"variable '{name}' ({string.Join("x", dims)}) has {data.Length} "
                            + $"bytes of data, needs {count * width}");
                    }

                    var values = new double[count];
                    for (var i = 0; i < count; i++)
                    {
                        values[i] = ReadValue(type, data.Slice(i * width, width));
                    }

                    return new MatNumeric(name, dims, values);
                }

            case MxChar:
                {
                    var (type, size, dataStart, _) = Tag(body, afterName);
                    var data = body.Slice(dataStart, size);
                    var text = type is MiUInt16 or MiInt16
                        ? Encoding.Unicode.GetString(data)
                        : Encoding.UTF8.GetString(data);
                    return new MatText(name, dims, text);
                }

            case MxStruct:
                {
                    var (_, _, lengthStart, afterLength) = Tag(body, afterName);
                    var fieldLength = BinaryPrimitives.ReadInt32LittleEndian(body[lengthStart..]);
                    var (_, namesSize, namesStart, offset) = Tag(body, afterLength);
                    var fields = new string[fieldLength > 0 ? namesSize / fieldLength : 0];
                    for (var f = 0; f < fields.Length; f++)
                    {
                        fields[f] = Encoding.ASCII.GetString(body.Slice(namesStart + (f * fieldLength), fieldLength))
                            .TrimEnd('\0');
                    }

                    var elements = new MatValue[count][];
                    for (var i = 0; i < count; i++)
                    {
                        elements[i] = new MatValue[fields.Length];
                        for (var f = 0; f < fields.Length; f++)
                        {
                            var (_, size, start, after) = Tag(body, offset);
                            elements[i][f] = ParseValue(body.Slice(start, size));
                            offset = after;
                        }
                    }

                    return new MatStruct(name, dims, fields, elements);
                }

            case MxCell:
                {
                    var items = new MatValue[count];
                    var offset = afterName;
                    for (var i = 0; i < count; i++)
                    {
                        var (_, size, start, after) = Tag(body, offset);
                        items[i] = ParseValue(body.Slice(start, size));
                        offset = after;
                    }

                    return new MatCell(name, dims, items);
                }

            default:
                return new MatOther(name, dims);
        }
    }

    private static int ElementSize(int type) => type switch
    {
        MiInt8 or MiUInt8 => 1,
        MiInt16 or MiUInt16 => 2,
        MiInt32 or MiUInt32 or MiSingle => 4,
        MiDouble or MiInt64 or MiUInt64 => 8,
        _ => throw new FormatException($"numeric data of element type {type} is not supported"),
    };

    private static double ReadValue(int type, ReadOnlySpan<byte> b) => type switch
    {
        MiInt8 => (sbyte)b[0],
        MiUInt8 => b[0],
        MiInt16 => BinaryPrimitives.ReadInt16LittleEndian(b),
        MiUInt16 => BinaryPrimitives.ReadUInt16LittleEndian(b),
        MiInt32 => BinaryPrimitives.ReadInt32LittleEndian(b),
        MiUInt32 => BinaryPrimitives.ReadUInt32LittleEndian(b),
        MiSingle => BinaryPrimitives.ReadSingleLittleEndian(b),
        MiDouble => BinaryPrimitives.ReadDoubleLittleEndian(b),
        MiInt64 => BinaryPrimitives.ReadInt64LittleEndian(b),
        _ => BinaryPrimitives.ReadUInt64LittleEndian(b),
    };
}
