using System.Globalization;
using RobuMTL.Tasks;

namespace RobuMTL.Figures;

/// <summary>Human labels shared by the figures.</summary>
internal static class FigureText
{
    /// <summary>A task's name as the paper writes it.</summary>
    public static string Task(TaskKind task) => task switch
    {
        TaskKind.SemanticSegmentation => "Semantic segmentation",
        TaskKind.HumanParts => "Human parts",
        TaskKind.Saliency => "Saliency",
        TaskKind.Normals => "Surface normals",
        TaskKind.Edges => "Edges",
        TaskKind.Depth => "Depth",
        _ => task.ToString(),
    };

    /// <summary>A signed number with fixed decimals: "+1.50", "-12.78".</summary>
    public static string Signed(double value, int decimals = 2) =>
        value.ToString((value >= 0 ? "+" : "") + "0." + new string('0', decimals), CultureInfo.InvariantCulture);

    /// <summary>A number with fixed decimals.</summary>
    public static string Fixed(double value, int decimals = 2) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
