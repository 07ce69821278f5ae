using RobuMTL.Data.Formats;
using RobuMTL.Imaging;
using RobuMTL.Tasks;

namespace RobuMTL.Data.Datasets;

/// <summary>
/// PASCAL-Context in the multi-task layout of Multi-Task-Learning-PyTorch / MTLoRA: semantic segmentation
/// (21 classes), human parts (6 + background), saliency and surface normals. Files under the root:
/// <c>JPEGImages/&lt;id&gt;.jpg</c>, <c>semseg/pascal-context/&lt;id&gt;.png</c> (or <c>semseg/VOC12</c>),
/// <c>human_parts/&lt;id&gt;.mat</c> (the PASCAL-Part <c>anno</c> struct, grouped into 6 parts here, or a
/// numeric map of groups; no person with parts, or no file: all labels 255),
/// <c>normals_distill/&lt;id&gt;.png</c> (n = 2v/255 - 1, renormalised), <c>sal_distill/&lt;id&gt;.png</c>
/// (v/255 &gt; 0.5), split lists <c>ImageSets/Context/{train,val}.txt</c>.
/// </summary>
/// <remarks>
/// Known limitation: the edge task is not loaded (the benchmark derives it from the original PASCAL-Context
/// .mat label maps, which are not part of this layout).
/// </remarks>
public sealed class PascalContextDataset : IMultiTaskDataset
{
    /// <summary>The 21 semantic classes (background and the 20 VOC classes).</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
    [
        "background", "aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car", "cat", "chair", "cow",
        "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa", "train", "tvmonitor",
    ];

    private readonly string _root;
    private readonly string _semsegFolder;
    private readonly string[] _ids;

    /// <summary>Opens the split; checks the root and split list now, each sample's files when it is read.</summary>
    /// <exception cref="DirectoryNotFoundException">
    /// The root does not exist, or neither <c>semseg/pascal-context</c> nor <c>semseg/VOC12</c> does.
    /// </exception>
    /// <exception cref="InvalidDataException">The split list is missing or empty.</exception>
    public PascalContextDataset(string root, DatasetSplit split)
    {
        SplitList.RequireRoot(root, "PASCAL-Context");
        _root = root;
        var name = split == DatasetSplit.Train ? "train" : "val";
        _ids = SplitList.Read(Path.Combine(root, "ImageSets", "Context", name + ".txt"), "PASCAL-Context", root);
        var context = Path.Combine(root, "semseg", "pascal-context");
        var voc = Path.Combine(root, "semseg", "VOC12");
        _semsegFolder = Directory.Exists(context) ? context
            : Directory.Exists(voc) ? voc
            : throw new DirectoryNotFoundException(
                $"PASCAL-Context: neither '{context}' nor '{voc}' exists; put the semantic label PNGs in one of "
                + "them as in data/README.md.");
        Info = new DatasetInfo(
            $"PASCAL-Context MTL ({name})",
            [TaskKind.SemanticSegmentation, TaskKind.HumanParts, TaskKind.Saliency, TaskKind.Normals],
            SemanticClasses: ClassNames.Count,
            PartClasses: DatasetInfo.PascalPartNames.Count,
            ClassNames,
            DatasetInfo.PascalPartNames);
    }

    /// <inheritdoc />
    public DatasetInfo Info { get; }

    /// <inheritdoc />
    public int Count => _ids.Length;

    /// <summary>The image ids of the split, in list order.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <inheritdoc />
    public MultiTaskSample Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var id = _ids[index];
        var image = RgbImage.Load(Path.Combine(_root, "JPEGImages", id + ".jpg"));
        var (w, h) = (image.Width, image.Height);

        var semsegPath = Path.Combine(_semsegFolder, id + ".png");
        var semantic = LabelPng.Read(semsegPath, w, h);
        SplitList.CheckLabels(semantic, ClassNames.Count, semsegPath, "semantic");

        var partsPath = Path.Combine(_root, "human_parts", id + ".mat");
        var parts = File.Exists(partsPath) ? ReadParts(partsPath, h, w) : null;
        if (parts is null)
        {
            parts = new byte[w * h];
            Array.Fill(parts, MultiTaskSample.Ignore);
        }

        var salPath = Path.Combine(_root, "sal_distill", id + ".png");
        var saliency = LabelPng.Read(salPath, w, h).Select(v => v / 255f > 0.5f ? (byte)1 : (byte)0).ToArray();

        var normalsPath = Path.Combine(_root, "normals_distill", id + ".png");
        var normalsImage = RgbImage.Load(normalsPath);
        if (normalsImage.Width != w || normalsImage.Height != h)
        {
            throw new InvalidDataException(
                $"'{normalsPath}' is {normalsImage.Width}x{normalsImage.Height}, expected {w}x{h} like its image.");
        }

        // RgbImage holds v / 255, so n = 2v/255 - 1 is 2x - 1.
        var normals = SplitList.Renormalize(normalsImage.Pixels.Select(x => (2f * x) - 1f).ToArray());

        return new MultiTaskSample
        {
            Id = id,
            Image = image,
            Semantic = semantic,
            HumanParts = parts,
            Saliency = saliency,
            Normals = normals,
        }.Validate();
    }

    /// <summary>
    /// The grouped part map of one image: a numeric matrix already holding groups 0..6 (255 ignore), or the
    /// original PASCAL-Part <c>anno</c> struct grouped here; null when the image has no person with parts.
    /// </summary>
    private static byte[]? ReadParts(string path, int h, int w)
    {
        IReadOnlyList<MatValue> variables;
        try
        {
            variables = MatFile.ReadVariables(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"'{path}' is not a readable MATLAB v5 file: {e.Message}", e);
        }

        if (variables.OfType<MatStruct>().FirstOrDefault(v => v.Name == "anno") is { } anno)
        {
            return PascalPartGrouping.Group(anno, h, w, path);
        }

        var matrix = variables.OfType<MatNumeric>().FirstOrDefault(v => v.Dims.Length == 2)
            ?? throw new InvalidDataException(
                $"'{path}' holds neither an 'anno' struct nor a numeric part map.");
        if (matrix.Dims[0] != h || matrix.Dims[1] != w)
        {
            throw new InvalidDataException(
                $"'{path}' holds a {matrix.Dims[0]}x{matrix.Dims[1]} matrix, expected {h}x{w} (rows x columns) "
                + "like its image.");
        }

        var parts = new MatMatrix(matrix.Name, h, w, matrix.Data).ToRowMajorBytes();
        SplitList.CheckLabels(parts, DatasetInfo.PascalPartNames.Count, path, "human part");
        return parts;
    }
}
