using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using RobuMTL.Data.Formats;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RobuMTL.Tests.Data;

public sealed class FormatTests
{
    [Fact]
    public void NpyRoundTripsFloatAndByteArrays()
    {
        using var dir = new TempFolder();
        float[] values = [0f, -1.5f, 3.25f, float.MaxValue, 1e-7f, 42f];
        NpyFile.Write(dir.File("a.npy"), values, 2, 3);
        NpyFile.Write(dir.File("b.npy"), new byte[] { 0, 1, 255 }, 3);

        var a = NpyFile.Read(dir.File("a.npy"));
        var b = NpyFile.Read(dir.File("b.npy"));

        Assert.Equal([2, 3], a.Shape);
        Assert.Equal("<f4", a.DType);
        Assert.Equal(values, a.Data);
        Assert.Equal([3], b.Shape);
        Assert.Equal(new[] { 0f, 1f, 255f }, b.Data);
        Assert.Equal(0, (int)(new FileInfo(dir.File("a.npy")).Length - 24) % 64);
    }

    [Fact]
    public void NpyReadsAHandWrittenFortranOrderFloat64File()
    {
        // numpy.save of np.asfortranarray([[1., 2., 3.], [4., 5., 6.]]), header written by hand.
        var header = "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }";
        header = header.PadRight(118 - 10 - 1) + "\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange(Encoding.ASCII.GetBytes("NUMPY"));
        bytes.AddRange([1, 0, (byte)header.Length, 0]);
        bytes.AddRange(Encoding.ASCII.GetBytes(header));
        foreach (var v in new double[] { 1, 4, 2, 5, 3, 6 })
        {
            var d = new byte[8];
            BinaryPrimitives.WriteDoubleLittleEndian(d, v);
            bytes.AddRange(d);
        }

        var array = NpyFile.Parse(bytes.ToArray());

        Assert.Equal([2, 3], array.Shape);
        Assert.Equal(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, array.Data);
    }

    [Fact]
    public void NpyErrorsNameTheFileAndTheProblem()
    {
        using var dir = new TempFolder();
        var bad = dir.File("bad.npy");
        File.WriteAllBytes(bad, Encoding.ASCII.GetBytes("not numpy at all"));
        NpyFile.Write(dir.File("short.npy"), new float[6], 2, 3);
        var bytes = File.ReadAllBytes(dir.File("short.npy"));
        File.WriteAllBytes(dir.File("short.npy"), bytes[..^4]);

        Assert.Contains("bad.npy", Assert.Throws<InvalidDataException>(() => NpyFile.Read(bad)).Message);
        Assert.Contains("needs 24 bytes", Assert.Throws<InvalidDataException>(
            () => NpyFile.Read(dir.File("short.npy"))).Message);
        Assert.Contains("does not exist", Assert.Throws<InvalidDataException>(
            () => NpyFile.Read(dir.File("none.npy"))).Message);
        NpyFile.Write(dir.File("ok.npy"), new float[6], 2, 3);
        Assert.Contains("shape (2, 3), expected (2, 2)", Assert.Throws<InvalidDataException>(
            () => DenseFiles.ReadFloats(dir.File("ok.npy"), 2, 2, 1)).Message);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void MatRoundTripsUint8AndDoubleMatrices(bool asDouble, bool compress)
    {
        using var dir = new TempFolder();
        var labels = new byte[] { 0, 1, 2, 3, 4, 5, 6, 255, 0, 1, 2, 3 };
        MatFile.WriteMatrix(dir.File("m.mat"), "parts", labels, rows: 3, columns: 4, asDouble, compress);

        var m = MatFile.ReadMatrix(dir.File("m.mat"));

        Assert.Equal(("parts", 3, 4), (m.Name, m.Rows, m.Columns));
        Assert.Equal(labels, m.ToRowMajorBytes());
        Assert.Equal(6, m[1, 2]);
    }

    [Fact]
    public void MatReadsHandBuiltSmallElementsAndSkipsStructs()
    {
        // A struct variable first (skipped), then a 1x2 uint8 matrix whose name and data use the small format.
        var file = new List<byte>(Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file".PadRight(116)));
        file.AddRange(new byte[8]);
        file.AddRange([0, 1, (byte)'I', (byte)'M']);
        file.AddRange(Matrix(mxClass: 2, name: "anno", data: []));
        var numeric = Matrix(mxClass: 9, name: "x", data: [7, 9]);
        using (var packed = new MemoryStream())
        {
            using (var z = new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            {
                z.Write(numeric);
            }

            file.AddRange(Tag(15, (int)packed.Length));
            file.AddRange(packed.ToArray());
        }

        var matrices = MatFile.ReadMatrices([.. file]);

        var m = Assert.Single(matrices);
        Assert.Equal(("x", 1, 2), (m.Name, m.Rows, m.Columns));
        Assert.Equal(new double[] { 7, 9 }, m.ColumnMajor);
    }

    [Fact]
    public void MatErrorsNameTheFile()
    {
        using var dir = new TempFolder();
        File.WriteAllBytes(dir.File("v73.mat"), new byte[200]);
        MatFile.WriteMatrix(dir.File("ok.mat"), "a", [1, 2], 1, 2);

        Assert.Contains("v73.mat", Assert.Throws<InvalidDataException>(
            () => MatFile.ReadMatrix(dir.File("v73.mat"))).Message);
        Assert.Contains("named 'b'", Assert.Throws<InvalidDataException>(
            () => MatFile.ReadMatrix(dir.File("ok.mat"), "b")).Message);
    }

    [Fact]
    public void LabelPngRoundTripsAndRejectsColourAndWrongSize()
    {
        using var dir = new TempFolder();
        var labels = new byte[] { 0, 1, 2, 255, 40, 7 };
        LabelPng.Write(dir.File("l.png"), labels, 3, 2);
        using (var rgb = new Image<Rgb24>(3, 2))
        {
            rgb.SaveAsPng(dir.File("rgb.png"));
        }

        Assert.Equal(labels, LabelPng.Read(dir.File("l.png"), 3, 2));
        Assert.Contains("is 3x2, expected 4x2", Assert.Throws<InvalidDataException>(
            () => LabelPng.Read(dir.File("l.png"), 4, 2)).Message);
        Assert.Contains("expected 8-bit greyscale", Assert.Throws<InvalidDataException>(
            () => LabelPng.Read(dir.File("rgb.png"))).Message);
    }

    private static byte[] Tag(int type, int size)
    {
        var tag = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tag, type);
        BinaryPrimitives.WriteInt32LittleEndian(tag.AsSpan(4), size);
        return tag;
    }

    private static byte[] Small(int type, byte[] data)
    {
        var tag = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tag, type | (data.Length << 16));
        data.CopyTo(tag, 4);
        return tag;
    }

    private static byte[] Matrix(byte mxClass, string name, byte[] data)
    {
        var body = new List<byte>();
        body.AddRange(Tag(6, 8));
        body.AddRange(new byte[] { mxClass, 0, 0, 0, 0, 0, 0, 0 });
        body.AddRange(Tag(5, 8));
        body.AddRange(new byte[] { 1, 0, 0, 0, (byte)data.Length, 0, 0, 0 });
        body.AddRange(Small(1, Encoding.ASCII.GetBytes(name)));
        if (mxClass == 2)
        {
            // A struct with no fields: field-name length 32, then an empty list of names.
            body.AddRange(Small(5, BitConverter.GetBytes(32)));
            body.AddRange(Tag(1, 0));
        }
        else
        {
            body.AddRange(Small(2, data));
        }

        return [.. Tag(14, body.Count), .. body];
    }
}
