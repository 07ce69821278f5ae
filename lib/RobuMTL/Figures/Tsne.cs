namespace RobuMTL.Figures;

/// <summary>
/// Exact t-SNE (van der Maaten and Hinton, 2008) into two dimensions: a Gaussian per point whose width matches the
/// perplexity, symmetrised affinities P, Student-t affinities Q in the plane, and gradient descent on KL(P || Q)
/// with momentum and per-coordinate gains. O(N^2) memory and time per step, meant for a few hundred points.
/// </summary>
public static class Tsne
{
    private const double Tiny = 1e-12;

    /// <summary>Embeds N points of D features, (N, D), into the plane, (N, 2).</summary>
    /// <exception cref="ArgumentException">Fewer than 3 points, ragged rows, or non-finite features.</exception>
    public static TsneResult Embed(IReadOnlyList<float[]> points, TsneOptions? options = null)
    {
        options ??= TsneOptions.Default;
        ArgumentNullException.ThrowIfNull(points);
        var n = points.Count;
        if (n < 3 || points.Any(p => p.Length != points[0].Length))
        {
            throw new ArgumentException($"t-SNE needs at least 3 points of one length, got {n}", nameof(points));
        }

        if (points.Any(p => p.Any(v => !float.IsFinite(v))))
        {
            throw new ArgumentException("t-SNE input holds NaN or infinity", nameof(points));
        }

        options.Validate(n);
        var learningRate = options.LearningRate ?? Math.Max(n / options.EarlyExaggeration / 4, 50);
        var p = JointProbabilities(SquaredDistances(points), options.Perplexity);
        var y = InitialLayout(n, options.Seed);
        var initialKl = KlDivergence(p, StudentQ(y, out _));

        var velocity = new double[n, 2];
        var gains = new double[n, 2];
        for (var i = 0; i < n; i++)
        {
            gains[i, 0] = gains[i, 1] = 1;
        }

        for (var iteration = 0; iteration < options.Iterations; iteration++)
        {
            var early = iteration < options.ExaggerationIterations;
            var exaggeration = early ? options.EarlyExaggeration : 1.0;
            var momentum = early ? 0.5 : 0.8;
            var q = StudentQ(y, out var kernel);
            for (var i = 0; i < n; i++)
            {
                for (var d = 0; d < 2; d++)
                {
                    // dKL/dy_i = 4 sum_j (P_ij - Q_ij) (y_i - y_j) / (1 + |y_i - y_j|^2)
                    var gradient = 0.0;
                    for (var j = 0; j < n; j++)
                    {
                        gradient += ((exaggeration * p[i, j]) - q[i, j]) * kernel[i, j] * (y[i][d] - y[j][d]);
                    }

                    gradient *= 4;

                    // Delta-bar-delta: grow the step where the gradient keeps its sign, shrink it where it flips.
                    gains[i, d] = Math.Sign(gradient) != Math.Sign(velocity[i, d])
                        ? gains[i, d] + 0.2
                        : Math.Max(gains[i, d] * 0.8, 0.01);
                    velocity[i, d] = (momentum * velocity[i, d]) - (learningRate * gains[i, d] * gradient);
                }
            }

            for (var i = 0; i < n; i++)
            {
                y[i][0] += velocity[i, 0];
                y[i][1] += velocity[i, 1];
            }

            Center(y);
        }

        return new TsneResult(y, KlDivergence(p, StudentQ(y, out _)), initialKl);
    }

    private static double[,] SquaredDistances(IReadOnlyList<float[]> points)
    {
        var n = points.Count;
        var d = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < points[i].Length; k++)
                {
                    var diff = (double)points[i][k] - points[j][k];
                    sum += diff * diff;
                }

                d[i, j] = d[j, i] = sum;
            }
        }

        return d;
    }

    /// <summary>P_ij = (p_j|i + p_i|j) / 2N, each conditional found by a bisection on the Gaussian precision.</summary>
    private static double[,] JointProbabilities(double[,] distances, double perplexity)
    {
        var n = distances.GetLength(0);
        var conditional = new double[n, n];
        var targetEntropy = Math.Log(perplexity);
        var row = new double[n];
        for (var i = 0; i < n; i++)
        {
            double beta = 1, low = double.NegativeInfinity, high = double.PositiveInfinity;
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var entropy = ConditionalRow(distances, i, beta, row);
                if (Math.Abs(entropy - targetEntropy) < 1e-5)
                {
                    break;
                }

                // Too much entropy means the Gaussian is too wide: raise the precision beta.
                if (entropy > targetEntropy)
                {
                    low = beta;
                    beta = double.IsPositiveInfinity(high) ? beta * 2 : (beta + high) / 2;
                }
                else
                {
                    high = beta;
                    beta = double.IsNegativeInfinity(low) ? beta / 2 : (beta + low) / 2;
                }
            }

            ConditionalRow(distances, i, beta, row);
            for (var j = 0; j < n; j++)
            {
                conditional[i, j] = row[j];
            }
        }

        var joint = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                joint[i, j] = Math.Max((conditional[i, j] + conditional[j, i]) / (2.0 * n), Tiny);
            }
        }

        return joint;
    }

    /// <summary>Fills p_j|i for one precision and returns the row's Shannon entropy (nats).</summary>
    private static double ConditionalRow(double[,] distances, int i, double beta, double[] row)
    {
        var n = row.Length;

        // Subtracting the smallest distance keeps exp() from underflowing to all zeros for far-away points.
        var nearest = double.PositiveInfinity;
        for (var j = 0; j < n; j++)
        {
            if (j != i)
            {
                nearest = Math.Min(nearest, distances[i, j]);
            }
        }

        var sum = 0.0;
        for (var j = 0; j < n; j++)
        {
            row[j] = j == i ? 0 : Math.Exp(-(distances[i, j] - nearest) * beta);
            sum += row[j];
        }

        var entropy = 0.0;
        for (var j = 0; j < n; j++)
        {
            row[j] /= sum;
            if (row[j] > 0)
            {
                entropy -= row[j] * Math.Log(row[j]);
            }
        }

        return entropy;
    }

    /// <summary>Q_ij proportional to 1 / (1 + |y_i - y_j|^2); <paramref name="kernel"/> keeps the unnormalised terms.</summary>
    private static double[,] StudentQ(double[][] y, out double[,] kernel)
    {
        var n = y.Length;
        kernel = new double[n, n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var dx = y[i][0] - y[j][0];
                var dy = y[i][1] - y[j][1];
                var k = 1.0 / (1.0 + (dx * dx) + (dy * dy));
                kernel[i, j] = kernel[j, i] = k;
                sum += 2 * k;
            }
        }

        var q = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                q[i, j] = i == j ? 0 : Math.Max(kernel[i, j] / sum, Tiny);
            }
        }

        return q;
    }

    private static double KlDivergence(double[,] p, double[,] q)
    {
        var n = p.GetLength(0);
        var kl = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j)
                {
                    kl += p[i, j] * Math.Log(p[i, j] / q[i, j]);
                }
            }
        }

        return kl;
    }

    /// <summary>Small Gaussian noise (sigma 1e-4), seeded, as in the reference implementation.</summary>
    private static double[][] InitialLayout(int n, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Enumerable.Range(0, n).Select(_ => new[] { 1e-4 * Normal(), 1e-4 * Normal() }).ToArray();
    }

    private static void Center(double[][] y)
    {
        var (mx, my) = (y.Average(v => v[0]), y.Average(v => v[1]));
        foreach (var v in y)
        {
            v[0] -= mx;
            v[1] -= my;
        }
    }
}
