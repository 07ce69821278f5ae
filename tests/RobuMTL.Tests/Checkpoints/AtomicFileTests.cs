using RobuMTL.Checkpoints;

namespace RobuMTL.Tests.Checkpoints;

public sealed class AtomicFileTests
{
    [Fact]
    public void AFailedWriteLeavesNoFileBehind()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "state.bin");

        var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[4096]);
            throw new IOException("disk full");
        }));

        Assert.Equal("disk full", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public void AFailedWriteKeepsThePreviousContent()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "config.json");
        AtomicFile.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("new, but cut short"u8);
            throw new InvalidOperationException("serialiser failed");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public void ASuccessfulWriteReplacesTheFileAndCreatesTheFolder()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "nested", "config.json");

        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second");

        Assert.Equal("second", File.ReadAllText(path));
        Assert.Single(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(path)!));
    }
}
