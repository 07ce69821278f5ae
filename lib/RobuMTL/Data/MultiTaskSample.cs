using RobuMTL.Imaging;
using RobuMTL.Tasks;
using RobuMTL.Weather;

namespace RobuMTL.Data;

/// <summary>
/// One image with its dense labels for every task its dataset carries. Labels are row-major arrays of the
/// image's size (index <c>y * W + x</c>); a task the dataset lacks is <c>null</c>. Samples are immutable by
/// convention: transforms return new samples (<c>with</c>) and never write into the arrays of their input.
/// </summary>
public sealed record MultiTaskSample
{
    /// <summary>The value that marks a pixel to ignore in every byte label map.</summary>
    public const byte Ignore = 255;

    /// <summary>Identifier of the sample in its dataset (file stem or scene index).</summary>
    public required string Id { get; init; }

    /// <summary>The RGB image, (H, W, 3) floats in [0, 1].</summary>
    public required RgbImage Image { get; init; }

    /// <summary>Semantic class per pixel (H * W), 0..classes-1, <see cref="Ignore"/> = void.</summary>
    public byte[]? Semantic { get; init; }

    /// <summary>
    /// Human part per pixel (H * W): 0 background, 1..6 parts. As in PASCAL-Context, an image without any
    /// person is all <see cref="Ignore"/>, so it adds nothing to the parts loss.
    /// </summary>
    public byte[]? HumanParts { get; init; }

    /// <summary>Saliency per pixel (H * W): 0 background, 1 salient, <see cref="Ignore"/> = unknown.</summary>
    public byte[]? Saliency { get; init; }

    /// <summary>Depth in metres per pixel (H * W); 0 marks an invalid reading.</summary>
    public float[]? Depth { get; init; }

    /// <summary>
    /// Surface normals (H * W * 3, interleaved x, y, z), unit vectors in camera space (x right, y down,
    /// z forward, so a surface facing the camera has z &lt; 0); (0, 0, 0) marks an invalid pixel.
    /// </summary>
    public float[]? Normals { get; init; }

    /// <summary>Edge per pixel (H * W): 1 on a boundary, 0 elsewhere, <see cref="Ignore"/> = unknown.</summary>
    public byte[]? Edges { get; init; }

    /// <summary>
    /// The weather condition applied to <see cref="Image"/> (the largest share of a mixture); null when none was
    /// recorded.
    /// </summary>
    public WeatherCondition? Condition { get; init; }

    /// <summary>
    /// Each <see cref="WeatherCondition"/>'s share of the weather on <see cref="Image"/>, indexed by its numeric
    /// value and summing to 1 (one-hot for a single condition or a clean image; a mixture's shares otherwise);
    /// null when none was recorded.
    /// </summary>
    public float[]? ConditionWeights { get; init; }

    /// <summary>The strength every applied condition used; null for a clean image or when none was recorded.</summary>
    public WeatherSeverity? Severity { get; init; }

    /// <summary>Image width (W).</summary>
    public int Width => Image.Width;

    /// <summary>Image height (H).</summary>
    public int Height => Image.Height;

    /// <summary>True when the sample carries a label for <paramref name="task"/>.</summary>
    public bool Has(TaskKind task) => task switch
    {
        TaskKind.SemanticSegmentation => Semantic is not null,
        TaskKind.HumanParts => HumanParts is not null,
        TaskKind.Saliency => Saliency is not null,
        TaskKind.Normals => Normals is not null,
        TaskKind.Edges => Edges is not null,
        TaskKind.Depth => Depth is not null,
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "unknown task"),
    };

    /// <summary>The tasks this sample carries labels for, in <see cref="TaskKind"/> order.</summary>
    public IReadOnlyList<TaskKind> Tasks => Enum.GetValues<TaskKind>().Where(Has).ToArray();

    /// <summary>Checks that every present label has the image's size.</summary>
    /// <exception cref="InvalidDataException">A label array has the wrong length; the message names it.</exception>
    public MultiTaskSample Validate()
    {
        var pixels = Width * Height;
        Check(Semantic?.Length, pixels, "semantic");
        Check(HumanParts?.Length, pixels, "human parts");
        Check(Saliency?.Length, pixels, "saliency");
        Check(Depth?.Length, pixels, "depth");
        Check(Normals?.Length, pixels * 3, "normals");
        Check(Edges?.Length, pixels, "edges");
        return this;
    }

    private void Check(int? length, int expected, string what)
    {
        if (length is { } actual && actual != expected)
        {
            throw new InvalidDataException(
                $"Sample '{Id}': {what} label has {actual} values, expected {expected} for a "
                + $"{Width}x{Height} image.");
        }
    }
}
