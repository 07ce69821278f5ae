using RobuMTL.Data;
using RobuMTL.Data.Augmentation;

namespace RobuMTL.Tests.Data;

public sealed class AugmentationTests
{
    private static MultiTaskSample Sample() => MultiTaskBatchTests.Sample("s", 4, 3, 1);

    [Fact]
    public void FlipMirrorsEveryMapAndNegatesNormalX()
    {
        var s = Sample();
        var f = SampleGeometry.FlipHorizontal(s);

        // Pixel (x=0, y=1) comes from (x=3, y=1): index 4 <- 7.
        Assert.Equal(s.Semantic![7], f.Semantic![4]);
        Assert.Equal(s.Depth![7], f.Depth![4]);
        Assert.Equal(s.Image.Pixels[(7 * 3) + 2], f.Image.Pixels[(4 * 3) + 2]);
        Assert.Equal(-s.Normals![7 * 3], f.Normals![4 * 3]);
        Assert.Equal(s.Normals[(7 * 3) + 1], f.Normals[(4 * 3) + 1]);
        Assert.Equal(s.Semantic, SampleGeometry.FlipHorizontal(f).Semantic);
        Assert.Equal(s.Normals, SampleGeometry.FlipHorizontal(f).Normals);
    }

    [Fact]
    public void ResizeUsesBilinearForImageNearestForLabelsAndUnitNormals()
    {
        var s = Sample();
        var r = SampleGeometry.Resize(s, 8, 6);

        // Nearest: output (x=3, y=5) maps to source (1, 2).
        Assert.Equal(s.Semantic![(2 * 4) + 1], r.Semantic![(5 * 8) + 3]);
        Assert.Equal(s.Depth![(2 * 4) + 1], r.Depth![(5 * 8) + 3]);
        Assert.All(r.Semantic, v => Assert.Contains(v, s.Semantic));

        // Bilinear: output x=1 sits at source x=0.25 between pixels 0 and 1 of row 0.
        var expected = (0.75f * s.Image.Pixels[0]) + (0.25f * s.Image.Pixels[3]);
        Assert.Equal(expected, r.Image.Pixels[3], 5);

        for (var p = 0; p < 8 * 6; p++)
        {
            var n = r.Normals!;
            Assert.Equal(1f, MathF.Sqrt((n[3 * p] * n[3 * p]) + (n[(3 * p) + 1] * n[(3 * p) + 1])
                + (n[(3 * p) + 2] * n[(3 * p) + 2])), 4);
        }
    }

    [Fact]
    public void CropOrPadFillsWithIgnoreAndInvalid()
    {
        var s = Sample();
        var c = SampleGeometry.CropOrPad(s, -1, 1, 3, 3, ImageNetNormalization.Mean);

        Assert.Equal((3, 3), (c.Width, c.Height));
        Assert.Equal(255, c.Semantic![0]);
        Assert.Equal(s.Semantic![4], c.Semantic[1]);
        Assert.Equal(s.Depth![5], c.Depth![2]);
        Assert.All(new[] { 6, 7, 8 }, p => Assert.Equal(255, c.Saliency![p]));
        Assert.Equal(0f, c.Depth[7]);
        Assert.Equal(0f, c.Normals![(7 * 3) + 1]);
        Assert.Equal(0.456f, c.Image.Pixels[(7 * 3) + 1]);
    }

    [Fact]
    public void TrainRecipeKeepsSizeAndIsSeeded()
    {
        var s = Sample();
        var recipe = Augmentations.Train(5).AsFunc();

        var a = recipe(s, 11);
        var b = recipe(s, 11);

        Assert.Equal((5, 5), (a.Width, a.Height));
        Assert.Equal(a.Semantic, b.Semantic);
        Assert.Equal(a.Image.Pixels, b.Image.Pixels);
        var distinct = Enumerable.Range(0, 20).Select(seed => string.Join(",", recipe(s, seed).Semantic!)).Distinct();
        Assert.True(distinct.Count() > 2);
        Assert.All(a.Semantic!, v => Assert.True(v < 4 || v == 255));
    }

    [Fact]
    public void RandomScaleZoomsAboutTheCentre()
    {
        var s = Sample() with { Semantic = Enumerable.Range(0, 400).Select(i => (byte)(i % 20)).ToArray() };
        s = SampleGeometry.Resize(MultiTaskBatchTests.Sample("big", 20, 20, 0), 20, 20) with { Semantic = s.Semantic };
        var zoomOut = new RandomScale(0.5, 0.5).Apply(s, new Random(1));

        Assert.Equal(255, zoomOut.Semantic![0]);
        Assert.Equal(0f, zoomOut.Depth![0]);
        Assert.NotEqual(255, zoomOut.Semantic[(10 * 20) + 10]);
    }
}
