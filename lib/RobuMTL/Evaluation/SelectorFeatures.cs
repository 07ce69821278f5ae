using RobuMTL.Weather;

namespace RobuMTL.Evaluation;

/// <summary>
/// The selector's squeeze-and-excitation (SE) feature vector of each evaluated image with its true condition,
/// for the t-SNE figure. <see cref="Features"/> is (N, D).
/// </summary>
public sealed record SelectorFeatures
{
    /// <summary>Pairs N feature vectors of one length D with N labels.</summary>
    /// <exception cref="ArgumentException">Counts or lengths disagree, or there are no samples.</exception>
    public SelectorFeatures(float[][] features, IReadOnlyList<WeatherCondition> labels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.Length == 0 || features.Length != labels.Count)
        {
            throw new ArgumentException($"{features.Length} feature vectors but {labels.Count} labels (need >= 1)");
        }

        var length = features[0].Length;
        if (features.Any(f => f.Length != length))
        {
            throw new ArgumentException("feature vectors differ in length", nameof(features));
        }

        Features = features;
        Labels = labels;
    }

    /// <summary>One vector per image, (N, D).</summary>
    public float[][] Features { get; }

    /// <summary>The true condition of each image, (N).</summary>
    public IReadOnlyList<WeatherCondition> Labels { get; }

    /// <summary>
    /// Writes one CSV row per image: the label, then the D features (<c>Label,f0,..,f{D-1}</c>) in round-trip form.
    /// </summary>
    public void Save(string csvPath) => CsvText.Write(
        csvPath,
        Header(Features[0].Length),
        Features.Select((vector, n) => vector.Select(v => CsvText.Number(v)).Prepend(Labels[n].ToString())));

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// The header or a value is wrong, or the file holds no rows; the message names the file and line.
    /// </exception>
    public static SelectorFeatures Load(string csvPath)
    {
        var first = File.Exists(csvPath) ? File.ReadLines(csvPath).FirstOrDefault() ?? "" : "";
        var width = first.Split(',').Length - 1;
        var header = Header(Math.Max(width, 1));
        var rows = CsvText.ReadRows(csvPath, header).ToList();
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"'{csvPath}' holds no feature rows; write it with SelectorFeatures.Save.");
        }

        var labels = rows.Select(r => CsvText.ParseEnum<WeatherCondition>(r.Fields[0], header[0], r.Where)).ToList();
        var features = rows.Select(r => r.Fields.Skip(1)
            .Select((text, d) => (float)CsvText.ParseDouble(text, header[d + 1], r.Where)).ToArray()).ToArray();
        return new SelectorFeatures(features, labels);
    }

    private static IReadOnlyList<string> Header(int width) =>
        [.. Enumerable.Range(0, width).Select(d => $"f{d}").Prepend("Label")];
}
