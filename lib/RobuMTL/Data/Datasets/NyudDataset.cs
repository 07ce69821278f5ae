using RobuMTL.Data.Formats;
using RobuMTL.Imaging;
using RobuMTL.Tasks;

namespace RobuMTL.Data.Datasets;

/// <summary>
/// NYUD-v2 in the multi-task layout of Multi-Task-Learning-PyTorch / MTLoRA: semantic segmentation (40 classes),
/// depth, surface normals and edges. Files under the root: <c>images/&lt;id&gt;.jpg</c>,
/// <c>segmentation/&lt;id&gt;.png</c> (0 void -&gt; 255, 1..40 -&gt; 0..39), <c>depth/&lt;id&gt;.npy</c>
/// (metres, 0 invalid), <c>normals/&lt;id&gt;.npy</c> ((H, W, 3) in [-1, 1], renormalised),
/// <c>edge/&lt;id&gt;.npy</c> (&gt; 0.5 is an edge), split lists <c>gt_sets/{train,val}.txt</c>.
/// </summary>
public sealed class NyudDataset : IMultiTaskDataset
{
    /// <summary>Number of NYUD-v2 semantic classes (labels 0..39 after the shift).</summary>
    public const int Classes = 40;

    private readonly string _root;
    private readonly string[] _ids;

    /// <summary>Opens the split; checks the root and split list now, each sample's files when it is read.</summary>
    /// <exception cref="DirectoryNotFoundException">The root does not exist.</exception>
    /// <exception cref="InvalidDataException">The split list is missing or empty.</exception>
    public NyudDataset(string root, DatasetSplit split)
    {
        SplitList.RequireRoot(root, "NYUD-v2");
        _root = root;
        var name = split == DatasetSplit.Train ? "train" : "val";
        _ids = SplitList.Read(Path.Combine(root, "gt_sets", name + ".txt"), "NYUD-v2", root);
        Info = new DatasetInfo(
            $"NYUD-v2 MTL ({name})",
            [TaskKind.SemanticSegmentation, TaskKind.Normals, TaskKind.Edges, TaskKind.Depth],
            SemanticClasses: Classes,
            PartClasses: 0,
            Enumerable.Range(1, Classes).Select(i => $"class{i}").ToArray(),
            []);
    }

    /// <inheritdoc />
    public DatasetInfo Info { get; }

    /// <inheritdoc />
    public int Count => _ids.Length;

    /// <inheritdoc />
    public MultiTaskSample Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var id = _ids[index];
        var image = RgbImage.Load(Path.Combine(_root, "images", id + ".jpg"));
        var (w, h) = (image.Width, image.Height);

        var segPath = Path.Combine(_root, "segmentation", id + ".png");
        var raw = LabelPng.Read(segPath, w, h);
        var semantic = new byte[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            semantic[i] = raw[i] switch
            {
                0 => MultiTaskSample.Ignore,
                <= Classes => (byte)(raw[i] - 1),
                _ => throw new InvalidDataException(
                    $"'{segPath}': label {raw[i]} at pixel {i} is not 0 (void) or a class 1..{Classes}."),
            };
        }

        var depth = DenseFiles.ReadFloats(Path.Combine(_root, "depth", id + ".npy"), h, w, 1);
        var rawNormals = DenseFiles.ReadFloats(Path.Combine(_root, "normals", id + ".npy"), h, w, 3);
        var normals = SplitList.Renormalize(rawNormals);
        var edgeValues = DenseFiles.ReadFloats(Path.Combine(_root, "edge", id + ".npy"), h, w, 1);
        var edges = edgeValues.Select(v => v > 0.5f ? (byte)1 : (byte)0).ToArray();

        return new MultiTaskSample
        {
            Id = id,
            Image = image,
            Semantic = semantic,
            Depth = depth,
            Normals = normals,
            Edges = edges,
        }.Validate();
    }
}
