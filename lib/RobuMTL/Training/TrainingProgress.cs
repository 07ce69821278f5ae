namespace RobuMTL.Training;

/// <summary>
/// One progress record of a training phase, reported as data: a notebook shows it as a live line
/// (<see cref="ProgressLine"/>), the command line as a progress bar. Losses are means over the steps the
/// record covers.
/// </summary>
/// <param name="Phase">Name of the phase (also its checkpoint folder).</param>
/// <param name="Kind">Interval, epoch end, completion or skip.</param>
/// <param name="Epoch">Zero-based epoch the record belongs to.</param>
/// <param name="Epochs">Epochs in the phase.</param>
/// <param name="Step">Optimisation steps done in the phase so far (across resumes).</param>
/// <param name="TotalSteps">Steps the whole phase takes.</param>
/// <param name="Loss">Mean total loss over the covered steps; NaN when no step was run.</param>
/// <param name="Parts">Mean of each named part loss over the covered steps.</param>
/// <param name="LearningRate">Rate used by the last covered step.</param>
/// <param name="GradientNorm">Mean total gradient norm before clipping over the covered steps.</param>
/// <param name="ImagesPerSecond">Throughput over the covered steps; 0 when no step was run.</param>
/// <param name="Elapsed">Training time of the phase so far, including earlier runs that were resumed.</param>
public sealed record TrainingProgress(
    string Phase,
    ProgressKind Kind,
    int Epoch,
    int Epochs,
    long Step,
    long TotalSteps,
    double Loss,
    IReadOnlyDictionary<string, double> Parts,
    double LearningRate,
    double GradientNorm,
    double ImagesPerSecond,
    TimeSpan Elapsed)
{
    /// <summary>Fraction of the phase done, in [0, 1].</summary>
    public double Fraction => TotalSteps == 0 ? 1.0 : Math.Clamp((double)Step / TotalSteps, 0.0, 1.0);
}
