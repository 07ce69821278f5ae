namespace RobuMTL.Backbone.Weights;

/// <summary>The key naming of a Swin checkpoint, which decides how <see cref="SwinKeyMap"/> renames keys.</summary>
public enum CheckpointLayout
{
    /// <summary>
    /// torchvision <c>swin_t</c> (and this workbook's own files): <c>features.{k}...</c>, <c>norm</c>,
    /// <c>head</c>. Our module fields carry these names, so the map is the identity.
    /// </summary>
    Torchvision,

    /// <summary>
    /// timm before 0.9 and Microsoft's original release: <c>layers.{i}.blocks.{j}...</c>, with the patch
    /// merging of stage i stored after it as <c>layers.{i}.downsample</c>.
    /// </summary>
    TimmLegacy,

    /// <summary>
    /// timm 0.9 and later (the Hugging Face hub's <c>timm/swin_tiny_patch4_window7_224.*</c> files): the patch
    /// merging moved to the start of the next stage, <c>layers.{i+1}.downsample</c>.
    /// </summary>
    Timm,
}
