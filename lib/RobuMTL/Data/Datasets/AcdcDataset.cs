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

    /// <summary>The four ACDC condition folders.</summary>
    public static IReadOnlyList<string> Conditions { get; } = ["fog", "night", "rain", "snow"];

    private readonly (string Image, string Label, string Condition)[] _items;

    /// <summary>Lists every image of <paramref name="conditions"/> (default: all four) in the split.</summary>
    /// <exception cref="DirectoryNotFoundException">The root or a condition folder does not exist.</exception>
    /// <exception cref="InvalidDataException">No images were found.</exception>
    public AcdcDataset(string root, DatasetSplit split, IReadOnlyList<string>? conditions = null)
    {
        SplitList.RequireRoot(root, "ACDC");
        var name = split == DatasetSplit.Train ? "train" : "val";
        var items = new List<(string, string, string)>();
        foreach (var condition in conditions ?? Conditions)
        {
            if (!Conditions.Contains(condition))
            {
                throw new ArgumentException(
                    $"ACDC condition '{condition}' is not one of: {string.Join(", ", Conditions)}.",
                    nameof(conditions));
            }

            var folder = Path.Combine(root, "rgb_anon", condition, name);
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
            Condition = condition switch
            {
                "fog" => WeatherCondition.Fog,
                "rain" => WeatherCondition.Rain,
                "snow" => WeatherCondition.Snow,
                _ => null,
            },
        }.Validate();
    }
}
