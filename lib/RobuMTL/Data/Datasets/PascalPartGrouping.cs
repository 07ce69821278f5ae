using RobuMTL.Data.Formats;

namespace RobuMTL.Data.Datasets;

/// <summary>
/// Turns a PASCAL-Part annotation (<c>anno</c> struct: objects with class_ind, mask and named part masks) into
/// the six-group human-parts map of the multi-task benchmark.
/// </summary>
internal static class PascalPartGrouping
{
    private const int PersonClass = 15;

    private static readonly Dictionary<string, byte> Groups = new()
    {
        ["hair"] = 1,
        ["head"] = 1,
        ["lear"] = 1,
        ["rear"] = 1,
        ["lebrow"] = 1,
        ["rebrow"] = 1,
        ["leye"] = 1,
        ["reye"] = 1,
        ["mouth"] = 1,
        ["nose"] = 1,
        ["neck"] = 2,
        ["torso"] = 2,
        ["luarm"] = 3,
        ["ruarm"] = 3,
        ["llarm"] = 4,
        ["rlarm"] = 4,
        ["lhand"] = 4,
        ["rhand"] = 4,
        ["luleg"] = 5,
        ["ruleg"] = 5,
        ["llleg"] = 6,
        ["rlleg"] = 6,
        ["lfoot"] = 6,
        ["rfoot"] = 6,
    };

    /// <summary>
    /// The grouped map (row-major, 0 background) or null when no person object has parts (the caller fills
    /// 255). Throws naming the file on an unknown part name or a mask of the wrong size.
    /// </summary>
    public static byte[]? Group(MatStruct anno, int height, int width, string path)
    {
        if (anno.Field(0, "objects") is not MatStruct objects)
        {
            throw new InvalidDataException($"'{path}': the anno struct has no 'objects' struct array.");
        }

        byte[]? target = null;
        for (var o = 0; o < objects.Elements.Length; o++)
        {
            var classInd = objects.Field(o, "class_ind") as MatNumeric;
            if (classInd is null || classInd.Data.Length == 0 || (int)classInd.Data[0] != PersonClass
                || objects.Field(o, "parts") is not MatStruct { Elements.Length: > 0 } parts)
            {
                continue;
            }

            target ??= new byte[height * width];
            for (var p = 0; p < parts.Elements.Length; p++)
            {
                var partName = (parts.Field(p, "part_name") as MatText)?.Text ?? "";
                if (!Groups.TryGetValue(partName, out var group))
                {
                    throw new InvalidDataException($"'{path}': person part '{partName}' is not a PASCAL-Part name.");
                }

                if (parts.Field(p, "mask") is not MatNumeric mask || mask.Dims.Length != 2
                    || mask.Dims[0] != height || mask.Dims[1] != width)
                {
                    throw new InvalidDataException(
                        $"'{path}': mask of part '{partName}' is not {height}x{width} like the image.");
                }

                for (var c = 0; c < width; c++)
                {
                    for (var r = 0; r < height; r++)
                    {
                        if (mask.Data[(c * height) + r] > 0)
                        {
                            target[(r * width) + c] = group;
                        }
                    }
                }
            }
        }

        return target;
    }
}
