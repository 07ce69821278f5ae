namespace RobuMTL.Tests.Training;

/// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to a synchronisation context).</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
