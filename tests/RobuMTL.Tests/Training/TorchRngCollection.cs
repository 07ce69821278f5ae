namespace RobuMTL.Tests.Training;

/// <summary>
/// Tests that restore checkpoints set libtorch's global RNG state; they run alone so they cannot disturb
/// seeded tests elsewhere.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchRngCollection
{
    public const string Name = "Torch global RNG";
}
