using RobuMTL.Data;
using RobuMTL.Imaging;
using RobuMTL.Tasks;

namespace RobuMTL.Tests.Imaging;

public class LabelImagesTests
{
    [Fact]
    public void Classes_get_distinct_colours_and_ignored_pixels_are_black()
    {
        var image = LabelImages.Classes([0, 1, 2, MultiTaskSample.Ignore], 2, 2);

        var colours = Enumerable.Range(0, 4).Select(i => (image.Pixels[3 * i], image.Pixels[(3 * i) + 1],
            image.Pixels[(3 * i) + 2])).ToArray();
        Assert.Equal(3, colours.Take(3).Distinct().Count());
        Assert.Equal((0f, 0f, 0f), colours[3]);
    }

    [Fact]
    public void Depth_runs_dark_to_bright_and_invalid_is_black()
    {
        var image = LabelImages.Depth([1f, 2f, 0f], 3, 1);

        Assert.True(image.Pixels[3] + image.Pixels[4] > image.Pixels[0] + image.Pixels[1]);
        Assert.Equal([0f, 0f, 0f], image.Pixels[6..9]);
    }

    [Fact]
    public void Normals_map_to_half_plus_half_n_and_the_task_dispatch_checks_labels()
    {
        var image = LabelImages.Normals([0f, 0f, -1f], 1, 1);
        var sample = new MultiTaskSample { Id = "s", Image = new RgbImage(1, 1), Edges = [1] };

        Assert.Equal([0.5f, 0.5f, 0f], image.Pixels);
        Assert.Equal([1f, 1f, 1f], LabelImages.For(sample, TaskKind.Edges).Pixels);
        Assert.Throws<ArgumentException>(() => LabelImages.For(sample, TaskKind.Depth));
        Assert.Throws<ArgumentException>(() => LabelImages.Classes([1, 2], 2, 2));
    }
}
