using RobuMTL.Imaging;

namespace RobuMTL.Figures;

/// <summary>One captioned image of a gallery or grid figure.</summary>
/// <param name="Caption">Shown above the image ("Fog, severity 3").</param>
/// <param name="Image">The pixels, HWC floats in [0, 1].</param>
public sealed record GalleryImage(string Caption, RgbImage Image);
