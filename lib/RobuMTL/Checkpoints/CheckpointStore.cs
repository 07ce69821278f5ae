using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Checkpoints;

/// <summary>
/// Checkpoints of training phases under one root folder, one sub-folder per phase holding
/// <c>config.json</c> (the settings the phase was started with), <c>checkpoint.bin</c> (counters, RNG
/// state, module state and optimizer state, replaced atomically) and, once the phase has finished,
/// <c>phase.complete.json</c>.
/// </summary>
public sealed class CheckpointStore
{
    /// <summary>File name of the JSON settings beside each checkpoint.</summary>
    public const string ConfigFileName = "config.json";

    /// <summary>File name of the checkpoint itself.</summary>
    public const string CheckpointFileName = "checkpoint.bin";

    /// <summary>File name of the marker a finished phase leaves.</summary>
    public const string CompleteFileName = "phase.complete.json";

    private const string Magic = "RobuMTL.Checkpoint";
    private const int FormatVersion = 1;

    /// <summary>Options used for every JSON file the store writes: indented, enums as names.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Creates a store rooted at <paramref name="root"/> (created on first write).</summary>
    public CheckpointStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>Absolute root folder.</summary>
    public string Root { get; }

    /// <summary>The folder of a phase.</summary>
    /// <exception cref="ArgumentException">The name is empty or not a plain folder name.</exception>
    public string PhaseDirectory(string phase)
    {
        var valid = !string.IsNullOrWhiteSpace(phase) && phase != "." && phase != ".."
            && phase.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
        return valid
            ? Path.Combine(Root, phase)
            : throw new ArgumentException(
                $"Phase name '{phase}' cannot name a checkpoint folder; use letters, digits, '-', '_' or '.'.",
                nameof(phase));
    }

    /// <summary>
    /// Saves <paramref name="config"/> as the phase's <c>config.json</c> when there is none yet, and otherwise
    /// compares it with the saved one.
    /// </summary>
    /// <exception cref="CheckpointMismatchException">
    /// The saved config differs; the message names the fields.
    /// </exception>
    public void EnsureCompatible(string phase, JsonNode config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var directory = PhaseDirectory(phase);
        var path = Path.Combine(directory, ConfigFileName);
        if (!File.Exists(path))
        {
            AtomicFile.WriteAllText(path, config.ToJsonString(JsonOptions));
            return;
        }

        JsonNode? saved;
        try
        {
            saved = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"'{path}' is not valid JSON ({e.Message}); delete the folder '{directory}' to start the phase over.",
                e);
        }

        var differences = ConfigDiff.Compare(saved, config);
        if (differences.Count > 0)
        {
            throw new CheckpointMismatchException(directory, differences);
        }
    }

    /// <summary>
    /// Compares parts of a phase's saved <c>config.json</c>, each addressed by a dotted path such as
    /// <c>run.model</c>, with the values a caller is about to load the phase's weights for. Unlike
    /// <see cref="EnsureCompatible"/> it never writes and looks at nothing else, so a run with other epoch
    /// counts can still read a completed phase.
    /// </summary>
    /// <exception cref="CheckpointMismatchException">
    /// A part differs; the message names every differing field and the phase folder.
    /// </exception>
    /// <exception cref="InvalidDataException">The phase has no readable <c>config.json</c>.</exception>
    public void EnsureSavedMatches(string phase, IReadOnlyDictionary<string, JsonNode?> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var directory = PhaseDirectory(phase);
        var path = Path.Combine(directory, ConfigFileName);
        JsonNode? saved;
        try
        {
            saved = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new InvalidDataException(
                $"'{path}' cannot be read as a phase config ({e.Message}); delete the folder '{directory}' to "
                + "train the phase again.",
                e);
        }

        var differences = parts
            .SelectMany(part => ConfigDiff.Compare(At(saved, part.Key), part.Value, part.Key))
            .ToList();
        if (differences.Count > 0)
        {
            throw new CheckpointMismatchException(
                directory, differences,
                "Its weights were trained for that configuration: load it with the settings it was trained "
                + "with, or delete that folder to train the phase again with the current ones.");
        }
    }

    /// <summary>Whether the phase has left its completion marker.</summary>
    public bool IsComplete(string phase) => File.Exists(Path.Combine(PhaseDirectory(phase), CompleteFileName));

    /// <summary>Writes the completion marker with the final counters.</summary>
    public void MarkComplete(TrainingState final)
    {
        ArgumentNullException.ThrowIfNull(final);
        var path = Path.Combine(PhaseDirectory(final.Phase), CompleteFileName);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(final, JsonOptions));
    }

    /// <summary>
    /// Replaces the phase's checkpoint with the current counters, the default generator's RNG state, the
    /// module state and the optimizer state.
    /// </summary>
    public void Save(TrainingState state, nn.Module model, OptimizerHelper optimizer)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        var path = Path.Combine(PhaseDirectory(state.Phase), CheckpointFileName);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(JsonSerializer.Serialize(state, JsonOptions));
            using (var rng = get_rng_state())
            {
                var bytes = rng.data<byte>().ToArray();
                writer.Write(bytes.Length);
                writer.Write(bytes);
            }

            model.save(writer);
            optimizer.save_state_dict(writer);
            writer.Flush();
        });
    }

    /// <summary>
    /// The state-dict names of the parameters the phase trained, as its <c>config.json</c> records them; null
    /// when the phase has not started.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not JSON or has no "trainable" list.</exception>
    public IReadOnlyList<string>? ReadTrainableNames(string phase)
    {
        var path = Path.Combine(PhaseDirectory(phase), ConfigFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path))?["trainable"]?.AsArray()
                .Select(n => n!.GetValue<string>()).ToArray()
                ?? throw new InvalidDataException($"'{path}' has no \"trainable\" list; the trainer writes one.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"'{path}' is not a phase config ({e.Message}).", e);
        }
    }

    /// <summary>The counters of the phase's checkpoint without loading tensors; null when there is none.</summary>
    public TrainingState? ReadState(string phase)
    {
        var path = Path.Combine(PhaseDirectory(phase), CheckpointFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        return ReadHeader(reader, path, phase);
    }

    /// <summary>
    /// Restores module, optimizer and RNG state from the phase's checkpoint and returns its counters; null
    /// (and nothing changed) when the phase has no checkpoint yet.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint of this phase or is damaged.</exception>
    public TrainingState? TryLoad(string phase, nn.Module model, OptimizerHelper optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        return Load(phase, model, optimizer);
    }

    /// <summary>
    /// Restores only the module and RNG state from the phase's last checkpoint (for example the result of a
    /// completed phase before the next one starts); null when the phase has no checkpoint.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint of this phase or is damaged.</exception>
    public TrainingState? TryLoadModel(string phase, nn.Module model) => Load(phase, model, optimizer: null);

    private TrainingState? Load(string phase, nn.Module model, OptimizerHelper? optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        var directory = PhaseDirectory(phase);
        RemoveLeftoverTemporaryFiles(directory);
        var path = Path.Combine(directory, CheckpointFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        var state = ReadHeader(reader, path, phase);
        try
        {
            var rngBytes = reader.ReadBytes(reader.ReadInt32());
            model.load(reader);
            optimizer?.load_state_dict(reader);
            using var rng = tensor(rngBytes);
            set_rng_state(rng);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or InvalidDataException
            or InvalidOperationException)
        {
            throw new InvalidDataException(
                $"'{path}' does not fit this model or optimizer ({e.Message}); delete the folder "
                + $"'{directory}' to train the phase from the start.",
                e);
        }

        return state;
    }

    private static JsonNode? At(JsonNode? node, string dottedPath)
    {
        foreach (var key in dottedPath.Split('.'))
        {
            node = node is JsonObject parent ? parent[key] : null;
        }

        return node;
    }

    // A process killed while writing leaves its temporary file; the run that resumes the phase removes it.
    private static void RemoveLeftoverTemporaryFiles(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory, $".{CheckpointFileName}.*.tmp"))
        {
            File.Delete(file);
        }
    }

    private static TrainingState ReadHeader(BinaryReader reader, string path, string phase)
    {
        try
        {
            var magic = reader.ReadString();
            var version = reader.ReadInt32();
            if (magic != Magic || version != FormatVersion)
            {
                throw new InvalidDataException($"'{path}' is not a version {FormatVersion} RobuMTL checkpoint.");
            }

            var state = JsonSerializer.Deserialize<TrainingState>(reader.ReadString(), JsonOptions)
                ?? throw new InvalidDataException($"'{path}' holds no training state.");
            return state.Phase == phase
                ? state
                : throw new InvalidDataException(
                    $"'{path}' belongs to phase '{state.Phase}', not '{phase}'; the folder was renamed or copied.");
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException)
        {
            throw new InvalidDataException(
                $"'{path}' is damaged ({e.Message}); delete it to train the phase from the start.", e);
        }
    }
}
