using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Training;

/// <summary>
/// One phase of training (for example the clean warmup or one weather expert) as the generic
/// <see cref="Trainer"/> sees it: the module to checkpoint, the parameters to optimise, the batches and the
/// step function. Nothing here knows the model or data types.
/// </summary>
/// <typeparam name="TBatch">The caller's batch type.</typeparam>
/// <param name="Name">Phase name; also the checkpoint folder, so letters, digits, '-', '_' and '.'.</param>
/// <param name="Model">Module whose whole state (trainable and frozen) is checkpointed and restored.</param>
/// <param name="Trainable">
/// The only parameters the optimiser updates (the current phase's trainable set), with their state-dict
/// names. Every one must have <c>requires_grad</c> set; parameters left out never change.
/// </param>
/// <param name="BatchesPerEpoch">Batches each epoch yields; fixes the schedule's length.</param>
/// <param name="Batches">Produces an epoch's batches from a given index in a deterministic order.</param>
/// <param name="Step">Forward pass and loss of one batch; the trainer runs backward, clipping and update.</param>
/// <param name="DataSeed">Seed of the data order, saved with every checkpoint.</param>
/// <param name="RunConfig">
/// Any further settings that must match on resume (model config, dataset, condition); serialised to JSON
/// beside the checkpoint. Null when there are none.
/// </param>
public sealed record TrainingPhase<TBatch>(
    string Name,
    nn.Module Model,
    IReadOnlyList<(string Name, Parameter Parameter)> Trainable,
    int BatchesPerEpoch,
    BatchFactory<TBatch> Batches,
    Func<TBatch, StepLoss> Step,
    int DataSeed,
    object? RunConfig = null)
{
    /// <summary>Throws when the phase cannot run, naming the field and the fix.</summary>
    /// <exception cref="ArgumentException">
    /// No trainable parameters, a frozen or repeated one, or bad counts.
    /// </exception>
    public void Validate()
    {
        if (Trainable.Count == 0)
        {
            throw new ArgumentException(
                $"Phase '{Name}' has no trainable parameters; pass the parameters this phase should update.",
                nameof(Trainable));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchesPerEpoch);
        var seen = new HashSet<IntPtr>();
        foreach (var (name, parameter) in Trainable)
        {
            if (!parameter.requires_grad)
            {
                throw new ArgumentException(
                    $"Phase '{Name}': parameter '{name}' is frozen (requires_grad is false) but listed as "
                    + "trainable; unfreeze it or leave it out of the trainable set.",
                    nameof(Trainable));
            }

            if (!seen.Add(parameter.Handle))
            {
                throw new ArgumentException(
                    $"Phase '{Name}': parameter '{name}' is listed twice in the trainable set.", nameof(Trainable));
            }
        }
    }
}
