namespace RobuMTL.Weather;

/// <summary>The blur kinds to draw from and their ImageNet-C severity tables (pixels at any image size).</summary>
/// <param name="Kinds">Kinds drawn uniformly per image.</param>
/// <param name="GaussianSigmas">Gaussian blur sigma per level.</param>
/// <param name="DefocusRadii">Disk radius per level.</param>
/// <param name="DefocusAliasSigmas">Sigma of the small Gaussian that anti-aliases the disk, per level.</param>
/// <param name="MotionRadii">Motion kernel radius per level (the kernel has 2 * radius + 1 taps).</param>
/// <param name="MotionSigmas">Sigma of the one-sided Gaussian weights along the motion line, per level.</param>
/// <param name="MotionAngle">Motion direction in degrees from the x axis.</param>
/// <param name="ReferenceSize">
/// Image side the pixel tables are tuned for; radii and sigmas scale by min(H, W) / ReferenceSize so a level
/// blurs every image size alike. Null applies the tables in pixels at any size (ImageNet-C's own behaviour).
/// </param>
public sealed record BlurConfig(
    IReadOnlyList<BlurKind> Kinds,
    IReadOnlyList<double> GaussianSigmas,
    IReadOnlyList<double> DefocusRadii,
    IReadOnlyList<double> DefocusAliasSigmas,
    IReadOnlyList<double> MotionRadii,
    IReadOnlyList<double> MotionSigmas,
    ParameterRange MotionAngle,
    double? ReferenceSize = null)
{
    /// <summary>
    /// ImageNet-C: Gaussian sigma 1, 2, 3, 4, 6; defocus radius 3, 4, 6, 8, 10 (alias .1, .5, .5, .5, .5);
    /// motion radius 10, 15, 15, 15, 20 with sigma 3, 5, 8, 12, 15 at an angle in [-45, 45]; all three kinds.
    /// The tables are ImageNet-C's at 224 px and scale with the image side (at 224 px they are exact).
    /// </summary>
    public static BlurConfig ImageNetC { get; } = new(
        [BlurKind.Gaussian, BlurKind.Defocus, BlurKind.Motion],
        [1, 2, 3, 4, 6],
        [3, 4, 6, 8, 10],
        [0.1, 0.5, 0.5, 0.5, 0.5],
        [10, 15, 15, 15, 20],
        [3, 5, 8, 12, 15],
        new ParameterRange(-45, 45),
        ReferenceSize: 224);

    /// <summary>The factor pixel tables are multiplied by for an image of the given size.</summary>
    public double ScaleFor(int width, int height) =>
        ReferenceSize is { } reference ? Math.Min(width, height) / reference : 1.0;

    /// <summary>Throws when a table or the kind list is malformed.</summary>
    public void Validate()
    {
        if (Kinds is null || Kinds.Count == 0 || Kinds.Any(k => !Enum.IsDefined(k)))
        {
            throw new ArgumentException("BlurConfig.Kinds must list at least one defined BlurKind");
        }

        SeverityTable.Validate(nameof(GaussianSigmas), GaussianSigmas);
        SeverityTable.Validate(nameof(DefocusRadii), DefocusRadii);
        SeverityTable.Validate(nameof(MotionRadii), MotionRadii);
        SeverityTable.Validate(nameof(MotionSigmas), MotionSigmas);
        SeverityTable.Validate(nameof(DefocusAliasSigmas), DefocusAliasSigmas);
        if (DefocusAliasSigmas.Any(s => s <= 0) || MotionSigmas.Any(s => s <= 0))
        {
            throw new ArgumentException("blur sigmas must be positive");
        }

        MotionAngle.Validate(nameof(MotionAngle), -360, 360);
        if (ReferenceSize is <= 0)
        {
            throw new ArgumentException($"BlurConfig.ReferenceSize must be positive or null, got {ReferenceSize}");
        }
    }
}
