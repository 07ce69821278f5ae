namespace RobuMTL.Core;

/// <summary>Which multi-task dataset a run reads.</summary>
public enum DatasetKind
{
    /// <summary>Procedurally rendered scenes with exact labels (data/generated, made on first use).</summary>
    GeneratedScenes,

    /// <summary>PASCAL-Context in the multi-task layout (semseg, human parts, saliency, normals, edges).</summary>
    PascalContext,

    /// <summary>NYUD-v2 in the multi-task layout (semseg, depth, normals, edges).</summary>
    NyudV2,
}
