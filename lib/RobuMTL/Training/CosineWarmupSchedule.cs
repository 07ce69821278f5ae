namespace RobuMTL.Training;

/// <summary>
/// Learning rate as a pure function of the optimisation step: a linear ramp from
/// <paramref name="WarmupStartLearningRate"/> to <paramref name="PeakLearningRate"/> over
/// <paramref name="WarmupSteps"/> steps, then half a cosine down to <paramref name="MinLearningRate"/> at
/// <paramref name="TotalSteps"/>, and the minimum after that (the Swin / MTLoRA recipe, stepped per batch).
/// </summary>
/// <param name="PeakLearningRate">Rate at the end of the warmup (already scaled for the batch size).</param>
/// <param name="WarmupStartLearningRate">Rate of step 0 when there is a warmup.</param>
/// <param name="MinLearningRate">Floor the cosine reaches at <paramref name="TotalSteps"/>.</param>
/// <param name="WarmupSteps">Steps of linear warmup; 0 starts the cosine at once.</param>
/// <param name="TotalSteps">Steps of the whole phase (epochs times batches per epoch).</param>
public sealed record CosineWarmupSchedule(
    double PeakLearningRate,
    double WarmupStartLearningRate,
    double MinLearningRate,
    long WarmupSteps,
    long TotalSteps)
{
    /// <summary>The learning rate for the step with zero-based index <paramref name="step"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The step is negative or the schedule is invalid.</exception>
    public double At(long step)
    {
        Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (step < WarmupSteps)
        {
            var ramp = (double)step / WarmupSteps;
            return WarmupStartLearningRate + (PeakLearningRate - WarmupStartLearningRate) * ramp;
        }

        if (step >= TotalSteps)
        {
            return MinLearningRate;
        }

        var progress = (double)(step - WarmupSteps) / (TotalSteps - WarmupSteps);
        var cosine = 0.5 * (1.0 + Math.Cos(Math.PI * progress));
        return MinLearningRate + (PeakLearningRate - MinLearningRate) * cosine;
    }

    /// <summary>Throws when a rate is negative or the step counts do not fit together.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Names the offending value.</exception>
    public void Validate()
    {
        if (TotalSteps < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(TotalSteps), TotalSteps, "a schedule needs at least one step");
        }

        if (WarmupSteps < 0 || WarmupSteps > TotalSteps)
        {
            throw new ArgumentOutOfRangeException(
                nameof(WarmupSteps), WarmupSteps, $"warmup must lie between 0 and TotalSteps ({TotalSteps})");
        }

        if (PeakLearningRate < 0 || WarmupStartLearningRate < 0 || MinLearningRate < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(PeakLearningRate), PeakLearningRate, "learning rates must not be negative");
        }
    }
}
