namespace RobuMTL.Weather;

/// <summary>Throughput of one effect at one image size, on one thread and batch-parallel.</summary>
/// <param name="Condition">The effect measured.</param>
/// <param name="Size">Square image side in pixels.</param>
/// <param name="Serial">Batches through <see cref="WeatherSynthesizer"/>.<c>ApplyBatch</c> on one thread.</param>
/// <param name="Parallel">The same batches with <see cref="WeatherBenchmarkOptions.Threads"/> threads.</param>
public sealed record WeatherBenchmarkResult(
    WeatherCondition Condition, int Size, WeatherThroughput Serial, WeatherThroughput Parallel)
{
    /// <summary>Batch-parallel images per second over serial ones (about the core count when it scales).</summary>
    public double Speedup => Parallel.ImagesPerSecond / Serial.ImagesPerSecond;
}
