using RobuMTL.Metrics;
using RobuMTL.Tasks;

namespace RobuMTL.Workbook;

/// <summary>One method's numbers under one scenario.</summary>
/// <param name="Metrics">Each task's metrics over the whole split.</param>
/// <param name="SelectorAccuracy">Percent of images whose top-1 selector class is the primary condition; null
/// for models without a selector or when routing did not run it.</param>
/// <param name="MillisecondsPerImage">Forward time per image (selector, fusion, backbone and heads).</param>
public sealed record ScenarioResult(
    IReadOnlyDictionary<TaskKind, TaskMetrics> Metrics,
    double? SelectorAccuracy,
    double MillisecondsPerImage);
