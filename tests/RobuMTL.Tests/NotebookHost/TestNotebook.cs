using System.Text.Json;
using System.Text.Json.Nodes;

namespace RobuMTL.Tests.NotebookHost;

/// <summary>Writes small .ipynb files the way VS Code saves them, into a temporary folder.</summary>
internal static class TestNotebook
{
    public static string Write(string folder, string name, params (string Kind, string Source)[] cells)
    {
        var cellArray = new JsonArray();
        foreach (var (kind, source) in cells)
        {
            var cell = new JsonObject
            {
                ["cell_type"] = kind,
                ["metadata"] = kind == "code"
                    ? new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } }
                    : new JsonObject(),
                ["source"] = new JsonArray([.. SplitLines(source).Select(l => JsonValue.Create(l))]),
            };
            if (kind == "code")
            {
                cell["execution_count"] = null;
                cell["outputs"] = new JsonArray();
            }

            cellArray.Add(cell);
        }

        var notebook = new JsonObject
        {
            ["cells"] = cellArray,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject
                {
                    ["display_name"] = ".NET (C#)",
                    ["language"] = "C#",
                    ["name"] = ".net-csharp",
                },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 2,
        };
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    /// <summary>The outputs of every cell of a written notebook, in cell order (markdown cells give none).</summary>
    public static List<JsonArray> Outputs(string path)
    {
        var cells = JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray();
        return [.. cells.Select(c => c!["outputs"]?.AsArray() ?? [])];
    }

    private static IEnumerable<string> SplitLines(string source)
    {
        var lines = source.Split('\n');
        return lines.Select((l, i) => i < lines.Length - 1 ? l + "\n" : l);
    }
}
