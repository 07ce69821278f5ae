namespace RobuMTL.Data;

/// <summary>A random-access multi-task dataset. <see cref="Get"/> must be safe to call from several threads.</summary>
public interface IMultiTaskDataset
{
    /// <summary>Tasks and label spaces.</summary>
    DatasetInfo Info { get; }

    /// <summary>Number of samples.</summary>
    int Count { get; }

    /// <summary>Loads sample <paramref name="index"/> (0..Count-1).</summary>
    /// <exception cref="InvalidDataException">A file of the sample is missing or malformed.</exception>
    MultiTaskSample Get(int index);
}
