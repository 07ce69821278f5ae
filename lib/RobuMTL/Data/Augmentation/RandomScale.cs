namespace RobuMTL.Data.Augmentation;

/// <summary>
/// Zooms about the image centre by a factor drawn from [<paramref name="Min"/>, <paramref name="Max"/>] and keeps
/// the size (the scale part of the benchmark's ScaleNRotate): zooming out pads with ignore / invalid values.
/// </summary>
/// <param name="Min">Smallest factor (the recipe uses 0.75).</param>
/// <param name="Max">Largest factor (the recipe uses 1.25).</param>
public sealed record RandomScale(double Min = 0.75, double Max = 1.25) : ISampleTransform
{
    /// <inheritdoc />
    public MultiTaskSample Apply(MultiTaskSample sample, Random random)
    {
        if (Min <= 0 || Max < Min)
        {
            throw new ArgumentOutOfRangeException(nameof(Min), $"RandomScale needs 0 < Min <= Max, got {Min}..{Max}");
        }

        var factor = Min + ((Max - Min) * random.NextDouble());
        var (w, h) = (sample.Width, sample.Height);
        var (sw, sh) = (Math.Max(1, (int)Math.Round(w * factor)), Math.Max(1, (int)Math.Round(h * factor)));
        var scaled = SampleGeometry.Resize(sample, sw, sh);
        return SampleGeometry.CropOrPad(scaled, (sw - w) / 2, (sh - h) / 2, w, h, ImageNetNormalization.Mean);
    }
}
