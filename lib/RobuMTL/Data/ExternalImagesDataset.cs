using RobuMTL.Imaging;

namespace RobuMTL.Data;

/// <summary>
/// An evaluation split whose images come from a folder: sample i keeps the labels of the wrapped split and takes
/// its image from the file named after its id (<c>&lt;id&gt;.png</c>, <c>.jpg</c> or <c>.jpeg</c>). This is how
/// images degraded by another tool are scored against the workbook's labels.
/// </summary>
/// <remarks>
/// Known limitation: an image must have the size of the sample it replaces; the labels are not resampled, so a
/// resized export is rejected with the sizes in the message.
/// </remarks>
public sealed class ExternalImagesDataset : IMultiTaskDataset
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];
    private readonly IMultiTaskDataset labels;
    private readonly IReadOnlyDictionary<string, string> files;

    /// <summary>Wraps <paramref name="labels"/>; indexes the images of <paramref name="folder"/> by stem.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">Two files share a stem ("a.png" and "a.jpg").</exception>
    public ExternalImagesDataset(IMultiTaskDataset labels, string folder)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"External image folder '{folder}' does not exist; pass the folder the degraded images are in.");
        }

        this.labels = labels;
        Folder = Path.GetFullPath(folder);
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Folder).Order(StringComparer.Ordinal))
        {
            if (!Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var stem = Path.GetFileNameWithoutExtension(file);
            if (!index.TryAdd(stem, file))
            {
                throw new InvalidDataException(
                    $"'{index[stem]}' and '{file}' both name sample '{stem}'; keep one image per sample id.");
            }
        }

        files = index;
    }

    /// <summary>The folder the images are read from (absolute).</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public DatasetInfo Info => labels.Info;

    /// <inheritdoc />
    public int Count => labels.Count;

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The sample's image file is missing, unreadable or of another size;
    /// the message names the file.</exception>
    public MultiTaskSample Get(int index)
    {
        var sample = labels.Get(index);
        if (!files.TryGetValue(sample.Id, out var path))
        {
            throw new InvalidDataException(
                $"External image folder '{Folder}' has no image for sample '{sample.Id}': expected "
                + $"'{Path.Combine(Folder, sample.Id + ".png")}' (or .jpg/.jpeg). Export every image of the split "
                + "(ExportImages) before degrading the folder.");
        }

        var image = RgbImage.Load(path);
        if (image.Width != sample.Width || image.Height != sample.Height)
        {
            throw new InvalidDataException(
                $"'{path}' is {image.Width}x{image.Height} but sample '{sample.Id}' is {sample.Width}x{sample.Height}; "
                + "degrade the images without resizing them.");
        }

        return sample with { Image = image, Condition = null };
    }

    /// <summary>Writes every image of <paramref name="split"/> as <c>&lt;id&gt;.png</c> into a folder.</summary>
    /// <returns>The files written, in sample order.</returns>
    public static IReadOnlyList<string> ExportImages(IMultiTaskDataset split, string folder)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        var written = new string[split.Count];
        Parallel.For(0, split.Count, i =>
        {
            var sample = split.Get(i);
            written[i] = Path.Combine(Path.GetFullPath(folder), sample.Id + ".png");
            sample.Image.Save(written[i]);
        });
        return written;
    }
}
