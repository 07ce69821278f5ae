namespace RobuMTL.Training;

/// <summary>What a <see cref="TrainingProgress"/> record reports.</summary>
public enum ProgressKind
{
    /// <summary>An interval of <see cref="TrainerConfig.LogEverySteps"/> steps (or the rest of an epoch).</summary>
    Steps,

    /// <summary>The end of an epoch; losses are averaged over the epoch's steps run in this process.</summary>
    EpochEnd,

    /// <summary>The last epoch ended and the phase was marked complete.</summary>
    PhaseComplete,

    /// <summary>The phase had already been completed by an earlier run; nothing was trained.</summary>
    PhaseSkipped,
}
