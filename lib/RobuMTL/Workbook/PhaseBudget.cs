namespace RobuMTL.Workbook;

/// <summary>The training budget of one phase, for comparing methods on the same data and compute.</summary>
/// <param name="Phase">The phase's checkpoint name (clean-mtl, warmup, expert-rain, ...).</param>
/// <param name="TrainableParameters">Parameters that receive gradients in the phase.</param>
/// <param name="Epochs">Epochs the profile gives the phase.</param>
/// <param name="ImagesSeen">Training images the phase processes (epochs times full batches).</param>
public sealed record PhaseBudget(string Phase, long TrainableParameters, int Epochs, long ImagesSeen);
