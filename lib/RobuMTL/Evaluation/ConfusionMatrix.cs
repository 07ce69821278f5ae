using RobuMTL.Weather;

namespace RobuMTL.Evaluation;

/// <summary>
/// The selector's (DMLS) confusion matrix: <see cref="Counts"/>[true][predicted] over <see cref="Classes"/>.
/// </summary>
public sealed record ConfusionMatrix
{
    private static readonly IReadOnlyList<string> Columns = ["True", "Predicted", "Count"];

    /// <summary>
    /// Wraps counts; rows are true classes, columns predicted ones, both in <paramref name="classes"/> order.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The matrix is not square over the classes or holds a negative count.
    /// </exception>
    public ConfusionMatrix(IReadOnlyList<WeatherCondition> classes, int[][] counts)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Length != classes.Count || counts.Any(row => row.Length != classes.Count))
        {
            throw new ArgumentException($"a confusion matrix over {classes.Count} classes needs "
                + $"{classes.Count}x{classes.Count} counts", nameof(counts));
        }

        if (counts.Any(row => row.Any(c => c < 0)))
        {
            throw new ArgumentException("confusion counts cannot be negative", nameof(counts));
        }

        Classes = classes;
        Counts = counts;
    }

    /// <summary>The classes in row and column order.</summary>
    public IReadOnlyList<WeatherCondition> Classes { get; }

    /// <summary>Counts[true][predicted].</summary>
    public int[][] Counts { get; }

    /// <summary>Share of correct predictions in [0, 1]; NaN for an empty matrix.</summary>
    public double Accuracy
    {
        get
        {
            var total = Counts.Sum(row => row.Sum());
            return total == 0 ? double.NaN : (double)Enumerable.Range(0, Classes.Count).Sum(i => Counts[i][i]) / total;
        }
    }

    /// <summary>
    /// Each row divided by its sum (recall per class on the diagonal); rows without samples stay zero.
    /// </summary>
    public double[][] RowNormalised() => Counts
        .Select(row =>
        {
            var sum = row.Sum();
            return row.Select(c => sum == 0 ? 0.0 : (double)c / sum).ToArray();
        })
        .ToArray();

    /// <summary>
    /// Writes the counts as long-format CSV (<c>True,Predicted,Count</c>), one row per cell in row-major order,
    /// zeros included, so <see cref="Load"/> recovers the class order.
    /// </summary>
    public void Save(string csvPath) => CsvText.Write(
        csvPath,
        Columns,
        from t in Enumerable.Range(0, Classes.Count)
        from p in Enumerable.Range(0, Classes.Count)
        select new[] { Classes[t].ToString(), Classes[p].ToString(), CsvText.Number(Counts[t][p]) });

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// The header, a value, or the cell layout is wrong; the message names the file and line.
    /// </exception>
    public static ConfusionMatrix Load(string csvPath)
    {
        var cells = CsvText.ReadRows(csvPath, Columns).Select(row => (
            True: CsvText.ParseEnum<WeatherCondition>(row.Fields[0], Columns[0], row.Where),
            Predicted: CsvText.ParseEnum<WeatherCondition>(row.Fields[1], Columns[1], row.Where),
            Count: CsvText.ParseInt(row.Fields[2], Columns[2], row.Where))).ToList();
        var classes = cells.Select(c => c.True).Distinct().ToList();
        var expected = from t in classes from p in classes select (t, p);
        if (classes.Count == 0 || !cells.Select(c => (c.True, c.Predicted)).SequenceEqual(expected))
        {
            throw new InvalidDataException(
                $"'{csvPath}' does not hold every (true, predicted) pair of [{string.Join(", ", classes)}] once in "
                + "row-major order; write it with ConfusionMatrix.Save.");
        }

        var counts = classes.Select((_, t) => cells.Skip(t * classes.Count).Take(classes.Count)
            .Select(c => c.Count).ToArray()).ToArray();
        try
        {
            return new ConfusionMatrix(classes, counts);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"'{csvPath}': {e.Message}", e);
        }
    }

    /// <summary>Counts pairs of true and predicted conditions.</summary>
    /// <exception cref="ArgumentException">
    /// The lists differ in length or hold a condition outside the classes.
    /// </exception>
    public static ConfusionMatrix FromPredictions(
        IReadOnlyList<WeatherCondition> classes,
        IReadOnlyList<WeatherCondition> truth,
        IReadOnlyList<WeatherCondition> predicted)
    {
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException($"{truth.Count} true labels but {predicted.Count} predictions");
        }

        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var counts = classes.Select(_ => new int[classes.Count]).ToArray();
        for (var n = 0; n < truth.Count; n++)
        {
            if (!index.TryGetValue(truth[n], out var t) || !index.TryGetValue(predicted[n], out var p))
            {
                throw new ArgumentException(
                    $"sample {n} ({truth[n]} -> {predicted[n]}) is outside the classes {string.Join(", ", classes)}");
            }

            counts[t][p]++;
        }

        return new ConfusionMatrix(classes, counts);
    }
}
