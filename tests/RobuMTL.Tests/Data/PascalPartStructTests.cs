using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using RobuMTL.Data.Datasets;
using RobuMTL.Data.Formats;

namespace RobuMTL.Tests.Data;

/// <summary>PASCAL-Part 'anno' structs, built byte by byte after the MAT v5 layout, grouped into six parts.</summary>
public sealed class PascalPartStructTests
{
    private const int W = 4;
    private const int H = 3;

    private static byte[] Element(int type, byte[] data)
    {
        var tag = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tag, type);
        BinaryPrimitives.WriteInt32LittleEndian(tag.AsSpan(4), data.Length);
        return [.. tag, .. data, .. new byte[(8 - (data.Length % 8)) % 8]];
    }

    private static byte[] Header(byte mxClass, int[] dims, string name)
    {
        var d = new byte[dims.Length * 4];
        for (var i = 0; i < dims.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(d.AsSpan(i * 4), dims[i]);
        }

        byte[] flags = [mxClass, 0, 0, 0, 0, 0, 0, 0];
        return [.. Element(6, flags), .. Element(5, d), .. Element(1, Encoding.ASCII.GetBytes(name))];
    }

    private static byte[] Numeric(byte[] rowMajor, int rows, int cols, string name = "")
    {
        var columnMajor = new byte[rows * cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                columnMajor[(c * rows) + r] = rowMajor[(r * cols) + c];
            }
        }

        return Element(14, [.. Header(9, [rows, cols], name), .. Element(2, columnMajor)]);
    }

    private static byte[] Double(double value) =>
        Element(14, [.. Header(6, [1, 1], ""), .. Element(9, BitConverter.GetBytes(value))]);

    private static byte[] Text(string text) =>
        Element(14, [.. Header(4, [1, text.Length], ""), .. Element(4, Encoding.Unicode.GetBytes(text))]);

    private static byte[] Struct(string[] fields, byte[][][] elements, string name = "")
    {
        var names = new byte[fields.Length * 32];
        for (var f = 0; f < fields.Length; f++)
        {
            Encoding.ASCII.GetBytes(fields[f]).CopyTo(names, f * 32);
        }

        var body = new List<byte>(Header(2, [1, elements.Length], name));
        body.AddRange(Element(5, BitConverter.GetBytes(32)));
        body.AddRange(Element(1, names));
        foreach (var element in elements)
        {
            foreach (var value in element)
            {
                body.AddRange(value);
            }
        }

        return Element(14, [.. body]);
    }

    private static byte[] File(byte[] variable, bool compress)
    {
        var header = new List<byte>(Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file".PadRight(116)));
        header.AddRange(new byte[8]);
        header.AddRange([0, 1, (byte)'I', (byte)'M']);
        if (!compress)
        {
            return [.. header, .. variable];
        }

        using var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(variable);
        }

        var tag = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tag, 15);
        BinaryPrimitives.WriteInt32LittleEndian(tag.AsSpan(4), (int)packed.Length);
        return [.. header, .. tag, .. packed.ToArray()];
    }

    private static byte[] Mask(params int[] on)
    {
        var m = new byte[W * H];
        foreach (var p in on)
        {
            m[p] = 1;
        }

        return m;
    }

    private static byte[] Anno(byte[] objects) =>
        Struct(["imname", "objects"], [[Text("2008_000001"), objects]], "anno");

    private static byte[] Object(int classInd, byte[] parts) =>
        [.. Text(classInd == 15 ? "person" : "dog"), .. Double(classInd), .. Numeric(Mask(0, 1, 2), H, W), .. parts];

    private static readonly string[] ObjectFields = ["class", "class_ind", "mask", "parts"];

    private static readonly string[] PartFields = ["part_name", "mask"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PersonPartsAreGroupedIntoSixAndOtherObjectsIgnored(bool compress)
    {
        var personParts = Struct(PartFields,
        [
            [Text("hair"), Numeric(Mask(0), H, W)],
            [Text("neck"), Numeric(Mask(1), H, W)],
            [Text("ruarm"), Numeric(Mask(2), H, W)],
            [Text("lhand"), Numeric(Mask(5), H, W)],
            [Text("luleg"), Numeric(Mask(9), H, W)],
            [Text("rfoot"), Numeric(Mask(11), H, W)],
        ]);
        var dogParts = Struct(PartFields, [[Text("tail"), Numeric(Mask(7), H, W)]]);
        var objects = Struct(ObjectFields,
        [
            [.. SplitFields(Object(12, dogParts))],
            [.. SplitFields(Object(15, personParts))],
        ]);
        using var dir = new TempFolder();
        System.IO.File.WriteAllBytes(dir.File("p.mat"), File(Anno(objects), compress));

        var variables = MatFile.ReadVariables(System.IO.File.ReadAllBytes(dir.File("p.mat")));
        var anno = Assert.IsType<MatStruct>(Assert.Single(variables));
        var grouped = PascalPartGrouping.Group(anno, H, W, "p.mat");

        Assert.Equal(new byte[] { 1, 2, 3, 0, 0, 4, 0, 0, 0, 5, 0, 6 }, grouped);
    }

    [Fact]
    public void ImagesWithoutPersonPartsGiveNullAndUnknownPartsNameTheFile()
    {
        var empty = Struct(PartFields, []);
        var noParts = Struct(ObjectFields, [[.. SplitFields(Object(15, empty))]]);
        var anno = Assert.IsType<MatStruct>(Assert.Single(MatFile.ReadVariables(File(Anno(noParts), false))));
        Assert.Null(PascalPartGrouping.Group(anno, H, W, "x.mat"));

        var odd = Struct(PartFields, [[Text("wing"), Numeric(Mask(0), H, W)]]);
        var badObjects = Struct(ObjectFields, [[.. SplitFields(Object(15, odd))]]);
        var bad = Assert.IsType<MatStruct>(Assert.Single(MatFile.ReadVariables(File(Anno(badObjects), true))));
        var e = Assert.Throws<InvalidDataException>(() => PascalPartGrouping.Group(bad, H, W, "y.mat"));
        Assert.Contains("'y.mat': person part 'wing'", e.Message);
    }

    [Fact]
    public void PascalLoaderGroupsAnOriginalAnnoFile()
    {
        using var dir = new TempFolder();
        System.IO.File.WriteAllLines(dir.File("ImageSets", "Context", "val.txt"), ["a"]);
        using (var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(W, H))
        {
            SixLabors.ImageSharp.ImageExtensions.SaveAsJpeg(image, dir.File("JPEGImages", "a.jpg"));
            SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, dir.File("normals_distill", "a.png"));
        }

        LabelPng.Write(dir.File("semseg", "pascal-context", "a.png"), new byte[W * H], W, H);
        LabelPng.Write(dir.File("sal_distill", "a.png"), new byte[W * H], W, H);
        var parts = Struct(PartFields, [[Text("head"), Numeric(Mask(3), H, W)]]);
        var objects = Struct(ObjectFields, [[.. SplitFields(Object(15, parts))]]);
        System.IO.File.WriteAllBytes(dir.File("human_parts", "a.mat"), File(Anno(objects), true));

        var s = new PascalContextDataset(dir.Path, DatasetSplit.Val).Get(0);

        Assert.Equal(new byte[] { 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, s.HumanParts);
    }

    /// <summary>Splits the concatenated field elements of one object back into one array per field.</summary>
    private static IEnumerable<byte[]> SplitFields(byte[] concatenated)
    {
        var offset = 0;
        while (offset < concatenated.Length)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(concatenated.AsSpan(offset + 4));
            var total = 8 + size + ((8 - (size % 8)) % 8);
            yield return concatenated[offset..(offset + total)];
            offset += total;
        }
    }
}
