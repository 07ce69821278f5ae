using RobuMTL.Tasks;
using RobuMTL.Training;
using RobuMTL.Weather;

namespace RobuMTL.Evaluation;

/// <summary>The loss curves of a training run (<see cref="TrainingCurvePoint"/> rows), saved as CSV.</summary>
public sealed class TrainingCurveTable
{
    private readonly List<TrainingCurvePoint> points;

    /// <summary>A table holding <paramref name="points"/> (copied).</summary>
    public TrainingCurveTable(IEnumerable<TrainingCurvePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        this.points = [.. points];
    }

    /// <summary>The rows in insertion order.</summary>
    public IReadOnlyList<TrainingCurvePoint> Points => points;

    /// <summary>Appends one row.</summary>
    public void Add(TrainingCurvePoint point) => points.Add(point ?? throw new ArgumentNullException(nameof(point)));

    /// <summary>
    /// The loss curve of one phase from its progress records: for every interval record
    /// (<see cref="ProgressKind.Steps"/>) one row of the total loss and one per task part. Parts that are not
    /// tasks (the selector's accuracy) and records without a finite loss are left out.
    /// </summary>
    /// <param name="records">The phase's progress records, as the training stream yielded them.</param>
    /// <param name="phase">The phase label the rows carry ("Warmup", "Expert", ...).</param>
    /// <param name="expert">The expert being trained; null for phases without one.</param>
    public static TrainingCurveTable FromProgress(
        IEnumerable<TrainingProgress> records, string phase, WeatherCondition? expert = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentException.ThrowIfNullOrWhiteSpace(phase);
        var table = new TrainingCurveTable([]);
        foreach (var record in records.Where(r => r.Kind == ProgressKind.Steps && double.IsFinite(r.Loss)))
        {
            var step = checked((int)record.Step);
            table.Add(new TrainingCurvePoint(phase, expert, step, null, record.Loss));
            foreach (var (name, value) in record.Parts.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (Enum.TryParse<TaskKind>(name, ignoreCase: false, out var task) && Enum.IsDefined(task))
                {
                    table.Add(new TrainingCurvePoint(phase, expert, step, task, value));
                }
            }
        }

        return table;
    }

    /// <summary>
    /// The curve of a phase as a notebook shows it: built from this run's records and saved to
    /// <paramref name="csvPath"/> when the phase trained now; when it was skipped (completed earlier) the curve
    /// saved then, or an empty table when none was saved (a phase trained by the command line keeps no curve).
    /// </summary>
    public static TrainingCurveTable FromProgressOrSaved(
        IEnumerable<TrainingProgress> records, string phase, WeatherCondition? expert, string csvPath)
    {
        var fresh = FromProgress(records, phase, expert);
        if (fresh.Points.Count > 0)
        {
            fresh.Save(csvPath);
            return fresh;
        }

        return File.Exists(csvPath) ? Load(csvPath) : fresh;
    }

    /// <summary>A table holding the rows of every table in <paramref name="tables"/>, in order.</summary>
    public static TrainingCurveTable Concat(IEnumerable<TrainingCurveTable> tables) =>
        new(tables.SelectMany(t => t.Points));

    /// <summary>Writes the rows as CSV.</summary>
    public void Save(string csvPath) => CsvText.Write(csvPath, TrainingCurvePoint.Columns, points.Select(p => new[]
    {
        CsvText.Field(p.Phase),
        p.Expert?.ToString() ?? "",
        CsvText.Number(p.Step),
        p.Task?.ToString() ?? "",
        CsvText.Number(p.Loss),
    }));

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// A header, field count or value is wrong; the message names the line.
    /// </exception>
    public static TrainingCurveTable Load(string csvPath)
    {
        var columns = TrainingCurvePoint.Columns;
        var rows = CsvText.ReadRows(csvPath, columns).Select(row =>
        {
            var (f, where) = row;
            return new TrainingCurvePoint(
                f[0],
                f[1].Length == 0 ? null : CsvText.ParseEnum<WeatherCondition>(f[1], columns[1], where),
                CsvText.ParseInt(f[2], columns[2], where),
                f[3].Length == 0 ? null : CsvText.ParseEnum<TaskKind>(f[3], columns[3], where),
                CsvText.ParseDouble(f[4], columns[4], where));
        });
        return new TrainingCurveTable(rows);
    }
}
