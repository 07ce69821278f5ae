namespace RobuMTL.Checkpoints;

/// <summary>
/// The counters a checkpoint restores besides the tensors: where in the phase training stopped and the
/// seed of the data order, so the next run continues with the batch that would have come next.
/// </summary>
/// <param name="Phase">Phase the state belongs to.</param>
/// <param name="Epoch">Zero-based epoch in progress (equal to the epoch count once the phase is done).</param>
/// <param name="BatchInEpoch">Batches of <paramref name="Epoch"/> already trained.</param>
/// <param name="Step">Optimisation steps done in the phase.</param>
/// <param name="DataSeed">Seed from which each epoch's data order is derived.</param>
/// <param name="ElapsedSeconds">Training time spent on the phase so far, across runs.</param>
public sealed record TrainingState(
    string Phase,
    int Epoch,
    int BatchInEpoch,
    long Step,
    int DataSeed,
    double ElapsedSeconds)
{
    /// <summary>The state of a phase that has not trained yet.</summary>
    public static TrainingState Start(string phase, int dataSeed) => new(phase, 0, 0, 0, dataSeed, 0);
}
