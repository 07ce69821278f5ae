namespace RobuMTL.Core;

/// <summary>Named Swin Transformer sizes a run can use.</summary>
public enum BackbonePreset
{
    /// <summary>
    /// Swin-T exactly as published: embed 96, depths [2,2,6,2], heads [3,6,12,24], window 7, patch 4.
    /// </summary>
    SwinTiny,

    /// <summary>A CPU-sized Swin for generated scenes (see <c>SwinConfig.Nano</c> for its numbers).</summary>
    SwinNano,
}
