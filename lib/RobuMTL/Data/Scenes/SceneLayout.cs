using System.Numerics;

namespace RobuMTL.Data.Scenes;

/// <summary>A group of primitives with a bounding sphere that lets most rays skip the group.</summary>
internal sealed record SceneObject(Vector3 BoundCentre, float BoundRadius, Primitive[] Parts)
{
    public bool MayHit(Vector3 o, Vector3 d)
    {
        if (float.IsPositiveInfinity(BoundRadius))
        {
            return true;
        }

        var oc = o - BoundCentre;
        var b = Vector3.Dot(oc, d);
        var c = Vector3.Dot(oc, oc) - (BoundRadius * BoundRadius);
        return c < 0 || (b < 0 && (b * b) - (Vector3.Dot(d, d) * c) >= 0);
    }
}

/// <summary>
/// One random scene: camera pose (world y up), light, sky, and objects. World x is right and z forward from
/// the camera's base position; the back wall faces the camera.
/// </summary>
internal sealed class SceneLayout
{
    private readonly List<SceneObject> _objects = [];
    private readonly List<(float X, float Z, float R)> _footprints = [];
    private int _nextInstance = 1;
    private SceneObject[]? _objectArray;

    public SceneLayout(SceneGeneratorConfig config, Random random)
    {
        Random = random;
        Width = config.RoomWidth.Sample(random);
        Depth = config.RoomDepth.Sample(random);
        WallHeight = config.WallHeight.Sample(random);
        TextureSeed = random.Next();

        // Camera: near the front, eye height, small yaw, looking slightly down.
        var yaw = (random.NextSingle() - 0.5f) * 0.5f;
        var pitch = 0.08f + (random.NextSingle() * 0.25f);
        Eye = new Vector3((random.NextSingle() - 0.5f) * Width * 0.4f, 1.2f + (random.NextSingle() * 0.6f), 0f);
        Forward = new Vector3(
            MathF.Sin(yaw) * MathF.Cos(pitch), -MathF.Sin(pitch), MathF.Cos(yaw) * MathF.Cos(pitch));
        Right = new Vector3(MathF.Cos(yaw), 0f, -MathF.Sin(yaw));
        Down = -Vector3.Cross(Forward, Right);
        HalfFieldTan = MathF.Tan(config.FieldOfViewDegrees * MathF.PI / 360f);

        var lightAzimuth = random.NextSingle() * MathF.PI * 2f;
        var lightElevation = 0.6f + (random.NextSingle() * 0.7f);
        ToLight = Vector3.Normalize(new Vector3(
            MathF.Cos(lightAzimuth) * MathF.Cos(lightElevation),
            MathF.Sin(lightElevation),
            MathF.Sin(lightAzimuth) * MathF.Cos(lightElevation)));
        SkyTop = new Vector3(0.35f, 0.55f, 0.85f) + (RandomColor(random) * 0.15f);
        SkyHorizon = new Vector3(0.8f, 0.85f, 0.9f) + (RandomColor(random) * 0.1f);

        AddRoom(random);
        var count = random.Next(config.MinObjects, config.MaxObjects + 1);
        var withPerson = count > 0 && random.NextSingle() < config.PersonProbability;
        for (var i = 0; i < count; i++)
        {
            if (i == 0 && withPerson)
            {
                TryPlace(0.45f, (x, z) => AddPerson(x, z), config.PersonDistance);
                continue;
            }

            var kind = random.Next(5);
            switch (kind)
            {
                case 0: TryPlace(0.7f, AddBox); break;
                case 1: TryPlace(0.5f, AddBall); break;
                case 2: TryPlace(0.4f, AddPillar); break;
                case 3: TryPlace(0.95f, AddTable); break;
                default: TryPlace(0.55f, AddPlant); break;
            }
        }
    }

    public Random Random { get; }

    public float Width { get; }

    public float Depth { get; }

    public float WallHeight { get; }

    public int TextureSeed { get; }

    public Vector3 Eye { get; }

    public Vector3 Forward { get; }

    public Vector3 Right { get; }

    public Vector3 Down { get; }

    public Vector3 ToLight { get; }

    public Vector3 SkyTop { get; }

    public Vector3 SkyHorizon { get; }

    public float HalfFieldTan { get; }

    /// <summary>The objects as an array, so the per-pixel loop does not go through an interface enumerator.</summary>
    public SceneObject[] Objects => _objectArray ??= [.. _objects];

    private static Vector3 RandomColor(Random r) => new(r.NextSingle(), r.NextSingle(), r.NextSingle());

    private static Vector3 Muted(Random r, float lo, float hi) =>
        new Vector3(r.NextSingle(), r.NextSingle(), r.NextSingle()) * (hi - lo) + new Vector3(lo);

    private void AddRoom(Random r)
    {
        var floorA = Muted(r, 0.35f, 0.75f);
        var floor = new SceneMaterial(SceneClass.Floor, HumanPart.Background, _nextInstance++, TexturePattern.Tiles,
            floorA, floorA * (0.6f + (0.3f * r.NextSingle())), 0.5f + (0.6f * r.NextSingle()));
        var wallA = Muted(r, 0.55f, 0.95f);
        var wallB = wallA * (0.75f + (0.15f * r.NextSingle()));
        var (hw, far) = (Width / 2f, float.MaxValue);
        _objects.Add(new SceneObject(Vector3.Zero, float.PositiveInfinity,
        [
            new PlanePrimitive(floor, 1, 0f, new Vector3(-hw, -1f, -far), new Vector3(hw, 1f, Depth)),
            new PlanePrimitive(
                Wall(), 0, -hw, new Vector3(-hw - 1, 0, -far), new Vector3(-hw + 1, WallHeight, Depth)),
            new PlanePrimitive(
                Wall(), 0, hw, new Vector3(hw - 1, 0, -far), new Vector3(hw + 1, WallHeight, Depth)),
            new PlanePrimitive(
                Wall(), 2, Depth, new Vector3(-hw, 0, Depth - 1), new Vector3(hw, WallHeight, Depth + 1)),
        ]));

        SceneMaterial Wall() => new(SceneClass.Wall, HumanPart.Background, _nextInstance++, TexturePattern.Wallpaper,
            wallA, wallB, 0.3f + (0.5f * r.NextSingle()));
    }

    /// <summary>Draws positions in view until one keeps <paramref name="radius"/> clear of earlier objects.</summary>
    private void TryPlace(float radius, Action<float, float> add, FloatRange? distance = null)
    {
        // Objects stand anywhere between 1.8 m and 0.8 m before the back wall, or inside the given range.
        var near = 1.8f;
        var far = Depth - 0.8f;
        if (distance is { } d)
        {
            near = MathF.Max(near, d.Min);
            far = MathF.Max(near, MathF.Min(far, d.Max));
        }

        var r = Random;
        for (var attempt = 0; attempt < 24; attempt++)
        {
            var z = near + (r.NextSingle() * (far - near));
            var spread = MathF.Min((z * HalfFieldTan * 0.85f) - radius, (Width / 2f) - radius - 0.1f);
            if (spread <= 0)
            {
                continue;
            }

            var x = Eye.X + (((r.NextSingle() * 2f) - 1f) * spread);
            x = Math.Clamp(x, (-Width / 2f) + radius, (Width / 2f) - radius);
            if (_footprints.Any(f => Vector2.Distance(new Vector2(f.X, f.Z), new Vector2(x, z)) < f.R + radius))
            {
                continue;
            }

            _footprints.Add((x, z, radius));
            add(x, z);
            return;
        }
    }

    private void AddBox(float x, float z)
    {
        var r = Random;
        var half = new Vector3(
            0.2f + (0.3f * r.NextSingle()), 0.2f + (0.5f * r.NextSingle()), 0.2f + (0.3f * r.NextSingle()));
        var colorA = Muted(r, 0.3f, 0.9f);
        var m = new SceneMaterial(SceneClass.Box, HumanPart.Background, _nextInstance++, TexturePattern.Grain,
            colorA, colorA * 0.6f, 0.3f + (0.3f * r.NextSingle()));
        var centre = new Vector3(x, half.Y, z);
        _objects.Add(new SceneObject(centre, half.Length() + 0.01f,
            [new BoxPrimitive(m, centre, half, r.NextSingle() * MathF.PI)]));
    }

    private void AddBall(float x, float z)
    {
        var r = Random;
        var radius = 0.2f + (0.3f * r.NextSingle());
        var colorA = Saturated(r);
        var m = new SceneMaterial(SceneClass.Ball, HumanPart.Background, _nextInstance++, TexturePattern.Bands,
            colorA, Vector3.One - (colorA * 0.8f), radius);
        var centre = new Vector3(x, radius, z);
        _objects.Add(new SceneObject(centre, radius + 0.01f, [new SpherePrimitive(m, centre, radius)]));
    }

    private void AddPillar(float x, float z)
    {
        var r = Random;
        var radius = 0.15f + (0.2f * r.NextSingle());
        var height = 1.5f + ((WallHeight - 1.5f) * r.NextSingle());
        var stone = Muted(r, 0.55f, 0.8f);
        var m = new SceneMaterial(SceneClass.Pillar, HumanPart.Background, _nextInstance++, TexturePattern.Flutes,
            stone, stone * 0.8f, 0.5f);
        var baseCentre = new Vector3(x, 0f, z);
        _objects.Add(new SceneObject(baseCentre + new Vector3(0, height / 2f, 0),
            MathF.Sqrt((radius * radius) + (height * height / 4f)) + 0.01f,
            [new CylinderPrimitive(m, baseCentre, radius, height)]));
    }

    private void AddTable(float x, float z)
    {
        var r = Random;
        var (hx, hz) = (0.4f + (0.35f * r.NextSingle()), 0.3f + (0.25f * r.NextSingle()));
        var top = 0.7f + (0.1f * r.NextSingle());
        var legRadius = 0.03f + (0.02f * r.NextSingle());
        var yaw = r.NextSingle() * MathF.PI;
        var wood = new Vector3(0.45f, 0.28f, 0.15f) * (0.7f + (0.5f * r.NextSingle()));
        var m = new SceneMaterial(SceneClass.Table, HumanPart.Background, _nextInstance++, TexturePattern.Grain,
            wood, wood * 0.55f, 0.4f);
        var parts = new List<Primitive>
        {
            new BoxPrimitive(m, new Vector3(x, top, z), new Vector3(hx, 0.03f, hz), yaw),
        };
        var (c, s) = (MathF.Cos(yaw), MathF.Sin(yaw));
        foreach (var (lx, lz) in new[] { (-1f, -1f), (1f, -1f), (-1f, 1f), (1f, 1f) })
        {
            var (px, pz) = (lx * (hx - 0.08f), lz * (hz - 0.08f));
            var world = new Vector3(x + (c * px) + (s * pz), 0f, z + (-s * px) + (c * pz));
            parts.Add(new CylinderPrimitive(m, world, legRadius, top - 0.03f));
        }

        _objects.Add(new SceneObject(new Vector3(x, top / 2f, z), MathF.Sqrt((hx * hx) + (hz * hz) + (top * top)),
            [.. parts]));
    }

    private void AddPlant(float x, float z)
    {
        var r = Random;
        var potHalf = 0.12f + (0.08f * r.NextSingle());
        var trunk = 0.4f + (0.6f * r.NextSingle());
        var canopy = 0.25f + (0.25f * r.NextSingle());
        var pot = new SceneMaterial(SceneClass.Plant, HumanPart.Background, _nextInstance, TexturePattern.Solid,
            new Vector3(0.6f, 0.3f, 0.2f), Vector3.Zero, 0.3f);
        var bark = pot with
        {
            Pattern = TexturePattern.Grain,
            ColorA = new Vector3(0.35f, 0.22f, 0.1f),
            ColorB = new Vector3(0.2f, 0.12f, 0.05f),
        };
        var leaves = pot with
        {
            Pattern = TexturePattern.Foliage,
            ColorA = new Vector3(0.1f, 0.35f + (0.2f * r.NextSingle()), 0.1f),
            ColorB = new Vector3(0.3f, 0.7f, 0.2f),
            Scale = canopy,
        };
        _nextInstance++;
        var height = (2 * potHalf) + trunk + canopy;
        _objects.Add(new SceneObject(new Vector3(x, height / 2f, z), (height / 2f) + canopy,
        [
            new BoxPrimitive(pot, new Vector3(x, potHalf, z), new Vector3(potHalf, potHalf, potHalf), r.NextSingle()),
            new CylinderPrimitive(bark, new Vector3(x, 2 * potHalf, z), 0.05f, trunk + (canopy * 0.5f)),
            new SpherePrimitive(leaves, new Vector3(x, (2 * potHalf) + trunk + (canopy * 0.8f), z), canopy),
        ]));
    }

    /// <summary>A standing figure with random limb angles, facing a random direction.</summary>
    private void AddPerson(float x, float z)
    {
        var r = Random;
        var s = (1.5f + (0.4f * r.NextSingle())) / 1.75f;
        var facing = r.NextSingle() * MathF.PI * 2f;
        var fwd = new Vector3(MathF.Sin(facing), 0, MathF.Cos(facing));
        var side = new Vector3(MathF.Cos(facing), 0, -MathF.Sin(facing));
        var down = -Vector3.UnitY;
        var root = new Vector3(x, 0, z);
        var instance = _nextInstance++;
        var skin = new Vector3(0.85f, 0.65f, 0.5f) * (0.6f + (0.45f * r.NextSingle()));
        var shirt = Saturated(r);
        var trousers = Muted(r, 0.1f, 0.5f);
        SceneMaterial Part(HumanPart part, Vector3 color) =>
            new(SceneClass.Person, part, instance, TexturePattern.Solid, color, color, 0.2f);

        var parts = new List<Primitive>
        {
            new SpherePrimitive(Part(HumanPart.Head, skin), root + new Vector3(0, 1.63f * s, 0), 0.11f * s),
            new CapsulePrimitive(Part(HumanPart.Torso, shirt), root + new Vector3(0, 1.02f * s, 0),
                root + new Vector3(0, 1.38f * s, 0), 0.15f * s),
        };

        var hipY = 0.95f * s;
        foreach (var sign in new[] { -1f, 1f })
        {
            // Arm: swing forward/back, abduct sideways, bend the elbow forward.
            var swing = (r.NextSingle() - 0.5f) * 2.1f;
            var abduct = 0.1f + (0.6f * r.NextSingle());
            var elbow = r.NextSingle() * 1.6f;
            var shoulder = root + new Vector3(0, 1.4f * s, 0) + (side * sign * 0.2f * s);
            var upper = Limb(swing, abduct, sign);
            var lower = Limb(swing + elbow, abduct, sign);
            var elbowPoint = shoulder + (upper * 0.3f * s);
            parts.Add(new CapsulePrimitive(Part(HumanPart.UpperArm, shirt), shoulder, elbowPoint, 0.055f * s));
            parts.Add(new CapsulePrimitive(Part(HumanPart.LowerArm, skin), elbowPoint,
                elbowPoint + (lower * 0.27f * s), 0.045f * s));

            // Leg: swing, bend the knee backward.
            var legSwing = (r.NextSingle() - 0.5f) * 0.9f;
            var knee = r.NextSingle() * 0.6f;
            var hip = root + new Vector3(0, hipY, 0) + (side * sign * 0.1f * s);
            var thigh = Limb(legSwing, 0.03f, sign);
            var shin = Limb(legSwing - knee, 0.03f, sign);
            var kneePoint = hip + (thigh * 0.45f * s);
            parts.Add(new CapsulePrimitive(Part(HumanPart.UpperLeg, trousers), hip, kneePoint, 0.08f * s));
            parts.Add(new CapsulePrimitive(Part(HumanPart.LowerLeg, trousers * 0.8f), kneePoint,
                kneePoint + (shin * 0.43f * s), 0.06f * s));
        }

        _objects.Add(new SceneObject(root + new Vector3(0, 0.9f * s, 0), 1.05f * s, [.. parts]));

        Vector3 Limb(float swingAngle, float abductAngle, float sign) => Vector3.Normalize(
            (down * MathF.Cos(swingAngle) * MathF.Cos(abductAngle))
            + (fwd * MathF.Sin(swingAngle) * MathF.Cos(abductAngle))
            + (side * sign * MathF.Sin(abductAngle)));
    }

    private static Vector3 Saturated(Random r)
    {
        var hue = r.NextSingle() * 6f;
        var k = hue - MathF.Floor(hue);
        return (int)hue switch
        {
            0 => new Vector3(0.9f, 0.2f + (0.7f * k), 0.15f),
            1 => new Vector3(0.9f - (0.7f * k), 0.9f, 0.15f),
            2 => new Vector3(0.15f, 0.9f, 0.2f + (0.7f * k)),
            3 => new Vector3(0.15f, 0.9f - (0.7f * k), 0.9f),
            4 => new Vector3(0.2f + (0.7f * k), 0.15f, 0.9f),
            _ => new Vector3(0.9f, 0.15f, 0.9f - (0.7f * k)),
        };
    }
}
