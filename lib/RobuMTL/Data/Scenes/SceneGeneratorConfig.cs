namespace RobuMTL.Data.Scenes;

/// <summary>
/// Settings of the procedural scene generator: a room (floor, three walls, open sky) with objects and
/// optionally one jointed figure, seen by a pinhole camera. Distances are metres. Derive variants with
/// <c>with</c>; the generator validates on construction.
/// </summary>
public sealed record SceneGeneratorConfig
{
    /// <summary>Square image side in pixels (16..1024; the workbook uses 64..448).</summary>
    public int ImageSize { get; init; } = 128;

    /// <summary>Scene i is drawn from a generator seeded by (Seed, i), so any scene can be redrawn alone.</summary>
    public int Seed { get; init; }

    /// <summary>Field of view of the square pinhole camera, in degrees.</summary>
    public float FieldOfViewDegrees { get; init; } = 60f;

    /// <summary>Fewest objects besides the room (the figure counts as one).</summary>
    public int MinObjects { get; init; } = 2;

    /// <summary>Most objects besides the room.</summary>
    public int MaxObjects { get; init; } = 5;

    /// <summary>Chance that a scene holds the figure; scenes without it have all-ignore part labels.</summary>
    public float PersonProbability { get; init; } = 0.75f;

    /// <summary>
    /// Distance from the camera at which the figure stands (its depth along the view axis, clipped to the room).
    /// Life-size and further than about 5 m, a figure covers some 20 of a 64 px image's 4096 pixels, too few for
    /// six body parts to be learnt on a CPU budget; 2 to 4.5 m keeps every part a few pixels wide at 64 px.
    /// </summary>
    public FloatRange PersonDistance { get; init; } = new(2f, 4.5f);

    /// <summary>Distance between the side walls.</summary>
    public FloatRange RoomWidth { get; init; } = new(5f, 9f);

    /// <summary>Distance from the camera to the back wall.</summary>
    public FloatRange RoomDepth { get; init; } = new(6f, 11f);

    /// <summary>Wall height; above the walls the sky (background, invalid depth) shows.</summary>
    public FloatRange WallHeight { get; init; } = new(2.6f, 3.6f);

    /// <summary>Cast a shadow ray per pixel toward the light (about 1.5x slower, more realistic shading).</summary>
    public bool Shadows { get; init; } = true;

    /// <summary>Amplitude of uniform per-pixel sensor noise added to the [0, 1] image.</summary>
    public float PixelNoise { get; init; } = 0.01f;

    /// <summary>Relative depth jump between two different surfaces that counts as an edge.</summary>
    public float EdgeDepthRatio { get; init; } = 0.05f;

    /// <summary>64 px scenes for tests and the smoke profile.</summary>
    public static SceneGeneratorConfig Tiny { get; } = new() { ImageSize = 64 };

    /// <summary>128 px scenes for the quick CPU profile.</summary>
    public static SceneGeneratorConfig Small { get; } = new() { ImageSize = 128 };

    /// <summary>448 px scenes, the paper's input size.</summary>
    public static SceneGeneratorConfig Paper { get; } = new() { ImageSize = 448 };

    /// <summary>The default settings at <paramref name="imageSize"/> with <paramref name="seed"/>.</summary>
    public static SceneGeneratorConfig ForSize(int imageSize, int seed = 0) =>
        new() { ImageSize = imageSize, Seed = seed };

    /// <summary>Throws on out-of-range settings, naming the field and the rule.</summary>
    public SceneGeneratorConfig Validate()
    {
        Require(ImageSize is >= 16 and <= 1024, nameof(ImageSize), ImageSize, "must be in 16..1024");
        Require(FieldOfViewDegrees is > 10f and < 150f, nameof(FieldOfViewDegrees), FieldOfViewDegrees,
            "must be in (10, 150)");
        Require(MinObjects >= 0 && MaxObjects >= MinObjects && MaxObjects <= 12, nameof(MaxObjects),
            $"{MinObjects}..{MaxObjects}", "needs 0 <= MinObjects <= MaxObjects <= 12");
        Require(PersonProbability is >= 0f and <= 1f, nameof(PersonProbability), PersonProbability,
            "must be a probability");
        Require(PersonDistance.Min >= 1.5f && PersonDistance.Max >= PersonDistance.Min, nameof(PersonDistance),
            PersonDistance, "needs 1.5 <= Min <= Max (the whole figure in front of the camera)");
        Require(RoomWidth.Min >= 2f && RoomWidth.Max >= RoomWidth.Min, nameof(RoomWidth), RoomWidth,
            "needs 2 <= Min <= Max");
        Require(RoomDepth.Min >= 4f && RoomDepth.Max >= RoomDepth.Min, nameof(RoomDepth), RoomDepth,
            "needs 4 <= Min <= Max");
        Require(WallHeight.Min >= 2.2f && WallHeight.Max >= WallHeight.Min, nameof(WallHeight), WallHeight,
            "needs 2.2 <= Min <= Max (walls above the camera)");
        Require(PixelNoise is >= 0f and <= 0.5f, nameof(PixelNoise), PixelNoise, "must be in 0..0.5");
        Require(EdgeDepthRatio > 0f, nameof(EdgeDepthRatio), EdgeDepthRatio, "must be positive");
        return this;
    }

    private static void Require(bool ok, string name, object value, string rule)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"SceneGeneratorConfig.{name} {rule}.");
        }
    }
}
