using RobuMTL.Tasks;
using RobuMTL.Weather;

namespace RobuMTL.Evaluation;

/// <summary>One logged loss value of a training run, in long format.</summary>
/// <param name="Phase">The training phase ("Warmup", "Expert", "Selector", "Squad").</param>
/// <param name="Expert">The expert being trained; null for phases without one (backbone, selector).</param>
/// <param name="Step">Optimisation step within the phase, from 0.</param>
/// <param name="Task">The task whose loss this is; null for the weighted total.</param>
/// <param name="Loss">The loss value (unweighted per task, weighted for the total).</param>
public sealed record TrainingCurvePoint(string Phase, WeatherCondition? Expert, int Step, TaskKind? Task, double Loss)
{
    /// <summary>The CSV header <see cref="TrainingCurveTable"/> writes.</summary>
    internal static readonly IReadOnlyList<string> Columns = ["Phase", "Expert", "Step", "Task", "Loss"];
}
