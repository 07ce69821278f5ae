using System.Numerics;
using RobuMTL.Imaging;

namespace RobuMTL.Data.Scenes;

/// <summary>Ray casts a <see cref="SceneLayout"/> per pixel and derives every label from the hits.</summary>
internal static class SceneRenderer
{
    private const float Ambient = 0.35f;

    public static RenderedScene Render(SceneLayout scene, SceneGeneratorConfig config, string id)
    {
        var size = config.ImageSize;
        var n = size * size;
        var camera = PinholeCamera.FromFieldOfView(size, size, config.FieldOfViewDegrees);
        var pixels = new float[n * 3];
        var semantic = new byte[n];
        var parts = new byte[n];
        var saliency = new byte[n];
        var depth = new float[n];
        var normals = new float[n * 3];
        var instances = new int[n];
        var surfaces = new int[n];
        var planar = new bool[n];
        var noise = new Random(scene.TextureSeed);
        var anyPerson = false;

        for (var v = 0; v < size; v++)
        {
            for (var u = 0; u < size; u++)
            {
                var p = (v * size) + u;
                var ray = camera.Ray(u, v);
                var d = (ray.X * scene.Right) + (ray.Y * scene.Down) + scene.Forward; // world, camera z = 1
                Vector3 color;
                if (!Cast(scene, scene.Eye, d, float.MaxValue, out var hit, out var prim, out var primIndex))
                {
                    var up = Math.Clamp(Vector3.Normalize(d).Y * 2f, 0f, 1f);
                    color = Vector3.Lerp(scene.SkyHorizon, scene.SkyTop, up);
                    surfaces[p] = -1;
                }
                else
                {
                    var m = prim!.Material;
                    var normal = Vector3.Normalize(hit.Normal);
                    if (Vector3.Dot(normal, d) > 0)
                    {
                        normal = -normal;
                    }

                    semantic[p] = (byte)m.Class;
                    parts[p] = (byte)m.Part;
                    anyPerson |= m.Class == SceneClass.Person;
                    saliency[p] = m.Class > SceneClass.Wall ? (byte)1 : (byte)0;
                    depth[p] = hit.T;
                    instances[p] = m.Instance;
                    surfaces[p] = (primIndex * 8) + hit.Face;
                    planar[p] = hit.Planar;

                    // Camera-space normal: x right, y down, z forward.
                    normals[3 * p] = Vector3.Dot(normal, scene.Right);
                    normals[(3 * p) + 1] = Vector3.Dot(normal, scene.Down);
                    normals[(3 * p) + 2] = Vector3.Dot(normal, scene.Forward);

                    var albedo = ProceduralTexture.Shade(m, hit.Local, scene.TextureSeed + m.Instance);
                    var lambert = MathF.Max(0f, Vector3.Dot(normal, scene.ToLight));
                    if (lambert > 0 && config.Shadows)
                    {
                        var point = scene.Eye + (hit.T * d) + (normal * 1e-3f);
                        if (Occluded(scene, point, scene.ToLight))
                        {
                            lambert = 0f;
                        }
                    }

                    color = albedo * (Ambient + ((1f - Ambient) * lambert));
                }

                for (var c = 0; c < 3; c++)
                {
                    var jitter = config.PixelNoise * ((noise.NextSingle() * 2f) - 1f);
                    pixels[(3 * p) + c] = Math.Clamp(Component(color, c) + jitter, 0f, 1f);
                }
            }
        }

        if (!anyPerson)
        {
            Array.Fill(parts, MultiTaskSample.Ignore);
        }

        var edges = Edges(size, semantic, instances, surfaces, depth, config.EdgeDepthRatio);
        var sample = new MultiTaskSample
        {
            Id = id,
            Image = new RgbImage(size, size, pixels),
            Semantic = semantic,
            HumanParts = parts,
            Saliency = saliency,
            Depth = depth,
            Normals = normals,
            Edges = edges,
        };
        return new RenderedScene(sample, camera, instances, surfaces, planar);
    }

    /// <summary>
    /// One-pixel-wide boundaries: between a pixel and its right or lower neighbour when the class or object
    /// changes, or the surface changes with a relative depth jump. The nearer pixel of the pair is marked
    /// (sky counts as farthest), so a contour lies on the occluding object, as in contour datasets.
    /// </summary>
    internal static byte[] Edges(int size, byte[] semantic, int[] instances, int[] surfaces, float[] depth,
        float depthRatio)
    {
        var edges = new byte[size * size];
        for (var v = 0; v < size; v++)
        {
            for (var u = 0; u < size; u++)
            {
                var p = (v * size) + u;
                if (u + 1 < size)
                {
                    Mark(p, p + 1);
                }

                if (v + 1 < size)
                {
                    Mark(p, p + size);
                }
            }
        }

        return edges;

        void Mark(int a, int b)
        {
            if (!IsBoundary(a, b, semantic, instances, surfaces, depth, depthRatio))
            {
                return;
            }

            var da = depth[a] > 0 ? depth[a] : float.MaxValue;
            var db = depth[b] > 0 ? depth[b] : float.MaxValue;
            edges[db < da ? b : a] = 1;
        }
    }

    internal static bool IsBoundary(int a, int b, byte[] semantic, int[] instances, int[] surfaces, float[] depth,
        float depthRatio)
    {
        if (semantic[a] != semantic[b] || instances[a] != instances[b])
        {
            return true;
        }

        if (surfaces[a] == surfaces[b] || depth[a] <= 0 || depth[b] <= 0)
        {
            return false;
        }

        return MathF.Abs(depth[a] - depth[b]) > depthRatio * MathF.Min(depth[a], depth[b]);
    }

    private static bool Cast(SceneLayout scene, Vector3 o, Vector3 d, float tMax, out SurfaceHit best,
        out Primitive? bestPrim, out int bestIndex)
    {
        best = default;
        bestPrim = null;
        bestIndex = -1;
        var index = 0;
        foreach (var obj in scene.Objects)
        {
            if (!obj.MayHit(o, d))
            {
                index += obj.Parts.Length;
                continue;
            }

            foreach (var prim in obj.Parts)
            {
                if (prim.Intersect(o, d, tMax, out var hit))
                {
                    best = hit;
                    bestPrim = prim;
                    bestIndex = index;
                    tMax = hit.T;
                }

                index++;
            }
        }

        return bestPrim is not null;
    }

    /// <summary>Any-hit test for shadow rays: stops at the first primitive in the way.</summary>
    private static bool Occluded(SceneLayout scene, Vector3 o, Vector3 d)
    {
        foreach (var obj in scene.Objects)
        {
            if (!obj.MayHit(o, d))
            {
                continue;
            }

            foreach (var prim in obj.Parts)
            {
                if (prim.Intersect(o, d, float.MaxValue, out _))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static float Component(Vector3 v, int c) => c switch { 0 => v.X, 1 => v.Y, _ => v.Z };
}
