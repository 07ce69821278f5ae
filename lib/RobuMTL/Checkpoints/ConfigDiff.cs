using System.Text.Json.Nodes;

namespace RobuMTL.Checkpoints;

/// <summary>Lists the leaf fields in which two JSON documents differ, by dotted path.</summary>
internal static class ConfigDiff
{
    /// <summary>Entries <c>path: saved X, now Y</c>, in document order; empty when equal.</summary>
    /// <param name="saved">The document (or part of one) read from disk.</param>
    /// <param name="current">The same document as the current run would write it.</param>
    /// <param name="path">Dotted path of the compared part within its file, put in front of every entry.</param>
    public static IReadOnlyList<string> Compare(JsonNode? saved, JsonNode? current, string path = "")
    {
        var differences = new List<string>();
        Walk(saved, current, path, differences);
        return differences;
    }

    private static void Walk(JsonNode? saved, JsonNode? current, string path, List<string> differences)
    {
        if (saved is JsonObject savedObject && current is JsonObject currentObject)
        {
            var keys = savedObject.Select(p => p.Key)
                .Concat(currentObject.Select(p => p.Key).Where(k => !savedObject.ContainsKey(k)));
            foreach (var key in keys)
            {
                Walk(savedObject[key], currentObject[key], Join(path, key), differences);
            }

            return;
        }

        if (saved is JsonArray savedArray && current is JsonArray currentArray
            && savedArray.Count == currentArray.Count)
        {
            for (var i = 0; i < savedArray.Count; i++)
            {
                Walk(savedArray[i], currentArray[i], $"{path}[{i}]", differences);
            }

            return;
        }

        if (!JsonNode.DeepEquals(saved, current))
        {
            differences.Add($"{(path.Length == 0 ? "(root)" : path)}: saved {Show(saved)}, now {Show(current)}");
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Show(JsonNode? node) => node is null ? "(absent)" : node.ToJsonString();
}
