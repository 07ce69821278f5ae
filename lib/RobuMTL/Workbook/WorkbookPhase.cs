namespace RobuMTL.Workbook;

/// <summary>The training phases of the workbook, in the order the notebooks run them.</summary>
public enum WorkbookPhase
{
    /// <summary>
    /// Standard MTL on clean data, every weight trained: the first baseline. It starts from the profile's ImageNet
    /// weights when it names them (the LoRA methods then freeze those); otherwise (smoke and quick profiles) it
    /// starts from scratch and is the backbone that all LoRA methods freeze.
    /// </summary>
    CleanMtl,

    /// <summary>Clean warmup: the clean expert and the shared heads, backbone frozen.</summary>
    Warmup,

    /// <summary>One weather expert, alone, from the warmup (one phase per condition).</summary>
    Expert,

    /// <summary>The condition selector (DMLS) on labelled degraded images.</summary>
    Selector,

    /// <summary>RobuMTL+: one decoder head set per condition on frozen experts.</summary>
    Squads,

    /// <summary>Baseline: standard MTL fine-tuned further on all conditions mixed (weather augmentation).</summary>
    MixedMtl,

    /// <summary>Baseline: one shared LoRA trained on all conditions jointly (MTLoRA-like).</summary>
    SharedLora,
}
