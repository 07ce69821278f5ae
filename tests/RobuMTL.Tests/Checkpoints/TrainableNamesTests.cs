using System.Text.Json.Nodes;
using RobuMTL.Checkpoints;

namespace RobuMTL.Tests.Checkpoints;

public sealed class TrainableNamesTests
{
    [Fact]
    public void TheTrainableListOfAPhaseConfigIsReadBack()
    {
        using var folder = new TempFolder();
        var store = new CheckpointStore(folder.Path);
        store.EnsureCompatible("warmup", new JsonObject
        {
            ["phase"] = "warmup",
            ["trainable"] = new JsonArray("heads.a.weight", "backbone.x.experts.Clean.shared.B"),
        });

        Assert.Equal(["heads.a.weight", "backbone.x.experts.Clean.shared.B"], store.ReadTrainableNames("warmup"));
        Assert.Null(store.ReadTrainableNames("expert-rain"));
    }

    [Fact]
    public void AConfigWithoutTheListIsRejectedWithItsPath()
    {
        using var folder = new TempFolder();
        var store = new CheckpointStore(folder.Path);
        store.EnsureCompatible("selector", new JsonObject { ["phase"] = "selector" });

        var error = Assert.Throws<InvalidDataException>(() => store.ReadTrainableNames("selector"));

        Assert.Contains(CheckpointStore.ConfigFileName, error.Message, StringComparison.Ordinal);
    }
}
