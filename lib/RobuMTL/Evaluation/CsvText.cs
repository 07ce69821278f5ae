using System.Globalization;
using System.Text;

namespace RobuMTL.Evaluation;

/// <summary>
/// The small RFC 4180 subset the results files use: comma separated, quoted when a field holds a comma or quote,
/// one record per line, invariant culture, doubles in round-trip form.
/// </summary>
internal static class CsvText
{
    /// <summary>Quotes a field when needed; rejects line breaks, which the one-record-per-line format cannot hold.</summary>
    public static string Field(string? value)
    {
        if (value is null)
        {
            return "";
        }

        if (value.Contains('\n') || value.Contains('\r'))
        {
            throw new ArgumentException($"CSV field '{value}' contains a line break; remove it before saving.");
        }

        return value.Contains(',') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    /// <summary>A double that reads back bit for bit.</summary>
    public static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    /// <summary>An integer, empty for null.</summary>
    public static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>Splits one line into fields; <paramref name="where"/> names file and line in errors.</summary>
    public static List<string> Split(string line, string where)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new InvalidDataException($"{where}: unterminated quoted field.");
        }

        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>Reads a required double.</summary>
    public static double ParseDouble(string text, string column, string where) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{where}: column '{column}' holds '{text}', expected a number.");

    /// <summary>Reads an optional double (empty is null).</summary>
    public static double? ParseOptionalDouble(string text, string column, string where) =>
        text.Length == 0 ? null : ParseDouble(text, column, where);

    /// <summary>Reads a required integer.</summary>
    public static int ParseInt(string text, string column, string where) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{where}: column '{column}' holds '{text}', expected an integer.");

    /// <summary>Reads an optional integer (empty is null).</summary>
    public static int? ParseOptionalInt(string text, string column, string where) =>
        text.Length == 0 ? null : ParseInt(text, column, where);

    /// <summary>Reads an enum by its exact name, listing the valid names when it fails.</summary>
    public static T ParseEnum<T>(string text, string column, string where)
        where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidDataException(
                $"{where}: column '{column}' holds '{text}', expected one of {string.Join(", ", Enum.GetNames<T>())}.");

    /// <summary>Reads the data lines of a file after checking its header; yields (fields, location) pairs.</summary>
    public static IEnumerable<(List<string> Fields, string Where)> ReadRows(string path, IReadOnlyList<string> header)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Results file '{path}' does not exist.", path);
        }

        var lines = File.ReadAllLines(path);
        var expected = string.Join(',', header);
        if (lines.Length == 0 || lines[0].Trim() != expected)
        {
            throw new InvalidDataException(
                $"'{path}' does not start with the header '{expected}'; it is not a file this type wrote.");
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var where = $"{path} line {i + 1}";
            var fields = Split(lines[i], where);
            if (fields.Count != header.Count)
            {
                throw new InvalidDataException($"{where}: {fields.Count} fields, expected {header.Count}.");
            }

            yield return (fields, where);
        }
    }

    /// <summary>Writes header and rows, creating the folder.</summary>
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var text = new StringBuilder();
        text.Append(string.Join(',', header)).Append('\n');
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }
}
