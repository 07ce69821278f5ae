using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RobuMTL.Backbone;
using RobuMTL.Checkpoints;
using RobuMTL.Heads;
using RobuMTL.Selection;
using RobuMTL.Weather;
using TorchSharp;
using static TorchSharp.torch;

namespace RobuMTL.Model;

/// <summary>
/// Saves and loads the parts of a trained model separately, each as <c>&lt;name&gt;.bin</c> with its configuration
/// as <c>&lt;name&gt;.json</c> beside it: the whole model, a head set, the expert squads, the selector, or one
/// expert of the bank. Loading compares the saved configuration with the one of the module it fills first and
/// refuses a mismatch, naming every differing field, so weights are never read into a model they were not
/// trained for.
/// </summary>
/// <remarks>
/// The training phases keep their own resumable checkpoints (<see cref="CheckpointStore"/>); these files are
/// what a finished phase hands on, for example one expert per machine to be combined into one bank.
/// </remarks>
public static class ModelFiles
{
    private const string ExpertMagic = "RobuMTL.Expert";
    private const int ExpertFormatVersion = 1;

    /// <summary>Whether <paramref name="folder"/> holds weights and config named <paramref name="name"/>.</summary>
    public static bool Exists(string folder, string name) =>
        File.Exists(WeightsPath(folder, name)) && File.Exists(ConfigPath(folder, name));

    /// <summary>Saves the whole model with its <see cref="RobuMtlModelConfig"/>.</summary>
    public static void Save(RobuMtlModel model, string folder, string name = "model") =>
        SaveModule(model, model.Config, folder, name);

    /// <summary>Loads a whole model saved by <see cref="Save(RobuMtlModel, string, string)"/>.</summary>
    /// <exception cref="FileNotFoundException">Nothing of that name in the folder.</exception>
    /// <exception cref="CheckpointMismatchException">The saved config differs; the message names fields.</exception>
    public static void Load(RobuMtlModel model, string folder, string name = "model") =>
        LoadModule(model, model.Config, folder, name);

    /// <summary>Saves one head set with its <see cref="TaskHeadSetConfig"/>.</summary>
    public static void Save(TaskHeadSet heads, string folder, string name = "heads") =>
        SaveModule(heads, heads.Config, folder, name);

    /// <summary>Loads a head set saved by <see cref="Save(TaskHeadSet, string, string)"/>.</summary>
    /// <exception cref="FileNotFoundException">Nothing of that name in the folder.</exception>
    /// <exception cref="CheckpointMismatchException">The saved config differs; the message names fields.</exception>
    public static void Load(TaskHeadSet heads, string folder, string name = "heads") =>
        LoadModule(heads, heads.Config, folder, name);

    /// <summary>Saves RobuMTL+'s squads with their head config and conditions.</summary>
    public static void Save(ExpertSquads squads, string folder, string name = "squads") =>
        SaveModule(squads, SquadsConfig(squads), folder, name);

    /// <summary>Loads squads saved by <see cref="Save(ExpertSquads, string, string)"/>.</summary>
    /// <exception cref="FileNotFoundException">Nothing of that name in the folder.</exception>
    /// <exception cref="CheckpointMismatchException">The saved config differs; the message names fields.</exception>
    public static void Load(ExpertSquads squads, string folder, string name = "squads") =>
        LoadModule(squads, SquadsConfig(squads), folder, name);

    /// <summary>Saves the selector with its <see cref="WeatherSelectorConfig"/>.</summary>
    public static void Save(WeatherSelector selector, string folder, string name = "selector") =>
        SaveModule(selector, selector.Config, folder, name);

    /// <summary>Loads a selector saved by <see cref="Save(WeatherSelector, string, string)"/>.</summary>
    /// <exception cref="FileNotFoundException">Nothing of that name in the folder.</exception>
    /// <exception cref="CheckpointMismatchException">The saved config differs; the message names fields.</exception>
    public static void Load(WeatherSelector selector, string folder, string name = "selector") =>
        LoadModule(selector, selector.Config, folder, name);

    /// <summary>File name of the expert of <paramref name="condition"/>: its name in lower case.</summary>
    public static string ExpertName(WeatherCondition condition) => condition.ToString().ToLowerInvariant();

    /// <summary>
    /// Saves the expert of <paramref name="condition"/> alone (every adapted layer's shared and task pairs) as
    /// <c>&lt;condition&gt;.bin</c> with its <see cref="ExpertFileConfig"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The backbone has no expert for the condition, or none at all.</exception>
    public static void SaveExpert(MultiTaskSwin backbone, WeatherCondition condition, string folder)
    {
        var config = ExpertFileConfig.Of(backbone, condition);
        var tensors = backbone.Experts.NamedParameters(condition).ToList();
        var name = ExpertName(condition);
        AtomicFile.Write(WeightsPath(folder, name), stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(ExpertMagic);
            writer.Write(ExpertFormatVersion);
            writer.Write(tensors.Count);
            foreach (var (key, parameter) in tensors)
            {
                writer.Write(key);
                writer.Write(parameter.dim());
                foreach (var size in parameter.shape)
                {
                    writer.Write(size);
                }

                using var values = parameter.detach().cpu().contiguous();
                var bytes = values.bytes;
                writer.Write(bytes.Length);
                writer.Write(bytes);
            }

            writer.Flush();
        });
        WriteConfig(config, folder, name);
    }

    /// <summary>
    /// Loads an expert saved by <see cref="SaveExpert"/> into the expert of <paramref name="condition"/> in
    /// <paramref name="backbone"/>; every other expert and the base weights stay as they are.
    /// </summary>
    /// <exception cref="FileNotFoundException">No saved expert of that condition in the folder.</exception>
    /// <exception cref="CheckpointMismatchException">
    /// The expert was saved for another condition, rank schedule, backbone or task list; the message names the
    /// fields.
    /// </exception>
    /// <exception cref="InvalidDataException">The weights are damaged or do not fit the config beside them.</exception>
    public static void LoadExpert(MultiTaskSwin backbone, WeatherCondition condition, string folder)
    {
        var name = ExpertName(condition);
        CheckConfig(ExpertFileConfig.Of(backbone, condition), folder, name);
        var path = WeightsPath(folder, name);
        var targets = backbone.Experts.NamedParameters(condition).ToList();
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        try
        {
            if (reader.ReadString() != ExpertMagic || reader.ReadInt32() != ExpertFormatVersion)
            {
                throw new InvalidDataException($"version {ExpertFormatVersion} expert file expected");
            }

            var count = reader.ReadInt32();
            if (count != targets.Count)
            {
                throw new InvalidDataException($"{count} tensors saved, the expert has {targets.Count}");
            }

            using var noGrad = no_grad();
            foreach (var (key, parameter) in targets)
            {
                var savedKey = reader.ReadString();
                var shape = new long[reader.ReadInt64()];
                for (var d = 0; d < shape.Length; d++)
                {
                    shape[d] = reader.ReadInt64();
                }

                if (savedKey != key || !shape.SequenceEqual(parameter.shape))
                {
                    throw new InvalidDataException(
                        $"saved {savedKey} ({string.Join("x", shape)}) where {key} "
                        + $"({string.Join("x", parameter.shape)}) belongs");
                }

                var bytes = reader.ReadBytes(reader.ReadInt32());
                using var values = empty(shape, parameter.dtype);
                values.bytes = bytes;
                parameter.copy_(values);
            }
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or ArgumentException)
        {
            throw new InvalidDataException(
                $"'{path}' cannot be read as the {condition} expert ({e.Message}); save the expert again.", e);
        }
    }

    private static object SquadsConfig(ExpertSquads squads) => new { heads = squads.Config, squads.Conditions };

    private static void SaveModule(nn.Module module, object config, string folder, string name)
    {
        AtomicFile.Write(WeightsPath(folder, name), stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            module.save(writer);
            writer.Flush();
        });
        WriteConfig(config, folder, name);
    }

    private static void LoadModule(nn.Module module, object config, string folder, string name)
    {
        CheckConfig(config, folder, name);
        using var reader = new BinaryReader(File.OpenRead(WeightsPath(folder, name)));
        module.load(reader);
    }

    private static void WriteConfig(object config, string folder, string name) =>
        AtomicFile.WriteAllText(ConfigPath(folder, name), Describe(config).ToJsonString(CheckpointStore.JsonOptions));

    private static void CheckConfig(object config, string folder, string name)
    {
        if (!Exists(folder, name))
        {
            throw new FileNotFoundException(
                $"'{folder}' holds no '{name}.bin' with '{name}.json' beside it; save that part there first.",
                WeightsPath(folder, name));
        }

        var saved = JsonNode.Parse(File.ReadAllText(ConfigPath(folder, name)));
        var differences = ConfigDiff.Compare(saved, Describe(config));
        if (differences.Count > 0)
        {
            throw new CheckpointMismatchException(
                ConfigPath(folder, name), differences,
                $"Load '{name}' into a module built with the saved configuration, or save it again from one "
                + "built with the current one.");
        }
    }

    private static JsonNode Describe(object config) =>
        JsonSerializer.SerializeToNode(config, config.GetType(), CheckpointStore.JsonOptions)!;

    private static string WeightsPath(string folder, string name) => Path.Combine(folder, name + ".bin");

    private static string ConfigPath(string folder, string name) => Path.Combine(folder, name + ".json");
}
