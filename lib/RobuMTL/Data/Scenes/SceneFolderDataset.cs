using RobuMTL.Data.Formats;
using RobuMTL.Imaging;

namespace RobuMTL.Data.Scenes;

/// <summary>Reads an exported scene folder (layout in <see cref="GeneratedSceneStore"/>) back as samples.</summary>
public sealed class SceneFolderDataset : IMultiTaskDataset
{
    private readonly string _folder;

    /// <summary>Opens <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataException">The folder has no readable manifest.json.</exception>
    public SceneFolderDataset(string folder)
    {
        _folder = folder;
        Manifest = GeneratedSceneStore.TryReadManifest(folder) ?? throw new InvalidDataException(
            $"'{folder}' has no readable manifest.json; regenerate it with GeneratedSceneStore.Ensure.");
        Info = SceneGenerator.Info with { Name = $"Generated scenes ({Path.GetFileName(folder.TrimEnd('/'))})" };
    }

    /// <summary>What the folder was generated with.</summary>
    public SceneManifest Manifest { get; }

    /// <inheritdoc />
    public DatasetInfo Info { get; }

    /// <inheritdoc />
    public int Count => Manifest.Count;

    /// <inheritdoc />
    public MultiTaskSample Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var id = SceneGenerator.SceneId(Manifest.FirstIndex + index);
        var image = RgbImage.Load(Path.Combine(_folder, "image", id + ".png"));
        var (w, h) = (image.Width, image.Height);
        return new MultiTaskSample
        {
            Id = id,
            Image = image,
            Semantic = LabelPng.Read(Path.Combine(_folder, "semseg", id + ".png"), w, h),
            HumanParts = LabelPng.Read(Path.Combine(_folder, "parts", id + ".png"), w, h),
            Saliency = LabelPng.Read(Path.Combine(_folder, "saliency", id + ".png"), w, h),
            Edges = LabelPng.Read(Path.Combine(_folder, "edge", id + ".png"), w, h),
            Depth = DenseFiles.ReadFloats(Path.Combine(_folder, "depth", id + ".npy"), h, w, 1),
            Normals = DenseFiles.ReadFloats(Path.Combine(_folder, "normals", id + ".npy"), h, w, 3),
        }.Validate();
    }
}
