namespace RobuMTL.Data.Scenes;

/// <summary>The six part groups of the figure plus background, as in PASCAL-Context's human parts task.</summary>
public enum HumanPart : byte
{
    /// <summary>Not on the figure.</summary>
    Background = 0,

    /// <summary>Head sphere.</summary>
    Head = 1,

    /// <summary>Torso capsule.</summary>
    Torso = 2,

    /// <summary>Upper arms (shoulder to elbow).</summary>
    UpperArm = 3,

    /// <summary>Lower arms (elbow to wrist).</summary>
    LowerArm = 4,

    /// <summary>Upper legs (hip to knee).</summary>
    UpperLeg = 5,

    /// <summary>Lower legs (knee to ankle).</summary>
    LowerLeg = 6,
}
