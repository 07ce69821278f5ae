namespace RobuMTL.Core;

/// <summary>The named run profiles; <see cref="RunProfile"/> holds what each one means.</summary>
public enum ProfileKind
{
    /// <summary>Seconds per notebook: every cell runs, on tiny data, for tests and CI.</summary>
    Smoke,

    /// <summary>
    /// Minutes on a 2-core CPU: generated scenes and a small Swin, the whole workbook in about 15 minutes.
    /// </summary>
    Quick,

    /// <summary>The paper's setting on a GPU: Swin-T at 448 px on PASCAL-Context.</summary>
    Paper,

    /// <summary>The paper's setting on NYUD-v2 (its larger ranks [64,128,256,512]), on a GPU.</summary>
    PaperNyud,
}
