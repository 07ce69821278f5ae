using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace RobuMTL.Backbone.Weights;

/// <summary>
/// Loads pretrained Swin weights (torchvision <c>.pth</c>, timm <c>.safetensors</c>, or our own files) into a
/// module whose field names follow torchvision, through a <see cref="SwinKeyMap"/>. Every key is accounted
/// for in a <see cref="WeightLoadReport"/>; a load that the options do not allow is refused before any
/// tensor changes.
/// </summary>
public static class WeightLoader
{
    /// <summary>Reads <paramref name="path"/> (format chosen by content) and loads it into the module.</summary>
    /// <param name="target">
    /// The backbone, or a model holding it under <see cref="WeightLoadOptions.TargetPrefix"/>.
    /// </param>
    /// <param name="path">A <c>.safetensors</c> file or a <c>torch.save</c> zip (<c>.pth</c>/<c>.pt</c>).</param>
    /// <param name="layout">The file's key naming; null detects it from the keys.</param>
    /// <param name="options">Strictness; null is <see cref="WeightLoadOptions.Strict"/>.</param>
    /// <param name="logger">Receives one summary line.</param>
    /// <exception cref="WeightLoadException">The options refuse a mismatch; nothing was changed.</exception>
    public static WeightLoadReport LoadFile(
        nn.Module target, string path, CheckpointLayout? layout = null, WeightLoadOptions? options = null,
        ILogger? logger = null)
    {
        using var source = StateDict.Load(path);
        var report = Load(target, source, layout, options);
        (logger ?? NullLogger.Instance).LogInformation("Weights from {Path}: {Report}", path, report);
        return report;
    }

    /// <summary>Loads an in-memory state dict into the module (the source keeps its tensors).</summary>
    /// <param name="target">The module to fill.</param>
    /// <param name="source">Tensors keyed by the file's names.</param>
    /// <param name="layout">The file's key naming; null detects it from the keys.</param>
    /// <param name="options">Strictness; null is <see cref="WeightLoadOptions.Strict"/>.</param>
    /// <exception cref="WeightLoadException">The options refuse a mismatch; nothing was changed.</exception>
    public static WeightLoadReport Load(
        nn.Module target, IReadOnlyDictionary<string, Tensor> source, CheckpointLayout? layout = null,
        WeightLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(source);
        options ??= WeightLoadOptions.Strict;
        var map = SwinKeyMap.For(layout ?? SwinKeyMap.Detect(source.Keys));
        var targets = TargetTensors(target);

        var plan = new List<(string Target, Tensor Source)>();
        var claimedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        var skipped = new List<string>();
        var unexpected = new List<string>();
        var mismatched = new List<WeightShapeMismatch>();
        foreach (var (sourceKey, tensor) in source)
        {
            var mapped = map.Map(sourceKey);
            if (mapped is null)
            {
                skipped.Add(sourceKey);
                continue;
            }

            var key = options.TargetPrefix + mapped;
            if (!targets.TryGetValue(key, out var destination))
            {
                if (SwinKeyMap.IsClassifierKey(mapped))
                {
                    skipped.Add(sourceKey);
                    continue;
                }

                unexpected.Add(key == sourceKey ? sourceKey : $"{sourceKey} (as {key})");
                continue;
            }

            if (!claimedBy.TryAdd(key, sourceKey))
            {
                throw new InvalidDataException($"File keys '{claimedBy[key]}' and '{sourceKey}' both map to "
                    + $"'{key}' under the {map.Layout} layout; the checkpoint mixes two namings.");
            }

            if (!destination.shape.SequenceEqual(tensor.shape))
            {
                mismatched.Add(new WeightShapeMismatch(key, sourceKey, destination.shape, tensor.shape));
                continue;
            }

            plan.Add((key, tensor));
        }

        var expectedMissing = new List<string>();
        var missing = new List<string>();
        foreach (var key in targets.Keys.Where(k => !claimedBy.ContainsKey(k) && !SwinKeyMap.IsRebuiltBuffer(k)))
        {
            (options.ExpectsMissing(key) ? expectedMissing : missing).Add(key);
        }

        var report = new WeightLoadReport(
            map.Layout, plan.Select(p => p.Target).ToList(), plan.Sum(p => p.Source.numel()), skipped,
            expectedMissing, missing, unexpected, mismatched);
        Refuse(report, options);

        using (no_grad())
        {
            foreach (var (key, tensor) in plan)
            {
                var destination = targets[key];
                destination.copy_(tensor.to(destination.device));
            }
        }

        return report;
    }

    private static void Refuse(WeightLoadReport report, WeightLoadOptions options)
    {
        if (report.Mismatched.Count > 0 && !options.SkipMismatchedShapes)
        {
            throw new WeightLoadException($"{report.Mismatched.Count} tensor(s) have a different shape than the "
                + "model (wrong preset or checkpoint?); set SkipMismatchedShapes to load the rest.", report);
        }

        if (report.Missing.Count > 0 && !options.AllowMissing)
        {
            throw new WeightLoadException($"{report.Missing.Count} model tensor(s) are not in the checkpoint; "
                + "set AllowMissing to load anyway, or IsExpectedMissing for keys that are new.", report);
        }

        if (report.Unexpected.Count > 0 && !options.AllowUnexpected)
        {
            throw new WeightLoadException($"{report.Unexpected.Count} checkpoint tensor(s) match no model tensor;"
                + " set AllowUnexpected to ignore them.", report);
        }
    }

    private static Dictionary<string, Tensor> TargetTensors(nn.Module module)
    {
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, parameter) in module.named_parameters())
        {
            result[name] = parameter;
        }

        foreach (var (name, buffer) in module.named_buffers())
        {
            result[name] = buffer;
        }

        return result;
    }
}
