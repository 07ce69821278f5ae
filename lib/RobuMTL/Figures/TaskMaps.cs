using RobuMTL.Data;
using RobuMTL.Imaging;
using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Figures;

/// <summary>
/// Turns one image's dense predictions and labels into RGB pictures for the qualitative figure: class ids as
/// distinct colours (ignored pixels black), saliency and edges as grey levels, normals as (n + 1) / 2, depth
/// through a dark-blue-to-yellow colour map over a fixed range so that truth and predictions compare.
/// </summary>
public static class TaskMaps
{
    private const int IgnoreLabel = 255;

    // Anchors of the depth colour map (near → far), linearly interpolated.
    private static readonly float[][] DepthAnchors =
    [
        [0.07f, 0.03f, 0.30f], [0.23f, 0.32f, 0.55f], [0.13f, 0.57f, 0.55f], [0.45f, 0.78f, 0.32f],
        [0.98f, 0.90f, 0.15f],
    ];

    /// <summary>
    /// The colour of class <paramref name="id"/>: well-separated hues from the golden-ratio sequence.
    /// </summary>
    public static (float R, float G, float B) ClassColor(int id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        if (id == 0)
        {
            return (0.25f, 0.25f, 0.25f);
        }

        var hue = (id * 0.618034f) % 1f;
        var value = id % 2 == 0 ? 0.95f : 0.75f;
        return FromHsv(hue, 0.8f, value);
    }

    /// <summary>The depth colour map at <paramref name="t"/> in [0, 1] (clamped).</summary>
    public static (float R, float G, float B) DepthColor(float t)
    {
        var x = Math.Clamp(t, 0f, 1f) * (DepthAnchors.Length - 1);
        var i = Math.Min((int)x, DepthAnchors.Length - 2);
        var f = x - i;
        var (a, b) = (DepthAnchors[i], DepthAnchors[i + 1]);
        return (a[0] + (f * (b[0] - a[0])), a[1] + (f * (b[1] - a[1])), a[2] + (f * (b[2] - a[2])));
    }

    /// <summary>An ImageNet-normalised input image (3, H, W) back as a picture.</summary>
    public static RgbImage Input(Tensor normalised)
    {
        Checked(normalised, 3, "input image");
        using var scope = NewDisposeScope();
        var pixels = ImageNetNormalization.Denormalize(normalised.unsqueeze(0))[0].clamp(0, 1); // (3, H, W)
        return RgbImage.FromTensor(pixels);
    }

    /// <summary>
    /// One image's raw model output for <paramref name="task"/>, (O_t, H, W): logits for segmentation, parts,
    /// saliency and edges, raw vectors for normals, metres for depth (mapped over [0, <paramref name="maxDepth"/>]).
    /// </summary>
    public static RgbImage Prediction(TaskKind task, Tensor output, float maxDepth = 10f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDepth);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var cpu = output.detach().cpu().to(ScalarType.Float32);
        return task switch
        {
            TaskKind.SemanticSegmentation or TaskKind.HumanParts => Classes(Checked(cpu, -1, task).argmax(0)),
            TaskKind.Saliency or TaskKind.Edges => Grey(Checked(cpu, 1, task)[0].sigmoid()),
            TaskKind.Normals => Normals(Checked(cpu, 3, task)),
            TaskKind.Depth => Depth(Checked(cpu, 1, task)[0], maxDepth),
            _ => throw new ArgumentOutOfRangeException(nameof(task), task, "no picture for this task"),
        };
    }

    /// <summary>
    /// One image's label for <paramref name="task"/> in the <see cref="MultiTaskBatch"/> layout without the batch
    /// axis: (H, W) class ids, (1, H, W) saliency or edges, (3, H, W) normals, (1, H, W) depth in metres.
    /// </summary>
    public static RgbImage Target(TaskKind task, Tensor target, float maxDepth = 10f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDepth);
        using var scope = NewDisposeScope();
        var cpu = target.detach().cpu();
        switch (task)
        {
            case TaskKind.SemanticSegmentation or TaskKind.HumanParts:
                if (cpu.dim() != 2)
                {
                    throw new ArgumentException(
                        $"a {task} label must be (H, W) class ids, got ({string.Join(", ", cpu.shape)})",
                        nameof(target));
                }

                return Classes(cpu.to(ScalarType.Int64));
            case TaskKind.Saliency or TaskKind.Edges:
                var binary = Checked(cpu.to(ScalarType.Float32), 1, task)[0];       // (H, W)
                return Grey(binary.where(binary.ne(IgnoreLabel), 0.5f));
            case TaskKind.Normals:
                var normals = Checked(cpu.to(ScalarType.Float32), 3, task);          // (3, H, W)
                return Normals(normals.where(normals.ne(IgnoreLabel), 0f));
            case TaskKind.Depth:
                return Depth(Checked(cpu.to(ScalarType.Float32), 1, task)[0], maxDepth);
            default:
                throw new ArgumentOutOfRangeException(nameof(task), task, "no picture for this task");
        }
    }

    private static Tensor Checked(Tensor map, int channels, object what)
    {
        if (map.dim() != 3 || (channels > 0 && map.shape[0] != channels))
        {
            var expected = channels > 0 ? $"({channels}, H, W)" : "(C, H, W)";
            throw new ArgumentException(
                $"a {what} map must be {expected}, got ({string.Join(", ", map.shape)})", nameof(map));
        }

        return map;
    }

    private static RgbImage Classes(Tensor ids)
    {
        var (height, width) = ((int)ids.shape[0], (int)ids.shape[1]);
        var labels = ids.contiguous().data<long>().ToArray();
        var pixels = new float[labels.Length * 3];
        for (var i = 0; i < labels.Length; i++)
        {
            var (r, g, b) = labels[i] == IgnoreLabel || labels[i] < 0 ? (0f, 0f, 0f) : ClassColor((int)labels[i]);
            (pixels[3 * i], pixels[(3 * i) + 1], pixels[(3 * i) + 2]) = (r, g, b);
        }

        return new RgbImage(width, height, pixels);
    }

    private static RgbImage Grey(Tensor values)
    {
        var grey = values.clamp(0, 1).unsqueeze(0).expand(3, -1, -1); // (3, H, W)
        return RgbImage.FromTensor(grey);
    }

    private static RgbImage Normals(Tensor vectors)
    {
        var unit = vectors / vectors.norm(0, keepdim: true).clamp_min(1e-6); // (3, H, W)
        var zero = vectors.abs().sum(0, keepdim: true).eq(0);                 // (1, H, W)
        return RgbImage.FromTensor(((unit + 1) / 2).where(zero.logical_not(), 0f).clamp(0, 1));
    }

    private static RgbImage Depth(Tensor metres, float maxDepth)
    {
        var (height, width) = ((int)metres.shape[0], (int)metres.shape[1]);
        var values = metres.contiguous().data<float>().ToArray();
        var pixels = new float[values.Length * 3];
        for (var i = 0; i < values.Length; i++)
        {
            var valid = values[i] > 0 && float.IsFinite(values[i]);
            var (r, g, b) = valid ? DepthColor(values[i] / maxDepth) : (0f, 0f, 0f);
            (pixels[3 * i], pixels[(3 * i) + 1], pixels[(3 * i) + 2]) = (r, g, b);
        }

        return new RgbImage(width, height, pixels);
    }

    private static (float R, float G, float B) FromHsv(float hue, float saturation, float value)
    {
        var h = hue * 6f;
        var sector = (int)h % 6;
        var f = h - MathF.Floor(h);
        var p = value * (1 - saturation);
        var q = value * (1 - (f * saturation));
        var t = value * (1 - ((1 - f) * saturation));
        return sector switch
        {
            0 => (value, t, p),
            1 => (q, value, p),
            2 => (p, value, t),
            3 => (p, q, value),
            4 => (t, p, value),
            _ => (value, p, q),
        };
    }
}
