using System.Text;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace RobuMTL.NotebookHost;

/// <summary>
/// Turns the events of one cell into the outputs a saved notebook carries, in the order VS Code shows them:
/// streamed text, displayed values (updated in place), the return value, and the error of a failed cell.
/// </summary>
internal static class CellOutputs
{
    /// <summary>Builds the output elements of a cell from its events.</summary>
    public static List<InteractiveDocumentOutputElement> From(
        IEnumerable<KernelEvent> events, int executionOrder)
    {
        var outputs = new List<InteractiveDocumentOutputElement>();
        var displayed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            switch (e)
            {
                case StandardOutputValueProduced stdout:
                    AppendText(outputs, "stdout", PlainText(stdout.FormattedValues));
                    break;
                case StandardErrorValueProduced stderr:
                    AppendText(outputs, "stderr", PlainText(stderr.FormattedValues));
                    break;
                case ReturnValueProduced value:
                    outputs.Add(ReturnValue(value, executionOrder));
                    break;
                case DisplayedValueUpdated update
                    when update.ValueId is { } id && displayed.TryGetValue(id, out var at):
                    outputs[at] = new DisplayElement(Data(update.FormattedValues));
                    break;
                case ErrorProduced error:
                    outputs.Add(new ErrorElement(error.Message, "Error", []));
                    break;
                case DisplayEvent display and (DisplayedValueProduced or DisplayedValueUpdated):
                    if (display.ValueId is { } valueId)
                    {
                        displayed[valueId] = outputs.Count;
                    }

                    outputs.Add(new DisplayElement(Data(display.FormattedValues)));
                    break;
                case CommandFailed failed:
                    var errorName = failed.Exception?.GetType().Name ?? "Error";
                    outputs.Add(new ErrorElement(failed.Message, errorName, []));
                    break;
            }
        }

        return outputs;
    }

    private static ReturnValueElement ReturnValue(ReturnValueProduced value, int executionOrder)
    {
        var element = new ReturnValueElement { ExecutionOrder = executionOrder };
        foreach (var (mimeType, data) in Data(value.FormattedValues))
        {
            element.Data[mimeType] = data;
        }

        return element;
    }

    private static Dictionary<string, object> Data(IEnumerable<FormattedValue> values) => values
        .Where(v => !v.SuppressDisplay)
        .GroupBy(v => v.MimeType, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => (object)g.First().Value, StringComparer.Ordinal);

    private static string PlainText(IEnumerable<FormattedValue> values) =>
        values.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? "";

    private static void AppendText(List<InteractiveDocumentOutputElement> outputs, string stream, string text)
    {
        // Consecutive writes to one stream form one output block, as in VS Code.
        if (outputs.Count > 0 && outputs[^1] is TextElement last && last.Name == stream)
        {
            outputs[^1] = new TextElement(new StringBuilder(last.Text).Append(text).ToString(), stream);
            return;
        }

        outputs.Add(new TextElement(text, stream));
    }
}
