using System.Text.Json;
using Plotly.NET;

namespace RobuMTL.Tests.Figures;

/// <summary>Reads a chart back as the plotly.js figure JSON it serialises to.</summary>
internal sealed class FigureJson
{
    private FigureJson(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public IReadOnlyList<JsonElement> Traces => [.. Root.GetProperty("data").EnumerateArray()];

    public JsonElement Layout => Root.GetProperty("layout");

    public string Title => Layout.GetProperty("title").GetProperty("text").GetString()!;

    public IReadOnlyList<string> TraceNames => Traces.Select(t => t.GetProperty("name").GetString()!).ToList();

    public IReadOnlyList<string> Annotations => Layout.TryGetProperty("annotations", out var a)
        ? a.EnumerateArray().Select(x => x.GetProperty("text").GetString()!).ToList()
        : [];

    public static FigureJson Of(GenericChart chart) =>
        new(JsonDocument.Parse(GenericChart.toFigureJson(chart)).RootElement.Clone());

    public static double?[] Numbers(JsonElement array) => array.EnumerateArray()
        .Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble())
        .ToArray();
}
