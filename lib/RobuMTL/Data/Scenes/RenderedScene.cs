namespace RobuMTL.Data.Scenes;

/// <summary>
/// A generated scene: the multi-task sample plus the renderer's geometry layers, which tests and figures use
/// to check labels against the geometry.
/// </summary>
/// <param name="Sample">Image and every label (semantic, parts, saliency, depth, normals, edges).</param>
/// <param name="Camera">Intrinsics that back-project depth to camera-space points.</param>
/// <param name="Instances">Object instance per pixel (H * W); 0 = sky, room surfaces and objects from 1.</param>
/// <param name="Surfaces">Smooth surface patch per pixel (H * W), unique per primitive face; -1 = sky.</param>
/// <param name="Planar">True where the pixel lies on a planar patch (floor, wall, box face, cap).</param>
public sealed record RenderedScene(
    MultiTaskSample Sample,
    PinholeCamera Camera,
    int[] Instances,
    int[] Surfaces,
    bool[] Planar);
