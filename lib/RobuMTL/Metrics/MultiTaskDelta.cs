using RobuMTL.Tasks;

namespace RobuMTL.Metrics;

/// <summary>
/// The multi-task score delta_m = (100 / T) * sum_t s_t * (M_t - M_t,base) / M_t,base over the primary value of
/// each task, with s_t = -1 where lower is better (normals angle, depth RMSE) and +1 otherwise. In percent;
/// positive means better than the baseline.
/// </summary>
public static class MultiTaskDelta
{
    /// <summary>delta_m in percent over the tasks of <paramref name="model"/>; the baseline must hold each.</summary>
    public static double Compute(
        IReadOnlyDictionary<TaskKind, TaskMetrics> model, IReadOnlyDictionary<TaskKind, TaskMetrics> baseline)
    {
        if (model.Count == 0)
        {
            throw new ArgumentException("delta_m needs at least one task.", nameof(model));
        }

        var total = 0.0;
        foreach (var (task, metrics) in model)
        {
            total += PerTask(metrics, baseline.TryGetValue(task, out var reference)
                ? reference
                : throw new ArgumentException(
                    $"The baseline has no {task} result; it has [{string.Join(", ", baseline.Keys)}].",
                    nameof(baseline)));
        }

        return total / model.Count;
    }

    /// <summary>One task's signed relative change in percent, s_t * 100 * (M_t - M_t,base) / M_t,base.</summary>
    public static double PerTask(TaskMetrics metrics, TaskMetrics baseline)
    {
        if (metrics.Task != baseline.Task || metrics.PrimaryName != baseline.PrimaryName)
        {
            throw new ArgumentException(
                $"Cannot compare {metrics.Task} {metrics.PrimaryName} with {baseline.Task} {baseline.PrimaryName}.");
        }

        if (baseline.Primary == 0)
        {
            throw new ArgumentException(
                $"The baseline's {baseline.Task} {baseline.PrimaryName} is 0; delta_m divides by it.");
        }

        var sign = metrics.LowerIsBetter ? -1 : 1;
        return sign * 100 * (metrics.Primary - baseline.Primary) / baseline.Primary;
    }
}
