using RobuMTL.Imaging;
using RobuMTL.Tasks;

namespace RobuMTL.Figures;

/// <summary>
/// One row of the qualitative figure: the degraded input and, visualised as RGB (colour-coded classes, normals as
/// colours, depth as a colour map), the ground truth and two methods' predictions for one task.
/// </summary>
/// <param name="Task">The task shown in this row.</param>
/// <param name="Input">The degraded input image.</param>
/// <param name="GroundTruth">The task's label, visualised.</param>
/// <param name="Baseline">The baseline's prediction (for example MTLoRA), visualised.</param>
/// <param name="RobuMtl">RobuMTL's prediction, visualised.</param>
public sealed record QualitativeRow(
    TaskKind Task,
    RgbImage Input,
    RgbImage GroundTruth,
    RgbImage Baseline,
    RgbImage RobuMtl);
