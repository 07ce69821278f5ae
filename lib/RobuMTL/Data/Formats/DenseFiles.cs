namespace RobuMTL.Data.Formats;

/// <summary>Shape-checked reads of dense per-pixel arrays (depth, normals, edges) from .npy files.</summary>
public static class DenseFiles
{
    /// <summary>
    /// Reads an .npy array of shape (H, W), (H, W, 1), (1, H, W) for one channel, or (H, W, C) for C channels,
    /// as row-major floats (H * W * C).
    /// </summary>
    /// <exception cref="InvalidDataException">Missing, unreadable, or of another shape (names the file).</exception>
    public static float[] ReadFloats(string path, int height, int width, int channels)
    {
        var array = NpyFile.Read(path);
        var s = array.Shape;
        var ok = channels == 1
            ? (s.Length == 2 && s[0] == height && s[1] == width)
                || (s.Length == 3 && s[0] == height && s[1] == width && s[2] == 1)
                || (s.Length == 3 && s[0] == 1 && s[1] == height && s[2] == width)
            : s.Length == 3 && s[0] == height && s[1] == width && s[2] == channels;
        if (!ok)
        {
            var expected = channels == 1 ? $"({height}, {width})" : $"({height}, {width}, {channels})";
            throw new InvalidDataException(
                $"'{path}' has shape ({string.Join(", ", s)}), expected {expected} to match its image.");
        }

        return array.Data;
    }
}
