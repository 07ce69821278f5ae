using System.Numerics;

namespace RobuMTL.Data.Scenes;

/// <summary>
/// Intrinsics of the scene camera. Camera space is x right, y down, z forward; pixel (u, v) has its centre at
/// (u + 0.5, v + 0.5), and depth is the z coordinate (not the ray length).
/// </summary>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Fx">Focal length in pixels along x.</param>
/// <param name="Fy">Focal length in pixels along y.</param>
/// <param name="Cx">Principal point x in pixels.</param>
/// <param name="Cy">Principal point y in pixels.</param>
public sealed record PinholeCamera(int Width, int Height, float Fx, float Fy, float Cx, float Cy)
{
    /// <summary>A centred square-pixel camera with the given field of view across the width.</summary>
    public static PinholeCamera FromFieldOfView(int width, int height, float fieldOfViewDegrees)
    {
        var f = width / 2f / MathF.Tan(fieldOfViewDegrees * MathF.PI / 360f);
        return new PinholeCamera(width, height, f, f, width / 2f, height / 2f);
    }

    /// <summary>The camera-space ray through pixel (u, v), scaled so its z component is 1.</summary>
    public Vector3 Ray(int u, int v) => new((u + 0.5f - Cx) / Fx, (v + 0.5f - Cy) / Fy, 1f);

    /// <summary>The camera-space point seen at pixel (u, v) with the given depth.</summary>
    public Vector3 BackProject(int u, int v, float depth) => Ray(u, v) * depth;
}
