namespace RobuMTL.Data.Datasets;

/// <summary>The official split of a real dataset.</summary>
public enum DatasetSplit
{
    /// <summary>Training images.</summary>
    Train,

    /// <summary>Validation images (the benchmarks report on these).</summary>
    Val,
}
