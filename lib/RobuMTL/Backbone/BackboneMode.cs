namespace RobuMTL.Backbone;

/// <summary>How the backbone is adapted and what trains.</summary>
public enum BackboneMode
{
    /// <summary>RobuMTL: frozen Swin, one LoRA expert per condition, trained one at a time.</summary>
    ConditionExperts,

    /// <summary>MTLoRA-like baseline: frozen Swin and one LoRA expert used for every condition.</summary>
    SingleSharedLora,

    /// <summary>Fully fine-tuned MTL baseline: no adapters, every backbone weight trains.</summary>
    FullFineTune,
}
