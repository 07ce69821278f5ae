namespace RobuMTL.Training;

/// <summary>
/// Supplies the batches of one epoch in a deterministic order, starting at batch
/// <paramref name="firstBatch"/> (non-zero when a phase resumes mid-epoch), so that a resumed run sees the
/// same data as an uninterrupted one. Derive the order from a seed and the epoch, for example with
/// <see cref="DataOrder"/>. Tensors created while the next batch is produced belong to that step's dispose
/// scope and are released after the step.
/// </summary>
/// <typeparam name="TBatch">The caller's batch type.</typeparam>
/// <param name="epoch">Zero-based epoch.</param>
/// <param name="firstBatch">Index of the first batch to produce within the epoch.</param>
public delegate IEnumerable<TBatch> BatchFactory<out TBatch>(int epoch, int firstBatch);
