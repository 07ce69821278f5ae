using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Analysis;
using RobuMTL.Tasks;

namespace RobuMTL.Evaluation;

/// <summary>
/// The results of an evaluation in long format (one <see cref="EvaluationRecord"/> per number). Saved as CSV with
/// the producing configuration as JSON beside it (<c>results.csv</c> + <c>results.config.json</c>), and viewed as
/// a <see cref="DataFrame"/> in notebooks.
/// </summary>
public sealed class EvaluationTable
{
    /// <summary>The CSV header, also the DataFrame column names.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["Method", "Scenario", "Conditions", "Severity", "Strength", "Routing", "TopK", "Task", "Metric", "Value"];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly List<EvaluationRecord> records;

    /// <summary>An empty table.</summary>
    public EvaluationTable()
        : this([])
    {
    }

    /// <summary>A table holding <paramref name="records"/> (copied).</summary>
    public EvaluationTable(IEnumerable<EvaluationRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        this.records = [.. records];
    }

    /// <summary>The rows in insertion order.</summary>
    public IReadOnlyList<EvaluationRecord> Records => records;

    /// <summary>Number of rows.</summary>
    public int Count => records.Count;

    /// <summary>Appends one row.</summary>
    public void Add(EvaluationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        records.Add(record);
    }

    /// <summary>Appends rows.</summary>
    public void AddRange(IEnumerable<EvaluationRecord> rows)
    {
        foreach (var row in rows)
        {
            Add(row);
        }
    }

    /// <summary>A new table with the rows that match.</summary>
    public EvaluationTable Where(Func<EvaluationRecord, bool> predicate) => new(records.Where(predicate));

    /// <summary>The distinct method names in first-seen order (the order figures draw them in).</summary>
    public IReadOnlyList<string> Methods => records.Select(r => r.Method).Distinct().ToList();

    /// <summary>The path of the configuration JSON that belongs to a results CSV.</summary>
    public static string ConfigPath(string csvPath) => Path.ChangeExtension(csvPath, ".config.json");

    /// <summary>
    /// Writes the table to <paramref name="csvPath"/> and, when given, the configuration that produced it to
    /// <see cref="ConfigPath"/> (enums as names).
    /// </summary>
    public void Save<TConfig>(string csvPath, TConfig? config)
    {
        CsvText.Write(csvPath, Columns, records.Select(r => new[]
        {
            CsvText.Field(r.Method),
            r.Scenario.ToString(),
            CsvText.Field(r.Conditions),
            CsvText.Number(r.Severity),
            CsvText.Number(r.Strength),
            r.Routing.ToString(),
            CsvText.Number(r.TopK),
            r.Task?.ToString() ?? "",
            r.Metric.ToString(),
            CsvText.Number(r.Value),
        }));
        if (config is not null)
        {
            File.WriteAllText(ConfigPath(csvPath), JsonSerializer.Serialize(config, JsonOptions));
        }
    }

    /// <summary>Writes the table without a configuration file.</summary>
    public void Save(string csvPath) => Save<object>(csvPath, null);

    /// <summary>Reads a table written by <see cref="Save{TConfig}"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A header, field count or value is wrong; the message names the line.</exception>
    public static EvaluationTable Load(string csvPath)
    {
        var table = new EvaluationTable();
        foreach (var (f, where) in CsvText.ReadRows(csvPath, Columns))
        {
            table.Add(new EvaluationRecord(
                Method: f[0],
                Scenario: CsvText.ParseEnum<ScenarioKind>(f[1], Columns[1], where),
                Conditions: f[2],
                Severity: CsvText.ParseOptionalInt(f[3], Columns[3], where),
                Strength: CsvText.ParseOptionalDouble(f[4], Columns[4], where),
                Routing: CsvText.ParseEnum<RoutingKind>(f[5], Columns[5], where),
                TopK: CsvText.ParseOptionalInt(f[6], Columns[6], where),
                Task: f[7].Length == 0 ? null : CsvText.ParseEnum<TaskKind>(f[7], Columns[7], where),
                Metric: CsvText.ParseEnum<MetricKind>(f[8], Columns[8], where),
                Value: CsvText.ParseDouble(f[9], Columns[9], where)));
        }

        return table;
    }

    /// <summary>Reads the configuration saved beside a results CSV.</summary>
    /// <exception cref="FileNotFoundException">No configuration was saved with the table.</exception>
    public static TConfig LoadConfig<TConfig>(string csvPath)
    {
        var path = ConfigPath(csvPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No configuration '{path}' beside '{csvPath}'.", path);
        }

        return JsonSerializer.Deserialize<TConfig>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"'{path}' holds null instead of a configuration.");
    }

    /// <summary>The table as a DataFrame with <see cref="Columns"/>; enums as their names, nulls as missing values.</summary>
    public DataFrame ToDataFrame() => new(
        new StringDataFrameColumn(Columns[0], records.Select(r => r.Method)),
        new StringDataFrameColumn(Columns[1], records.Select(r => r.Scenario.ToString())),
        new StringDataFrameColumn(Columns[2], records.Select(r => r.Conditions)),
        new Int32DataFrameColumn(Columns[3], records.Select(r => r.Severity)),
        new DoubleDataFrameColumn(Columns[4], records.Select(r => r.Strength)),
        new StringDataFrameColumn(Columns[5], records.Select(r => r.Routing.ToString())),
        new Int32DataFrameColumn(Columns[6], records.Select(r => r.TopK)),
        new StringDataFrameColumn(Columns[7], records.Select(r => r.Task?.ToString())),
        new StringDataFrameColumn(Columns[8], records.Select(r => r.Metric.ToString())),
        new DoubleDataFrameColumn(Columns[9], records.Select(r => (double?)r.Value)));

    /// <summary>Reads a DataFrame shaped like <see cref="ToDataFrame"/> (columns found by name, any order).</summary>
    /// <exception cref="InvalidDataException">A column is missing or a value does not parse; the message names it.</exception>
    public static EvaluationTable FromDataFrame(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var names = frame.Columns.Select(c => c.Name).ToHashSet();
        var missing = Columns.Where(c => !names.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"DataFrame lacks the column(s) {string.Join(", ", missing)}.");
        }

        var table = new EvaluationTable();
        for (long i = 0; i < frame.Rows.Count; i++)
        {
            var where = $"DataFrame row {i}";
            string Text(string column) => frame.Columns[column][i]?.ToString() ?? "";
            int? OptionalInt(string column) => frame.Columns[column][i] is { } v ? Convert.ToInt32(v) : null;
            double? OptionalDouble(string column) => frame.Columns[column][i] is { } v ? Convert.ToDouble(v) : null;
            var task = Text("Task");
            table.Add(new EvaluationRecord(
                Text("Method"),
                CsvText.ParseEnum<ScenarioKind>(Text("Scenario"), "Scenario", where),
                Text("Conditions"),
                OptionalInt("Severity"),
                OptionalDouble("Strength"),
                CsvText.ParseEnum<RoutingKind>(Text("Routing"), "Routing", where),
                OptionalInt("TopK"),
                task.Length == 0 ? null : CsvText.ParseEnum<TaskKind>(task, "Task", where),
                CsvText.ParseEnum<MetricKind>(Text("Metric"), "Metric", where),
                OptionalDouble("Value") ?? throw new InvalidDataException($"{where}: 'Value' is missing.")));
        }

        return table;
    }
}
