namespace RobuMTL.Backbone.Weights;

/// <summary>A file tensor whose shape differs from the target tensor it maps to.</summary>
/// <param name="TargetKey">Our key.</param>
/// <param name="SourceKey">The key in the file.</param>
/// <param name="Expected">The target tensor's shape.</param>
/// <param name="Found">The file tensor's shape.</param>
public sealed record WeightShapeMismatch(string TargetKey, string SourceKey, long[] Expected, long[] Found)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{TargetKey} (file: {SourceKey}): expected [{string.Join(", ", Expected)}], "
        + $"found [{string.Join(", ", Found)}]";
}
