using System.Numerics;

namespace RobuMTL.Data.Scenes;

/// <summary>What a ray hit: distance along the (unnormalised) ray, outward normal, local point, face.</summary>
internal struct SurfaceHit
{
    public float T;
    public Vector3 Normal;
    public Vector3 Local;
    public int Face;
    public bool Planar;
}

/// <summary>
/// A solid or plane with an exact ray intersection. Rays are <c>o + t d</c> with d not normalised, so t is in
/// units of d (the renderer scales d to unit camera z, making t the depth).
/// </summary>
internal abstract class Primitive(SceneMaterial material)
{
    private const float Epsilon = 1e-4f;

    public SceneMaterial Material { get; } = material;

    /// <summary>Nearest hit with Epsilon &lt; t &lt; tMax.</summary>
    public abstract bool Intersect(Vector3 o, Vector3 d, float tMax, out SurfaceHit hit);

    protected static bool Accept(float t, float tMax) => t > Epsilon && t < tMax;
}

/// <summary>An axis-aligned plane clipped to a box of valid points (walls and floor).</summary>
internal sealed class PlanePrimitive(SceneMaterial material, int axis, float offset, Vector3 min, Vector3 max)
    : Primitive(material)
{
    public override bool Intersect(Vector3 o, Vector3 d, float tMax, out SurfaceHit hit)
    {
        hit = default;
        var dn = Component(d, axis);
        if (MathF.Abs(dn) < 1e-12f)
        {
            return false;
        }

        var t = (offset - Component(o, axis)) / dn;
        if (!Accept(t, tMax))
        {
            return false;
        }

        var p = o + (t * d);
        if (p.X < min.X || p.Y < min.Y || p.Z < min.Z || p.X > max.X || p.Y > max.Y || p.Z > max.Z)
        {
            return false;
        }

        var normal = Vector3.Zero;
        SetComponent(ref normal, axis, dn > 0 ? -1f : 1f);
        hit = new SurfaceHit { T = t, Normal = normal, Local = p, Face = 0, Planar = true };
        return true;
    }

    internal static float Component(Vector3 v, int axis) => axis switch { 0 => v.X, 1 => v.Y, _ => v.Z };

    internal static void SetComponent(ref Vector3 v, int axis, float value)
    {
        switch (axis)
        {
            case 0: v.X = value; break;
            case 1: v.Y = value; break;
            default: v.Z = value; break;
        }
    }
}

/// <summary>A box rotated by <c>yaw</c> about the vertical axis (slab test in the box frame).</summary>
internal sealed class BoxPrimitive(SceneMaterial material, Vector3 centre, Vector3 half, float yaw)
    : Primitive(material)
{
    private readonly float _cos = MathF.Cos(yaw);
    private readonly float _sin = MathF.Sin(yaw);

    public override bool Intersect(Vector3 o, Vector3 d, float tMax, out SurfaceHit hit)
    {
        hit = default;
        var lo = ToLocal(o - centre);
        var ld = ToLocal(d);
        var tNear = float.NegativeInfinity;
        var tFar = float.PositiveInfinity;
        var axis = -1;
        var sign = 0f;
        for (var a = 0; a < 3; a++)
        {
            var oa = PlanePrimitive.Component(lo, a);
            var da = PlanePrimitive.Component(ld, a);
            var ha = PlanePrimitive.Component(half, a);
            if (MathF.Abs(da) < 1e-12f)
            {
                if (oa < -ha || oa > ha)
                {
                    return false;
                }

                continue;
            }

            var t1 = (-ha - oa) / da;
            var t2 = (ha - oa) / da;
            var entrySign = -1f;
            if (t1 > t2)
            {
                (t1, t2) = (t2, t1);
                entrySign = 1f;
            }

            if (t1 > tNear)
            {
                tNear = t1;
                axis = a;
                sign = entrySign;
            }

            tFar = MathF.Min(tFar, t2);
        }

        if (axis < 0 || tNear > tFar || !Accept(tNear, tMax))
        {
            return false;
        }

        var local = Vector3.Zero;
        PlanePrimitive.SetComponent(ref local, axis, sign);
        hit = new SurfaceHit
        {
            T = tNear,
            Normal = ToWorld(local),
            Local = lo + (tNear * ld),
            Face = (axis * 2) + (sign > 0 ? 1 : 0),
            Planar = true,
        };
        return true;
    }

    private Vector3 ToLocal(Vector3 v) => new((_cos * v.X) - (_sin * v.Z), v.Y, (_sin * v.X) + (_cos * v.Z));

    private Vector3 ToWorld(Vector3 v) => new((_cos * v.X) + (_sin * v.Z), v.Y, (-_sin * v.X) + (_cos * v.Z));
}

/// <summary>A sphere.</summary>
internal sealed class SpherePrimitive(SceneMaterial material, Vector3 centre, float radius) : Primitive(material)
{
    public override bool Intersect(Vector3 o, Vector3 d, float tMax, out SurfaceHit hit)
    {
        hit = default;
        var oc = o - centre;
        var a = Vector3.Dot(d, d);
        var b = Vector3.Dot(oc, d);
        var c = Vector3.Dot(oc, oc) - (radius * radius);
        var disc = (b * b) - (a * c);
        if (disc < 0)
        {
            return false;
        }

        var t = (-b - MathF.Sqrt(disc)) / a;
        if (!Accept(t, tMax))
        {
            return false;
        }

        var local = oc + (t * d);
        hit = new SurfaceHit { T = t, Normal = local / radius, Local = local, Face = 0, Planar = false };
        return true;
    }
}

/// <summary>A vertical cylinder standing on its base centre, with flat caps.</summary>
internal sealed class CylinderPrimitive(SceneMaterial material, Vector3 baseCentre, float radius, float height)
    : Primitive(material)
{
    public override bool Intersect(Vector3 o, Vector3 d, float tMax, out SurfaceHit hit)
    {
        hit = default;
        var oc = o - baseCentre;
        var found = false;

        // Side: a circle in the xz plane, valid between the caps.
        var a = (d.X * d.X) + (d.Z * d.Z);
        if (a > 1e-12f)
        {
            var b = (oc.X * d.X) + (oc.Z * d.Z);
            var c = (oc.X * oc.X) + (oc.Z * oc.Z) - (radius * radius);
            var disc = (b * b) - (a * c);
            if (disc >= 0)
            {
                var t = (-b - MathF.Sqrt(disc)) / a;
                var y = oc.Y + (t * d.Y);
                if (Accept(t, tMax) && y >= 0 && y <= height)
                {
                    var local = oc + (t * d);
                    var normal = Vector3.Normalize(new Vector3(local.X, 0, local.Z));
                    hit = new SurfaceHit { T = t, Normal = normal, Local = local, Face = 0, Planar = false };
                    tMax = t;
                    found = true;
                }
            }
        }

        // Caps: the planes y = 0 and y = height inside the radius.
        if (MathF.Abs(d.Y) > 1e-12f)
        {
            for (var cap = 0; cap < 2; cap++)
            {
                var capY = cap == 0 ? height : 0f;
                var t = (capY - oc.Y) / d.Y;
                var local = oc + (t * d);
                if (Accept(t, tMax) && (local.X * local.X) + (local.Z * local.Z) <= radius * radius)
                {
                    var normal = new Vector3(0, cap == 0 ? 1 : -1, 0);
                    hit = new SurfaceHit { T = t, Normal = normal, Local = local, Face = 1 + cap, Planar = true };
                    tMax = t;
                    found = true;
                }
            }
        }

        return found;
    }
}

/// <summary>A capsule: all points within <c>radius</c> of the segment a-b (limbs and torso of the figure).</summary>
internal sealed class CapsulePrimitive(SceneMaterial material, Vector3 a, Vector3 b, float radius)
    : Primitive(material)
{
    public override bool Intersect(Vector3 o, Vector3 d, float tMax, out SurfaceHit hit)
    {
        hit = default;
        var ba = b - a;
        var oa = o - a;
        var baba = Vector3.Dot(ba, ba);
        var bard = Vector3.Dot(ba, d);
        var baoa = Vector3.Dot(ba, oa);
        var rdoa = Vector3.Dot(d, oa);
        var oaoa = Vector3.Dot(oa, oa);
        var rdrd = Vector3.Dot(d, d);

        // Body: the infinite cylinder around the axis, kept where the hit projects inside the segment.
        var qa = (baba * rdrd) - (bard * bard);
        var qb = (baba * rdoa) - (baoa * bard);
        var qc = (baba * oaoa) - (baoa * baoa) - (radius * radius * baba);
        var h = (qb * qb) - (qa * qc);
        if (h < 0)
        {
            return false;
        }

        float t = float.NaN;
        if (qa > 1e-12f)
        {
            var tb = (-qb - MathF.Sqrt(h)) / qa;
            var y = baoa + (tb * bard);
            if (y > 0 && y < baba)
            {
                t = tb;
            }
        }

        if (float.IsNaN(t))
        {
            // End caps: the sphere at whichever end the body hit fell beyond.
            var tb = qa > 1e-12f ? (-qb - MathF.Sqrt(h)) / qa : 0f;
            var y = baoa + (tb * bard);
            var oc = y <= 0 ? oa : o - b;
            var sb = Vector3.Dot(d, oc);
            var sc = Vector3.Dot(oc, oc) - (radius * radius);
            var sh = (sb * sb) - (rdrd * sc);
            if (sh < 0)
            {
                return false;
            }

            t = (-sb - MathF.Sqrt(sh)) / rdrd;
        }

        if (!Accept(t, tMax))
        {
            return false;
        }

        var p = o + (t * d);
        var pa = p - a;
        var along = Math.Clamp(Vector3.Dot(pa, ba) / baba, 0f, 1f);
        var normal = Vector3.Normalize(pa - (ba * along));
        hit = new SurfaceHit { T = t, Normal = normal, Local = pa, Face = 0, Planar = false };
        return true;
    }
}
