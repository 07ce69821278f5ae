using System.Diagnostics;
using RobuMTL.Data.Scenes;

// Scene generation throughput at the workbook's sizes; prints scenes per second (noisy on a shared machine).
var counts = new Dictionary<int, int> { [64] = 400, [128] = 200, [448] = 16 };
foreach (var (size, count) in counts)
{
    var generator = new SceneGenerator(SceneGeneratorConfig.ForSize(size, seed: 1));
    generator.GenerateMany(0, 4);
    var watch = Stopwatch.StartNew();
    generator.GenerateMany(100, count);
    var parallel = count / watch.Elapsed.TotalSeconds;
    watch.Restart();
    generator.GenerateMany(1000, count / 4, maxParallelism: 1);
    var single = count / 4 / watch.Elapsed.TotalSeconds;
    Console.WriteLine(
        $"{size,4} px: {parallel,8:F1} scenes/s on {Environment.ProcessorCount} cores, {single,8:F1} on one, "
        + $"ratio {parallel / single:F2}");
}

// Export to disk (PNG + NPY) including encoding, at the quick profile's size.
var folder = Path.Combine(Path.GetTempPath(), $"scene-export-{Environment.ProcessId}");
var exportWatch = Stopwatch.StartNew();
GeneratedSceneStore.Ensure(folder, SceneGeneratorConfig.ForSize(128, seed: 2), 0, 200);
Console.WriteLine($" 128 px export: {200 / exportWatch.Elapsed.TotalSeconds:F1} scenes/s written to disk");
Directory.Delete(folder, recursive: true);
