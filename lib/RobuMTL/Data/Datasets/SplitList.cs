namespace RobuMTL.Data.Datasets;

/// <summary>Reads the split lists of the multi-task benchmarks: one image id per line.</summary>
internal static class SplitList
{
    public static string[] Read(string path, string datasetName, string root)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException(
                $"{datasetName}: split list '{path}' does not exist. Check that '{root}' is the dataset root "
                + "laid out as in data/README.md.");
        }

        var ids = File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .ToArray();
        return ids.Length > 0 ? ids : throw new InvalidDataException($"{datasetName}: split list '{path}' is empty.");
    }

    public static void RequireRoot(string root, string datasetName)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException(
                $"{datasetName} root '{root}' does not exist; download and lay it out as in data/README.md.");
        }
    }

    /// <summary>Throws naming the file when a label value is outside the allowed set.</summary>
    public static void CheckLabels(byte[] labels, int classes, string path, string what)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= classes && labels[i] != MultiTaskSample.Ignore)
            {
                throw new InvalidDataException(
                    $"'{path}': {what} label {labels[i]} at pixel {i} is not a class id 0..{classes - 1} or 255.");
            }
        }
    }

    /// <summary>Scales non-zero vectors of an interleaved (H * W * 3) array to unit length in place.</summary>
    public static float[] Renormalize(float[] normals)
    {
        Augmentation.SampleGeometry.Renormalize(normals);
        return normals;
    }
}
