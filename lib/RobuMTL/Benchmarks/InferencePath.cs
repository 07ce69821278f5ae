namespace RobuMTL.Benchmarks;

/// <summary>The forward passes <see cref="InferenceBenchmark"/> times, each in eval mode without gradients.</summary>
public enum InferencePath
{
    /// <summary>The fine-tuned MTL baseline: backbone and heads, no adapters, no selector (the reference).</summary>
    PlainMtl,

    /// <summary>
    /// RobuMTL deployed on a stream whose weather changes every image: selector, top-1 weights, merge that
    /// expert into the base weights, base-only forward, unmerge, for every image.
    /// </summary>
    MergedTop1EveryImage,

    /// <summary>
    /// RobuMTL deployed on a stream whose weather stays put (consecutive frames): selector and top-1 weights on
    /// every image, a merge only when the selected combination changes, base-only forward.
    /// </summary>
    MergedTop1OnChange,

    /// <summary>RobuMTL routing every sample through the deltas of its top 6 experts (MEPF, mixed weather).</summary>
    RoutedTop6,

    /// <summary>RobuMTL routing every sample through the delta of its top-1 expert, nothing merged.</summary>
    RoutedTop1,

    /// <summary>The selector (DMLS) and its top-1 weights alone: what every RobuMTL path adds first.</summary>
    SelectorOnly,
}
