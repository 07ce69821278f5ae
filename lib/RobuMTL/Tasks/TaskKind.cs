namespace RobuMTL.Tasks;

/// <summary>
/// The dense prediction tasks of the multi-task model; model outputs are dictionaries keyed by these.
/// </summary>
public enum TaskKind
{
    /// <summary>Semantic segmentation: per-pixel class logits (PASCAL-Context 21, NYUD-v2 40).</summary>
    SemanticSegmentation,

    /// <summary>Human parts: per-pixel part logits (6 parts + background), PASCAL-Context only.</summary>
    HumanParts,

    /// <summary>Saliency: one logit per pixel.</summary>
    Saliency,

    /// <summary>Surface normals: three channels, normalised to unit length for loss and metric.</summary>
    Normals,

    /// <summary>Edges: one logit per pixel.</summary>
    Edges,

    /// <summary>Depth in metres: one channel, NYUD-v2 and generated scenes.</summary>
    Depth,
}
