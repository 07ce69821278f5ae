using System.Buffers.Binary;
using System.Text;
using RobuMTL.Backbone.Weights;
using RobuMTL.Core;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Backbone.Weights;

public sealed class SafetensorsFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("robumtl-st-").FullName;

    public SafetensorsFileTests() => TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float16)]
    [InlineData(ScalarType.BFloat16)]
    [InlineData(ScalarType.Float64)]
    [InlineData(ScalarType.Int64)]
    public void RoundTripsEveryDTypeBitForBit(ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var original = (randn(3, 5) * 7).to(dtype);
        var scalar = tensor(2.5f).to(dtype);
        var path = Path.Combine(directory, $"{dtype}.safetensors");

        SafetensorsFile.Write(path, [new("a.weight", original), new("b", scalar), new("e", zeros(0, 4))],
            new Dictionary<string, string> { ["note"] = "test" });
        using var back = SafetensorsFile.Read(path);

        Assert.Equal(["a.weight", "b", "e"], back.Keys);
        TensorAssert.Identical(original, back["a.weight"]);
        TensorAssert.Identical(scalar, back["b"]);
        Assert.Equal([0L, 4L], back["e"].shape);
        Assert.Equal("test", back.Metadata["note"]);
    }

    [Fact]
    public void ReadsThePythonWrittenFixtureLikeTheTorchSaveCopy()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Backbone");
        using var fromSafetensors = SafetensorsFile.Read(Path.Combine(dir, "swin_fixture.safetensors"));
        using var fromPickle = PyTorchFile.Read(Path.Combine(dir, "swin_fixture.pt"));

        Assert.Equal(
            fromPickle.Keys.Order(StringComparer.Ordinal), fromSafetensors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ScalarType.Float16, fromSafetensors["features.1.0.attn.qkv.weight"].dtype);
        Assert.Equal(ScalarType.Float32, fromSafetensors["features.1.0.attn.qkv.bias"].dtype);
        Assert.Equal(ScalarType.Int64, fromSafetensors["features.1.0.attn.relative_position_index"].dtype);
        foreach (var (key, tensor) in fromSafetensors)
        {
            TensorAssert.Identical(tensor, fromPickle[key], key);
        }
    }

    [Fact]
    public void HeaderIndexListsShapesWithoutData()
    {
        var path = Path.Combine(directory, "index.safetensors");
        using (var t = ones(2, 3, dtype: ScalarType.BFloat16))
        {
            SafetensorsFile.Write(path, [new("w", t)]);
        }

        var index = SafetensorsFile.ReadIndex(path);

        Assert.Single(index);
        Assert.Equal(("w", ScalarType.BFloat16), (index[0].Name, index[0].DType));
        Assert.Equal([2L, 3L], index[0].Shape);
    }

    [Fact]
    public void RejectsATruncatedFileNamingTheTensor()
    {
        var path = Path.Combine(directory, "cut.safetensors");
        using (var t = ones(4, 4))
        {
            SafetensorsFile.Write(path, [new("block.weight", t)]);
        }

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^8]);

        var error = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Read(path));
        Assert.Contains("block.weight", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void RejectsAFileThatIsNotSafetensors()
    {
        var path = Path.Combine(directory, "text.safetensors");
        File.WriteAllText(path, "this is not a checkpoint at all");

        var error = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Read(path));
        Assert.Contains("header length", error.Message);
    }

    [Fact]
    public void RejectsAnUnknownDType()
    {
        var path = Path.Combine(directory, "f8.safetensors");
        var header = Encoding.UTF8.GetBytes("{\"x\":{\"dtype\":\"F8_E4M3\",\"shape\":[1],\"data_offsets\":[0,1]}}");
        var length = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        File.WriteAllBytes(path, [.. length, .. header, 0]);

        var error = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Read(path));
        Assert.Contains("F8_E4M3", error.Message);
    }

    [Fact]
    public void StateDictLoadPicksTheReaderByContent()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Backbone");
        var copy = Path.Combine(directory, "renamed.bin");
        File.Copy(Path.Combine(dir, "swin_fixture.pt"), copy);

        using var state = StateDict.Load(copy);

        Assert.True(state.ContainsKey("features.0.0.weight"));
        Assert.Empty(state.Metadata);
    }
}
