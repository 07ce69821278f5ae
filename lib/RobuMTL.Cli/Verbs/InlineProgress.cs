namespace RobuMTL.Cli.Verbs;

/// <summary>
/// Reports on the calling thread, at once and in order; Progress&lt;T&gt; would post to the thread pool and
/// could print after the work it reports on has finished.
/// </summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
