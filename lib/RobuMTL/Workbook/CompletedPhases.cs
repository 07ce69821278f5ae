using System.Text.Json;
using System.Text.Json.Nodes;
using RobuMTL.Checkpoints;
using RobuMTL.Model;
using RobuMTL.Selection;

namespace RobuMTL.Workbook;

/// <summary>
/// The checks before anything reads what a phase trained: the phase has finished, and the configuration saved
/// beside its checkpoint is the one the weights are about to be loaded for. Tensor shapes alone would let a
/// model with another LoRA scale or drop-path rate load silently.
/// </summary>
internal sealed class CompletedPhases(WorkbookSession session)
{
    /// <summary>Throws unless the phase has left its completion marker.</summary>
    /// <exception cref="InvalidOperationException">The phase has not completed; the message names it.</exception>
    public void Require(string name)
    {
        if (!session.Checkpoints.IsComplete(name))
        {
            throw new InvalidOperationException(
                $"Phase '{name}' of the {session.Profile.Kind} profile has not completed in "
                + $"'{session.RunFolder}'. Run the notebook (or `dotnet run --project lib/RobuMTL.Cli -- train`) "
                + "that trains it first.");
        }
    }

    /// <summary>
    /// Requires a completed phase of a <see cref="RobuMtlModel"/> whose saved <c>run.model</c> equals
    /// <paramref name="config"/> and whose <c>run.pretrained</c> names this profile's ImageNet weights (the
    /// fields <see cref="WorkbookTraining"/>'s phases save).
    /// </summary>
    /// <exception cref="InvalidOperationException">The phase has not completed.</exception>
    /// <exception cref="CheckpointMismatchException">A field differs; the message names it and the folder.</exception>
    public void RequireModel(string name, RobuMtlModelConfig config)
    {
        Require(name);
        session.Checkpoints.EnsureSavedMatches(name, new Dictionary<string, JsonNode?>
        {
            ["run.model"] = JsonSerializer.SerializeToNode(config, CheckpointStore.JsonOptions),
            ["run.pretrained"] = JsonValue.Create(session.Profile.PretrainedWeights),
        });
    }

    /// <summary>Requires the completed selector phase, trained with <paramref name="config"/>.</summary>
    /// <exception cref="InvalidOperationException">The phase has not completed.</exception>
    /// <exception cref="CheckpointMismatchException">A field differs; the message names it and the folder.</exception>
    public void RequireSelector(string name, WeatherSelectorConfig config)
    {
        Require(name);
        session.Checkpoints.EnsureSavedMatches(name, new Dictionary<string, JsonNode?>
        {
            ["run"] = JsonSerializer.SerializeToNode(config, CheckpointStore.JsonOptions),
        });
    }
}
