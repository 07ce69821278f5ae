using System.Text.Json;
using System.Text.Json.Nodes;
using RobuMTL.Checkpoints;
using static TorchSharp.torch;

namespace RobuMTL.Model;

/// <summary>
/// Saves and loads one trained module (a whole model, a selector, ...) as <c>&lt;name&gt;.bin</c> with its
/// configuration as <c>&lt;name&gt;.json</c> beside it. Loading refuses weights whose saved configuration differs
/// from the one asked for, naming every differing field.
/// </summary>
public static class ModelFiles
{
    /// <summary>Whether <paramref name="folder"/> holds weights and config named <paramref name="name"/>.</summary>
    public static bool Exists(string folder, string name = "model") =>
        File.Exists(WeightsPath(folder, name)) && File.Exists(ConfigPath(folder, name));

    /// <summary>Writes the module's state and its config atomically (no partial file on failure).</summary>
    public static void Save(nn.Module module, object config, string folder, string name = "model")
    {
        Directory.CreateDirectory(folder);
        AtomicFile.Write(WeightsPath(folder, name), stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            module.save(writer);
            writer.Flush();
        });
        AtomicFile.WriteAllText(ConfigPath(folder, name), Describe(config).ToJsonString(CheckpointStore.JsonOptions));
    }

    /// <summary>Loads weights saved by <see cref="Save"/> into <paramref name="module"/>.</summary>
    /// <exception cref="FileNotFoundException">No saved module of that name; the message names the phase to run.</exception>
    /// <exception cref="CheckpointMismatchException">The saved config differs from <paramref name="config"/>.</exception>
    public static void Load(nn.Module module, object config, string folder, string name = "model")
    {
        if (!Exists(folder, name))
        {
            throw new FileNotFoundException(
                $"No trained '{name}' in '{folder}'. Run the notebook or command that produces it first.",
                WeightsPath(folder, name));
        }

        var saved = JsonNode.Parse(File.ReadAllText(ConfigPath(folder, name)));
        var differences = ConfigDiff.Compare(saved, Describe(config));
        if (differences.Count > 0)
        {
            throw new CheckpointMismatchException(folder, differences);
        }

        using var reader = new BinaryReader(File.OpenRead(WeightsPath(folder, name)));
        module.load(reader);
    }

    private static JsonNode Describe(object config) =>
        JsonSerializer.SerializeToNode(config, config.GetType(), CheckpointStore.JsonOptions)!;

    private static string WeightsPath(string folder, string name) => Path.Combine(folder, name + ".bin");

    private static string ConfigPath(string folder, string name) => Path.Combine(folder, name + ".json");
}
