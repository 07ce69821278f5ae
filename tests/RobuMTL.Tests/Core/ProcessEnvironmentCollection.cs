namespace RobuMTL.Tests.Core;

/// <summary>
/// Tests that set process-wide environment variables (ROBUMTL_PROFILE); they run alone so no other test reads
/// the variable while it is changed.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
