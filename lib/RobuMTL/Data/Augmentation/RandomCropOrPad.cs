namespace RobuMTL.Data.Augmentation;

/// <summary>
/// Cuts a window of a fixed size at a random position (centred when <paramref name="Random"/> is false),
/// padding where the image is smaller: image with the ImageNet mean colour (0 after normalisation), class maps
/// and masks with 255, depth and normals with 0.
/// </summary>
/// <param name="Width">Output width.</param>
/// <param name="Height">Output height.</param>
/// <param name="Random">Random position (training) or centred (evaluation).</param>
public sealed record RandomCropOrPad(int Width, int Height, bool Random = true) : ISampleTransform
{
    /// <inheritdoc />
    public MultiTaskSample Apply(MultiTaskSample sample, System.Random random)
    {
        var slackX = sample.Width - Width;
        var slackY = sample.Height - Height;
        var left = Random ? Offset(slackX, random) : slackX / 2;
        var top = Random ? Offset(slackY, random) : slackY / 2;
        return SampleGeometry.CropOrPad(sample, left, top, Width, Height, ImageNetNormalization.Mean);
    }

    private static int Offset(int slack, System.Random random) =>
        slack >= 0 ? random.Next(slack + 1) : -random.Next(-slack + 1);
}
