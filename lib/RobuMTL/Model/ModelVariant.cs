namespace RobuMTL.Model;

/// <summary>The methods the workbook compares, built from the same parts.</summary>
public enum ModelVariant
{
    /// <summary>Standard MTL: every backbone weight and the shared heads train (no adapters, no selector).</summary>
    FineTunedMtl,

    /// <summary>MTLoRA-like: frozen backbone, one LoRA adapter set used for every condition, shared heads.</summary>
    SharedLora,

    /// <summary>
    /// RobuMTL: frozen backbone, one LoRA expert per condition, the selector (DMLS) and Top-K fusion (MEPF).
    /// </summary>
    RobuMtl,

    /// <summary>RobuMTL+: RobuMTL with one set of decoder heads per condition ("expert squads"), fused alike.</summary>
    RobuMtlPlus,
}
