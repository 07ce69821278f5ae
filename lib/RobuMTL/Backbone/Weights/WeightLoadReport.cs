namespace RobuMTL.Backbone.Weights;

/// <summary>What a weight load did, key by key.</summary>
/// <param name="Layout">The source naming the key map used.</param>
/// <param name="Loaded">Target keys that received a tensor from the file.</param>
/// <param name="LoadedValues">Number of values copied.</param>
/// <param name="Skipped">File keys the key map drops on purpose (rebuilt buffers, classifier head).</param>
/// <param name="ExpectedMissing">Target keys an ImageNet checkpoint cannot have (LoRA adapters, heads).</param>
/// <param name="Missing">Target keys the file should have provided but did not.</param>
/// <param name="Unexpected">File keys (with the name they mapped to) that match no target.</param>
/// <param name="Mismatched">File tensors whose shape differs from their target's.</param>
public sealed record WeightLoadReport(
    CheckpointLayout Layout,
    IReadOnlyList<string> Loaded,
    long LoadedValues,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<string> ExpectedMissing,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unexpected,
    IReadOnlyList<WeightShapeMismatch> Mismatched)
{
    /// <summary>True when every target key was either loaded or expected to be missing.</summary>
    public bool IsComplete => Missing.Count == 0 && Unexpected.Count == 0 && Mismatched.Count == 0;

    /// <summary>One line of counts, then every problem key by name.</summary>
    public override string ToString()
    {
        var lines = new List<string>
        {
            $"{Layout} checkpoint: loaded {Loaded.Count} tensors ({LoadedValues:N0} values), skipped "
            + $"{Skipped.Count}, expected missing {ExpectedMissing.Count}, missing {Missing.Count}, "
            + $"unexpected {Unexpected.Count}, mis-shaped {Mismatched.Count}",
        };
        lines.AddRange(Missing.Select(k => $"  missing: {k}"));
        lines.AddRange(Unexpected.Select(k => $"  unexpected: {k}"));
        lines.AddRange(Mismatched.Select(m => $"  mis-shaped: {m}"));
        return string.Join(Environment.NewLine, lines);
    }
}
