using RobuMTL.Data.Formats;
using RobuMTL.Imaging;
using RobuMTL.Tasks;
using RobuMTL.Weather;

namespace RobuMTL.Data.Datasets;

/// <summary>
/// ACDC (adverse conditions: fog, night, rain, snow) for the segmentation transfer check: 19 Cityscapes
/// train ids, 255 ignore. Files: <c>rgb_anon/&lt;condition&gt;/&lt;split&gt;/&lt;sequence&gt;/*_rgb_anon.png</c>
/// with <c>gt/&lt;condition&gt;/&lt;split&gt;/&lt;sequence&gt;/*_gt_labelTrainIds.png</c>. Samples carry the
/// matching <see cref="WeatherCondition"/> (night has none: null).
/// </summary>
public sealed class AcdcDataset : IMultiTaskDataset
{
    /// <summary>The 19 Cityscapes evaluation classes, index = train id.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
    [
        "road", "sidewalk", "building", "wall", "fence", "pole", "traffic light", "traffic sign", "vegetation",
        "terrain", "sky", "person", "rider", "car", "truck", "bus", "train", "motorcycle", "bicycle",
    ];

    private readonly (string Image, string Label, AcdcCondition Condition)[] _items;

    /// <summary>Lists every image of <paramref name="conditions"/> (default: all four) in the split.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A condition is not a defined <see cref="AcdcCondition"/>.
    /// </exception>
    /// <exception cref="DirectoryNotFoundException">The root or a condition folder does not exist.</exception>
    /// <exception cref="InvalidDataException">No images were found.</exception>
    public AcdcDataset(string root, DatasetSplit split, IReadOnlyList<AcdcCondition>? conditions = null)
    {
        SplitList.RequireRoot(root, "ACDC");
        var name = split == DatasetSplit.Train ? "train" : "val";
        var items = new List<(string, string, AcdcCondition)>();
        foreach (var condition in conditions ?? Enum.GetValues<AcdcCondition>())
        {
            if (!Enum.IsDefined(condition))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(conditions), condition,
                    $"not an ACDC condition; choose from {string.Join(", ", Enum.GetNames<AcdcCondition>())}.");
            }

            var folder = Path.Combine(root, "rgb_anon", FolderName(condition), name);
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException(
                    $"ACDC: '{folder}' does not exist; expected rgb_anon/<condition>/<split>/<sequence>/.");
            }

            foreach (var image in Directory.EnumerateFiles(folder, "*_rgb_anon.png", SearchOption.AllDirectories)
                         .Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(Path.Combine(root, "rgb_anon"), image);
                var label = Path.Combine(root, "gt", relative)
                    .Replace("_rgb_anon.png", "_gt_labelTrainIds.png", StringComparison.Ordinal);
                items.Add((image, label, condition));
            }
        }

        _items = items.Count > 0
            ? [.. items]
            : throw new InvalidDataException($"ACDC: no *_rgb_anon.png images under '{root}' for split {name}.");
        Info = new DatasetInfo($"ACDC ({name})", [TaskKind.SemanticSegmentation], ClassNames.Count, 0, ClassNames, []);
    }

    /// <inheritdoc />
    public DatasetInfo Info { get; }

    /// <summary>The folder of <paramref name="condition"/> under <c>rgb_anon/</c> and <c>gt/</c>.</summary>
    public static string FolderName(AcdcCondition condition) => condition.ToString().ToLowerInvariant();

    /// <summary>The synthetic condition matching an ACDC one; night has none.</summary>
    public static WeatherCondition? WeatherFor(AcdcCondition condition) => condition switch
    {
        AcdcCondition.Fog => WeatherCondition.Fog,
        AcdcCondition.Rain => WeatherCondition.Rain,
        AcdcCondition.Snow => WeatherCondition.Snow,
        _ => null,
    };

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public MultiTaskSample Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var (imagePath, labelPath, condition) = _items[index];
        var image = RgbImage.Load(imagePath);
        var semantic = LabelPng.Read(labelPath, image.Width, image.Height);
        SplitList.CheckLabels(semantic, ClassNames.Count, labelPath, "Cityscapes train id");
        return new MultiTaskSample
        {
            Id = Path.GetFileName(imagePath).Replace("_rgb_anon.png", "", StringComparison.Ordinal),
            Image = image,
            Semantic = semantic,
            Condition = WeatherFor(condition),
        }.Validate();
    }
}
