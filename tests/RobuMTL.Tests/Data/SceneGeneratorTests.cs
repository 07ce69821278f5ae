using System.Numerics;
using RobuMTL.Data;
using RobuMTL.Data.Scenes;

namespace RobuMTL.Tests.Data;

public sealed class SceneGeneratorTests
{
    private static readonly SceneGenerator Generator = new(SceneGeneratorConfig.Tiny with { Seed = 3 });

    private static readonly RenderedScene[] Scenes = Enumerable.Range(0, 24).Select(Generator.Render).ToArray();

    [Fact]
    public void NormalsAreUnitLengthAndFaceTheCamera()
    {
        foreach (var scene in Scenes)
        {
            var s = scene.Sample;
            for (var p = 0; p < s.Width * s.Height; p++)
            {
                var n = new Vector3(s.Normals![3 * p], s.Normals[(3 * p) + 1], s.Normals[(3 * p) + 2]);
                if (s.Depth![p] == 0)
                {
                    Assert.Equal(Vector3.Zero, n);
                    continue;
                }

                Assert.InRange(n.Length(), 0.999f, 1.001f);
                var u = p % s.Width;
                var v = p / s.Width;
                if (Vector3.Dot(n, scene.Camera.Ray(u, v)) > 1e-5f)
                {
                    Assert.Fail($"{s.Id} pixel {p} faces away");
                }
            }
        }
    }

    [Fact]
    public void NormalsAgreeWithFiniteDifferencesOfDepthOnPlanes()
    {
        var checkedPixels = 0;
        foreach (var scene in Scenes)
        {
            var s = scene.Sample;
            var w = s.Width;
            for (var v = 0; v + 1 < s.Height; v++)
            {
                for (var u = 0; u + 1 < w; u++)
                {
                    var p = (v * w) + u;
                    if (!scene.Planar[p] || scene.Surfaces[p + 1] != scene.Surfaces[p]
                        || scene.Surfaces[p + w] != scene.Surfaces[p])
                    {
                        continue;
                    }

                    var x0 = scene.Camera.BackProject(u, v, s.Depth![p]);
                    var xr = scene.Camera.BackProject(u + 1, v, s.Depth[p + 1]);
                    var xd = scene.Camera.BackProject(u, v + 1, s.Depth[p + w]);
                    var fd = Vector3.Normalize(Vector3.Cross(xd - x0, xr - x0));
                    var n = new Vector3(s.Normals![3 * p], s.Normals[(3 * p) + 1], s.Normals[(3 * p) + 2]);
                    var angle = MathF.Acos(Math.Clamp(MathF.Abs(Vector3.Dot(fd, n)), 0f, 1f)) * 180f / MathF.PI;
                    if (angle >= 1.5f)
                    {
                        Assert.Fail($"{s.Id} ({u},{v}): normal differs by {angle:F2} deg");
                    }

                    checkedPixels++;
                }
            }
        }

        Assert.True(checkedPixels > 24 * 1000, $"only {checkedPixels} planar pixels checked");
    }

    [Fact]
    public void EdgesSitOnDepthOrClassBoundariesAndEveryClassBoundaryHasOne()
    {
        var cfg = Generator.Config;
        foreach (var scene in Scenes)
        {
            var s = scene.Sample;
            var (w, h) = (s.Width, s.Height);
            bool Boundary(int a, int b) => SceneRendererProbe.IsBoundary(scene, a, b, cfg.EdgeDepthRatio);
            for (var v = 0; v < h; v++)
            {
                for (var u = 0; u < w; u++)
                {
                    var p = (v * w) + u;
                    if (s.Edges![p] == 1)
                    {
                        var touches = (u + 1 < w && Boundary(p, p + 1)) || (u > 0 && Boundary(p, p - 1))
                            || (v + 1 < h && Boundary(p, p + w)) || (v > 0 && Boundary(p, p - w));
                        if (!touches)
                        {
                            Assert.Fail($"{s.Id} edge at ({u},{v}) has no boundary beside it");
                        }
                    }

                    if (u + 1 < w && s.Semantic![p] != s.Semantic[p + 1] && s.Edges[p] == 0 && s.Edges[p + 1] == 0)
                    {
                        Assert.Fail($"{s.Id} class change at ({u},{v}) without an edge");
                    }
                }
            }

            var fraction = s.Edges!.Count(e => e == 1) / (double)(w * h);
            Assert.InRange(fraction, 0.01, 0.35);
        }
    }

    [Fact]
    public void EveryClassAndPartAppearsAcrossABatchOfScenes()
    {
        var classes = Scenes.SelectMany(s => s.Sample.Semantic!).ToHashSet();
        var parts = Scenes.SelectMany(s => s.Sample.HumanParts!).Where(p => p != 255).ToHashSet();

        Assert.Equal(Enumerable.Range(0, 9).Select(i => (byte)i), classes.Order());
        Assert.Equal(Enumerable.Range(0, 7).Select(i => (byte)i), parts.Order());
    }

    [Fact]
    public void TheFigureStandsWithinItsDistanceRangeAndIsLargeEnoughToLearnItsParts()
    {
        var near = Generator.Config.PersonDistance;
        var withFigure = Scenes.Select(r => r.Sample).Where(s => s.Semantic!.Contains((byte)SceneClass.Person))
            .ToArray();
        Assert.NotEmpty(withFigure);

        foreach (var s in withFigure)
        {
            var onFigure = Enumerable.Range(0, s.Semantic!.Length)
                .Where(p => s.Semantic[p] == (byte)SceneClass.Person).ToArray();
            var nearest = onFigure.Min(p => s.Depth![p]);
            Assert.InRange(nearest, near.Min - 0.8f, near.Max + 0.1f);
        }

        // At 64 px a figure 5-10 m away covers ~0.4% of the image; within 2-4.5 m it covers several percent.
        var share = withFigure.Average(s => s.Semantic!.Count(c => c == (byte)SceneClass.Person)
            / (double)s.Semantic!.Length);
        Assert.True(share > 0.02, $"the figure covers {share:P2} of a 64 px image on average");
    }

    [Fact]
    public void PartsExistOnlyOnTheFigureAndAreIgnoredWithoutOne()
    {
        var withoutPerson = 0;
        foreach (var s in Scenes.Select(r => r.Sample))
        {
            var hasPerson = s.Semantic!.Contains((byte)SceneClass.Person);
            if (!hasPerson)
            {
                withoutPerson++;
                Assert.All(s.HumanParts!, p => Assert.Equal(255, p));
                continue;
            }

            for (var p = 0; p < s.Semantic!.Length; p++)
            {
                var onFigure = s.Semantic[p] == (byte)SceneClass.Person;
                var salient = s.Semantic[p] > (byte)SceneClass.Wall;
                if (onFigure != (s.HumanParts![p] != 0) || salient != (s.Saliency![p] == 1))
                {
                    Assert.Fail($"{s.Id} pixel {p}: class {s.Semantic[p]}, part {s.HumanParts[p]}");
                }
            }
        }

        Assert.InRange(withoutPerson, 1, Scenes.Length - 1);
    }

    [Fact]
    public void DepthIsPositiveOnSurfacesAndZeroOnlyOnSky()
    {
        foreach (var s in Scenes.Select(r => r.Sample))
        {
            var semantic = s.Semantic!;
            for (var p = 0; p < s.Depth!.Length; p++)
            {
                if ((semantic[p] == (byte)SceneClass.Background) != (s.Depth[p] == 0) || s.Depth[p] is < 0f or > 40f)
                {
                    Assert.Fail($"{s.Id} pixel {p}: class {semantic[p]} with depth {s.Depth[p]}");
                }
            }
        }
    }

    [Fact]
    public void ScenesAreReproduciblePerSeedAndIndex()
    {
        var again = new SceneGenerator(SceneGeneratorConfig.Tiny with { Seed = 3 });
        var other = new SceneGenerator(SceneGeneratorConfig.Tiny with { Seed = 4 });
        var parallel = again.GenerateMany(5, 3);

        Assert.Equal(Scenes[6].Sample.Image.Pixels, parallel[1].Image.Pixels);
        Assert.Equal(Scenes[6].Sample.Depth, parallel[1].Depth);
        Assert.Equal(Scenes[7].Sample.Semantic, parallel[2].Semantic);
        Assert.NotEqual(Scenes[6].Sample.Image.Pixels, other.Generate(6).Image.Pixels);
        Assert.Equal("0000006", parallel[1].Id);
    }

    [Fact]
    public void ConfigValidationNamesTheField()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(
            () => new SceneGenerator(SceneGeneratorConfig.Tiny with { ImageSize = 8 }));
        Assert.Contains("ImageSize", e.Message);
        e = Assert.Throws<ArgumentOutOfRangeException>(
            () => new SceneGenerator(SceneGeneratorConfig.Tiny with { MinObjects = 4, MaxObjects = 2 }));
        Assert.Contains("MaxObjects", e.Message);
    }

    [Fact]
    public void ImageCarriesTheStructure()
    {
        // The mean colour differs between classes, so the image is informative about the labels.
        var s = Scenes[0].Sample;
        var means = new Dictionary<byte, (float Sum, int Count)>();
        for (var p = 0; p < s.Semantic!.Length; p++)
        {
            var lum = s.Image.Pixels[3 * p] + s.Image.Pixels[(3 * p) + 1] + s.Image.Pixels[(3 * p) + 2];
            var (sum, count) = means.GetValueOrDefault(s.Semantic[p]);
            means[s.Semantic[p]] = (sum + lum, count + 1);
        }

        var values = means.Values.Where(m => m.Count > 20).Select(m => m.Sum / m.Count).ToArray();
        Assert.True(values.Max() - values.Min() > 0.1f);
        Assert.InRange(s.Image.Pixels.Average(), 0.1, 0.9);
    }
}

internal static class SceneRendererProbe
{
    public static bool IsBoundary(RenderedScene scene, int a, int b, float ratio) =>
        SceneRenderer.IsBoundary(a, b, scene.Sample.Semantic!, scene.Instances, scene.Surfaces,
            scene.Sample.Depth!, ratio);
}
