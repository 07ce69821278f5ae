using Plotly.NET;

namespace RobuMTL.Figures;

/// <summary>The weather gallery: one scene under every synthesised condition (or several scenes, row by row).</summary>
public static class WeatherGalleryFigure
{
    /// <summary>An image grid of <paramref name="images"/>, <paramref name="columns"/> wide, each with its caption.</summary>
    /// <exception cref="ArgumentException">No images were given.</exception>
    public static GenericChart Build(
        IReadOnlyList<GalleryImage> images,
        int columns = 4,
        string title = "Synthesised weather conditions")
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        return ImageGrid.Build(
            title, images.Select(i => i.Image).ToList(), images.Select(i => i.Caption).ToList(), columns);
    }
}
