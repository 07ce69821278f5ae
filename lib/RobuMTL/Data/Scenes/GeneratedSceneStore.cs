using System.Text.Json;
using RobuMTL.Core;
using RobuMTL.Data.Formats;

namespace RobuMTL.Data.Scenes;

/// <summary>
/// Exports generated scenes to disk and reuses them. Layout of one folder:
/// <c>manifest.json</c>, <c>image/&lt;id&gt;.png</c> (RGB), <c>semseg/</c>, <c>parts/</c>, <c>saliency/</c>,
/// <c>edge/</c> (<c>&lt;id&gt;.png</c>, 8-bit greyscale label values, 255 = ignore), <c>depth/&lt;id&gt;.npy</c>
/// (float32 (H, W), metres, 0 = invalid) and <c>normals/&lt;id&gt;.npy</c> (float32 (H, W, 3), camera space).
/// </summary>
public static class GeneratedSceneStore
{
    /// <summary>Index of the first validation scene (train scenes start at 0).</summary>
    public const int ValFirstIndex = 1_000_000;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, IncludeFields = true };

    /// <summary>
    /// The scenes of one profile's split, under <see cref="WorkbookPaths.GeneratedScenes"/>/train or /val,
    /// generated on first use.
    /// </summary>
    public static SceneFolderDataset ForProfile(
        WorkbookPaths paths, RunProfile profile, SceneSplit split, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(profile);
        var folder = Path.Combine(paths.GeneratedScenes(profile), split.ToString().ToLowerInvariant());
        var config = SceneGeneratorConfig.ForSize(profile.ImageSize, profile.Seed);
        return split == SceneSplit.Train
            ? Ensure(folder, config, 0, profile.TrainScenes, progress)
            : Ensure(folder, config, ValFirstIndex, profile.ValScenes, progress);
    }

    /// <summary>
    /// Opens <paramref name="folder"/> when its manifest matches (config, first index, count); otherwise renders
    /// the scenes into a temporary folder and swaps it in, so an interrupted export never leaves a folder that
    /// looks complete.
    /// </summary>
    /// <param name="folder">Target folder.</param>
    /// <param name="config">Generator settings.</param>
    /// <param name="firstIndex">First scene index.</param>
    /// <param name="count">Number of scenes.</param>
    /// <param name="progress">Receives the number of scenes written so far.</param>
    public static SceneFolderDataset Ensure(
        string folder, SceneGeneratorConfig config, int firstIndex, int count, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfNegative(firstIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var wanted = new SceneManifest(SceneManifest.CurrentFormat, config.Validate(), firstIndex, count);
        if (TryReadManifest(folder) is { } existing && SameManifest(existing, wanted))
        {
            return new SceneFolderDataset(folder);
        }

        var full = Path.GetFullPath(folder);
        var staging = full.TrimEnd(Path.DirectorySeparatorChar) + $".partial-{Environment.ProcessId}";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        var generator = new SceneGenerator(config);
        var done = 0;
        Parallel.For(0, count, i =>
        {
            Write(staging, generator.Generate(firstIndex + i));
            progress?.Report(Interlocked.Increment(ref done));
        });
        File.WriteAllText(Path.Combine(staging, "manifest.json"), JsonSerializer.Serialize(wanted, Json));

        if (Directory.Exists(full))
        {
            Directory.Delete(full, recursive: true);
        }

        Directory.Move(staging, full);
        return new SceneFolderDataset(full);
    }

    /// <summary>Reads a folder's manifest; null when the folder or manifest is absent or unreadable.</summary>
    public static SceneManifest? TryReadManifest(string folder)
    {
        var path = Path.Combine(folder, "manifest.json");
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SceneManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes one sample's files into <paramref name="folder"/> in the layout above.</summary>
    public static void Write(string folder, MultiTaskSample sample)
    {
        var (w, h, id) = (sample.Width, sample.Height, sample.Id);
        sample.Image.Save(Path.Combine(folder, "image", id + ".png"));
        LabelPng.Write(Path.Combine(folder, "semseg", id + ".png"), Required(sample.Semantic, id), w, h);
        LabelPng.Write(Path.Combine(folder, "parts", id + ".png"), Required(sample.HumanParts, id), w, h);
        LabelPng.Write(Path.Combine(folder, "saliency", id + ".png"), Required(sample.Saliency, id), w, h);
        LabelPng.Write(Path.Combine(folder, "edge", id + ".png"), Required(sample.Edges, id), w, h);
        NpyFile.Write(Path.Combine(folder, "depth", id + ".npy"), Required(sample.Depth, id), h, w);
        NpyFile.Write(Path.Combine(folder, "normals", id + ".npy"), Required(sample.Normals, id), h, w, 3);
    }

    private static T Required<T>(T? labels, string id) where T : class =>
        labels ?? throw new ArgumentException($"scene '{id}' lacks a label every exported scene must carry");

    private static bool SameManifest(SceneManifest a, SceneManifest b) =>
        a.Format == b.Format && a.FirstIndex == b.FirstIndex && a.Count == b.Count && a.Config == b.Config;
}
