using System.Numerics;

namespace RobuMTL.Data.Scenes;

/// <summary>The procedural pattern a surface is painted with.</summary>
internal enum TexturePattern
{
    Solid,
    Tiles,
    Wallpaper,
    Grain,
    Bands,
    Flutes,
    Foliage,
}

/// <summary>Labels and appearance of a primitive: class, part, instance, and pattern with two colours.</summary>
internal sealed record SceneMaterial(
    SceneClass Class,
    HumanPart Part,
    int Instance,
    TexturePattern Pattern,
    Vector3 ColorA,
    Vector3 ColorB,
    float Scale);

/// <summary>Hash-based value noise and the patterns built on it (deterministic, no state).</summary>
internal static class ProceduralTexture
{
    public static Vector3 Shade(SceneMaterial m, Vector3 local, int seed)
    {
        var s = m.Scale;
        var n = Noise(local * (4f / s), seed);
        switch (m.Pattern)
        {
            case TexturePattern.Tiles:
                {
                    var cell = (int)MathF.Floor(local.X / s) + (int)MathF.Floor(local.Z / s);
                    var grout = Frac(local.X / s) < 0.04f || Frac(local.Z / s) < 0.04f;
                    var baseColor = (cell & 1) == 0 ? m.ColorA : m.ColorB;
                    return grout ? baseColor * 0.55f : baseColor * (0.9f + (0.2f * n));
                }

            case TexturePattern.Wallpaper:
                {
                    var stripe = MathF.Sin((local.X + local.Z) * MathF.PI * 2f / s) > 0.6f;
                    return (stripe ? m.ColorB : m.ColorA) * (0.92f + (0.16f * n));
                }

            case TexturePattern.Grain:
                {
                    var warp = Noise(local * (2f / s), seed + 7) * 3f;
                    var ring = 0.5f + (0.5f * MathF.Sin(((local.X / s) * 12f) + warp));
                    return Vector3.Lerp(m.ColorA, m.ColorB, ring * 0.6f);
                }

            case TexturePattern.Bands:
                {
                    var y = MathF.Abs(local.Y) / s;
                    return (y < 0.25f ? m.ColorB : m.ColorA) * (0.95f + (0.1f * n));
                }

            case TexturePattern.Flutes:
                {
                    var angle = MathF.Atan2(local.Z, local.X);
                    var flute = 0.8f + (0.2f * MathF.Cos(angle * 10f));
                    return Vector3.Lerp(m.ColorA, m.ColorB, n * 0.5f) * flute;
                }

            case TexturePattern.Foliage:
                {
                    var fine = Noise(local * (14f / s), seed + 3);
                    return Vector3.Lerp(m.ColorA, m.ColorB, Math.Clamp((fine * 1.6f) - 0.3f, 0f, 1f));
                }

            default:
                return m.ColorA * (0.95f + (0.1f * n));
        }
    }

    /// <summary>Trilinear value noise in [0, 1] with smoothstep weights.</summary>
    public static float Noise(Vector3 p, int seed)
    {
        var (x0, y0, z0) = ((int)MathF.Floor(p.X), (int)MathF.Floor(p.Y), (int)MathF.Floor(p.Z));
        var (fx, fy, fz) = (Smooth(p.X - x0), Smooth(p.Y - y0), Smooth(p.Z - z0));
        float Lerp(float a, float b, float t) => a + ((b - a) * t);
        float Corner(int dx, int dy, int dz) => Hash(x0 + dx, y0 + dy, z0 + dz, seed);
        var x00 = Lerp(Corner(0, 0, 0), Corner(1, 0, 0), fx);
        var x10 = Lerp(Corner(0, 1, 0), Corner(1, 1, 0), fx);
        var x01 = Lerp(Corner(0, 0, 1), Corner(1, 0, 1), fx);
        var x11 = Lerp(Corner(0, 1, 1), Corner(1, 1, 1), fx);
        return Lerp(Lerp(x00, x10, fy), Lerp(x01, x11, fy), fz);
    }

    /// <summary>A hash of four integers to [0, 1).</summary>
    public static float Hash(int x, int y, int z, int seed)
    {
        var h = (uint)((x * 73856093) ^ (y * 19349663) ^ (z * 83492791) ^ (seed * 668265263));
        h ^= h >> 16;
        h *= 0x7FEB352Du;
        h ^= h >> 15;
        h *= 0x846CA68Bu;
        h ^= h >> 16;
        return (h & 0xFFFFFF) / 16777216f;
    }

    private static float Smooth(float t) => t * t * (3f - (2f * t));

    private static float Frac(float v) => v - MathF.Floor(v);
}
