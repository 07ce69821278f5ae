namespace RobuMTL.Data.Scenes;

/// <summary>Semantic classes of the generated scenes; the numeric value is the label.</summary>
public enum SceneClass : byte
{
    /// <summary>Sky above the walls: no surface, depth and normals invalid.</summary>
    Background = 0,

    /// <summary>Tiled floor plane.</summary>
    Floor = 1,

    /// <summary>Left, right and back walls.</summary>
    Wall = 2,

    /// <summary>The jointed figure (its parts are the human-parts labels).</summary>
    Person = 3,

    /// <summary>Oriented boxes standing on the floor.</summary>
    Box = 4,

    /// <summary>Balls (spheres) resting on the floor.</summary>
    Ball = 5,

    /// <summary>Vertical capped cylinders.</summary>
    Pillar = 6,

    /// <summary>A table top on four cylindrical legs.</summary>
    Table = 7,

    /// <summary>A pot, trunk and round canopy.</summary>
    Plant = 8,
}
