using RobuMTL.Core;
using RobuMTL.Metrics;
using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Metrics;

public sealed class MetricSetTests
{
    public MetricSetTests() => TorchRuntime.Initialize(threads: 2);

    private static TaskMetrics Result(TaskKind task, string name, double value, bool lowerIsBetter) =>
        new(task, new Dictionary<string, double> { [name] = value }, name, lowerIsBetter, 1);

    [Fact]
    public void DeltaMNegatesLowerIsBetterTasks()
    {
        // semseg 70 vs 60: +16.667; normals 18 vs 20 (lower is better): +10; depth 0.6 vs 0.5: -20.
        // delta_m = (16.667 + 10 - 20) / 3 = 2.2222%.
        var model = new Dictionary<TaskKind, TaskMetrics>
        {
            [TaskKind.SemanticSegmentation] = Result(TaskKind.SemanticSegmentation, MetricNames.MeanIoU, 70, false),
            [TaskKind.Normals] = Result(TaskKind.Normals, MetricNames.MeanAngle, 18, true),
            [TaskKind.Depth] = Result(TaskKind.Depth, MetricNames.Rmse, 0.6, true),
        };
        var baseline = new Dictionary<TaskKind, TaskMetrics>
        {
            [TaskKind.SemanticSegmentation] = Result(TaskKind.SemanticSegmentation, MetricNames.MeanIoU, 60, false),
            [TaskKind.Normals] = Result(TaskKind.Normals, MetricNames.MeanAngle, 20, true),
            [TaskKind.Depth] = Result(TaskKind.Depth, MetricNames.Rmse, 0.5, true),
        };

        Assert.Equal((100.0 / 6 + 10 - 20) / 3, MultiTaskDelta.Compute(model, baseline), 9);
        Assert.Equal(10, MultiTaskDelta.PerTask(model[TaskKind.Normals], baseline[TaskKind.Normals]), 9);
    }

    [Fact]
    public void DeltaMNeedsEveryTaskInTheBaseline()
    {
        var model = new Dictionary<TaskKind, TaskMetrics>
        {
            [TaskKind.Depth] = Result(TaskKind.Depth, MetricNames.Rmse, 0.6, true),
        };

        var error = Assert.Throws<ArgumentException>(
            () => MultiTaskDelta.Compute(model, new Dictionary<TaskKind, TaskMetrics>()));
        Assert.Contains("Depth", error.Message);
    }

    [Fact]
    public void SetFeedsEachTaskToItsMeter()
    {
        using var scope = NewDisposeScope();
        var set = MetricSet.For([TaskKind.SemanticSegmentation, TaskKind.Depth], semanticClasses: 2);
        var predictions = new Dictionary<TaskKind, Tensor>
        {
            [TaskKind.SemanticSegmentation] = tensor(new float[] { 1, 0, 0, 1 }).view(1, 2, 1, 2),
            [TaskKind.Depth] = tensor(new float[] { 2, 5 }).view(1, 1, 1, 2),
        };
        var targets = new Dictionary<TaskKind, Tensor>
        {
            [TaskKind.SemanticSegmentation] = tensor(new long[] { 0, 0 }).view(1, 1, 2),
            [TaskKind.Depth] = tensor(new float[] { 1, 1 }).view(1, 1, 1, 2),
        };

        set.Update(predictions, targets);
        var results = set.Compute();

        // Predicted classes (0, 1) against labels (0, 0): IoU0 = 1/2, IoU1 = 0/1 -> 25%.
        // Depth errors 1 and 4: RMSE sqrt(17 / 2).
        Assert.Equal(25.0, results[TaskKind.SemanticSegmentation].Primary, 9);
        Assert.Equal(Math.Sqrt(8.5), results[TaskKind.Depth].Primary, 9);
        predictions.Remove(TaskKind.Depth);
        var error = Assert.Throws<ArgumentException>(() => set.Update(predictions, targets));
        Assert.Contains("Depth", error.Message);
    }
}
