namespace RobuMTL.Figures;

/// <summary>Settings of the exact t-SNE in <see cref="Tsne"/>; the defaults follow the common reference settings.</summary>
/// <param name="Perplexity">Effective neighbour count; must be below the number of points.</param>
/// <param name="Iterations">Gradient steps in total.</param>
/// <param name="LearningRate">
/// Step size of the gradient descent; null picks max(N / exaggeration / 4, 50), which stays stable for small N.
/// </param>
/// <param name="EarlyExaggeration">Factor on P during the first steps, to form well separated clusters.</param>
/// <param name="ExaggerationIterations">Steps with exaggeration and low momentum.</param>
/// <param name="Seed">Seeds the random initial layout.</param>
public sealed record TsneOptions(
    double Perplexity = 30,
    int Iterations = 1000,
    double? LearningRate = null,
    double EarlyExaggeration = 12,
    int ExaggerationIterations = 250,
    int Seed = 0)
{
    /// <summary>The reference settings.</summary>
    public static TsneOptions Default { get; } = new();

    /// <summary>Throws when a setting cannot work for <paramref name="points"/> points.</summary>
    public void Validate(int points)
    {
        if (Perplexity <= 1 || Perplexity >= points)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Perplexity), Perplexity, $"perplexity must be in (1, {points}) for {points} points; lower it");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Iterations, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate ?? 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(EarlyExaggeration, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(ExaggerationIterations);
    }
}
