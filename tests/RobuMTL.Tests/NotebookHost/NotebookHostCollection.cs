namespace RobuMTL.Tests.NotebookHost;

/// <summary>
/// Notebook runs change the process's working directory and environment while they last, so their tests
/// run one at a time and after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookHostCollection
{
    public const string Name = "NotebookHost";
}
