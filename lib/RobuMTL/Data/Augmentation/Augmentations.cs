namespace RobuMTL.Data.Augmentation;

/// <summary>The benchmark's augmentation recipes as composed transforms.</summary>
public static class Augmentations
{
    /// <summary>
    /// Training: horizontal flip, zoom 0.75..1.25 about the centre, resize to <paramref name="size"/>.
    /// ImageNet normalisation follows at collate.
    /// </summary>
    /// <remarks>Known limitation: the recipe's random rotation (ScaleNRotate, +-20 degrees) is not applied.</remarks>
    public static ISampleTransform Train(int size) =>
        SampleTransforms.Compose(new HorizontalFlip(), new RandomScale(), new Resize(size));

    /// <summary>Evaluation: resize to <paramref name="size"/> only.</summary>
    public static ISampleTransform Eval(int size) => new Resize(size);
}
