namespace RobuMTL.Figures;

/// <summary>A t-SNE embedding and how well it fits.</summary>
/// <param name="Embedding">Two coordinates per input point, (N, 2).</param>
/// <param name="KlDivergence">KL(P || Q) at the end, without exaggeration (lower is a better fit).</param>
/// <param name="InitialKlDivergence">KL(P || Q) of the random initial layout, for comparison.</param>
public sealed record TsneResult(double[][] Embedding, double KlDivergence, double InitialKlDivergence);
