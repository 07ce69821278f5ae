using RobuMTL.Tasks;
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
    /// <exception cref="InvalidDataException">A header, field count or value is wrong; the message names the line.</exception>
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
