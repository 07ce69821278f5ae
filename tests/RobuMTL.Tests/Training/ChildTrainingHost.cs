using RobuMTL.Checkpoints;
using RobuMTL.Training;

namespace RobuMTL.Tests.Training;

/// <summary>
/// Entry point of the test assembly when it is started as a program: <c>train-tiny ROOT</c> trains the tiny
/// regression slowly with checkpoints under ROOT and prints the step after every record, so a test can kill
/// it mid-phase. Test runners never call it.
/// </summary>
public static class ChildTrainingHost
{
    public const string Verb = "train-tiny";

    public static int Main(string[] args)
    {
        if (args is not [Verb, var root])
        {
            Console.Error.WriteLine($"This assembly holds tests; run them with dotnet test (or {Verb} ROOT).");
            return 2;
        }

        using var tiny = new TinyRegression(initSeed: 5);
        var phase = tiny.Phase(step: batch =>
        {
            Thread.Sleep(50);
            return tiny.Loss(batch);
        });
        var progress = new InlineProgress<TrainingProgress>(p => Console.Out.WriteLine($"step {p.Step}"));
        new Trainer(TinyRegression.Config, new CheckpointStore(root)).Run(phase, progress);
        return 0;
    }
}
