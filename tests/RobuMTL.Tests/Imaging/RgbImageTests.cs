using RobuMTL.Core;
using RobuMTL.Imaging;

namespace RobuMTL.Tests.Imaging;

public sealed class RgbImageTests
{
    private static RgbImage Gradient(int width, int height)
    {
        var image = new RgbImage(width, height);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = (i % 256) / 255f;
        }

        return image;
    }

    [Fact]
    public void PngRoundTripIsExactForEightBitValues()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rgb-{Guid.NewGuid():N}.png");
        var image = Gradient(7, 5);
        try
        {
            image.Save(path);
            var back = RgbImage.Load(path);

            Assert.Equal((7, 5), (back.Width, back.Height));
            Assert.Equal(image.Pixels, back.Pixels);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TensorLayoutIsChannelsFirst()
    {
        TorchRuntime.Initialize(threads: 2);
        var image = Gradient(4, 3);

        using var chw = image.ToTensor();
        using var batch = RgbImage.ToBatchTensor([image, image]);

        Assert.Equal([3L, 3, 4], chw.shape);
        Assert.Equal([2L, 3, 3, 4], batch.shape);
        Assert.Equal(image.Pixels[((2 * 4) + 1) * 3 + 2], chw[2, 2, 1].item<float>());
        Assert.Equal(image.Pixels, RgbImage.FromTensor(chw).Pixels);
    }

    [Fact]
    public void MissingAndCorruptFilesNameThePath()
    {
        var corrupt = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.png");
        File.WriteAllText(corrupt, "not a png");
        try
        {
            var missing = Assert.Throws<InvalidDataException>(() => RgbImage.Load("/no/such/file.png"));
            var bad = Assert.Throws<InvalidDataException>(() => RgbImage.Load(corrupt));

            Assert.Contains("/no/such/file.png", missing.Message);
            Assert.Contains(corrupt, bad.Message);
        }
        finally
        {
            File.Delete(corrupt);
        }
    }
}
