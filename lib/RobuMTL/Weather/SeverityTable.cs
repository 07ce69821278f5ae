namespace RobuMTL.Weather;

/// <summary>Checks for the five-entry per-level tables of the ImageNet-C style effects.</summary>
internal static class SeverityTable
{
    /// <summary>Throws unless <paramref name="table"/> has five non-negative, non-decreasing entries.</summary>
    public static void Validate(string name, IReadOnlyList<double> table)
    {
        ArgumentNullException.ThrowIfNull(table, name);
        if (table.Count != 5)
        {
            throw new ArgumentException($"{name} needs one entry per severity level 1..5, got {table.Count}");
        }

        for (var i = 0; i < table.Count; i++)
        {
            if (!(table[i] >= 0) || (i > 0 && table[i] < table[i - 1]))
            {
                throw new ArgumentException(
                    $"{name} must be non-negative and non-decreasing, got [{string.Join(", ", table)}]");
            }
        }
    }
}
