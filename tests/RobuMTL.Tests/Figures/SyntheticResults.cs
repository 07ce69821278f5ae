using RobuMTL.Evaluation;
using RobuMTL.Figures;
using RobuMTL.Imaging;
using RobuMTL.Tasks;
using RobuMTL.Weather;

namespace RobuMTL.Tests.Figures;

/// <summary>
/// SYNTHETIC results for testing and previewing the figures: made-up numbers from a formula, not measurements.
/// </summary>
internal static class SyntheticResults
{
    public static readonly string[] Methods = ["MTLoRA", "RobuMTL", "RobuMTL+"];

    public static readonly TaskKind[] Tasks =
        [TaskKind.SemanticSegmentation, TaskKind.HumanParts, TaskKind.Saliency, TaskKind.Normals];

    public static readonly WeatherCondition[] Weather =
    [
        WeatherCondition.Rain, WeatherCondition.Snow, WeatherCondition.Fog, WeatherCondition.Noise,
        WeatherCondition.Blur,
    ];

    public static EvaluationTable Table()
    {
        var table = new EvaluationTable();
        for (var m = 0; m < Methods.Length; m++)
        {
            var method = Methods[m];
            foreach (var task in Tasks)
            {
                var metric = task.PrimaryMetric();
                var clean = metric.LowerIsBetter() ? 17.0 : 65.0;
                table.Add(Row(method, ScenarioKind.Clean, "Clean", task, metric, clean + m));
                for (var w = 0; w < Weather.Length; w++)
                {
                    var drop = (w + 2) * (3 - m);
                    var value = metric.LowerIsBetter() ? clean + (0.3 * drop) : clean - drop;
                    table.Add(Row(method, ScenarioKind.Single, Weather[w].ToString(), task, metric, value));
                }
            }

            table.Add(Row(method, ScenarioKind.Single, "Rain", null, MetricKind.DeltaM, -8 + (4 * m)));
            foreach (var layout in new[] { "Rain | Fog", "Snow | Noise", "Fog | Blur | Rain" })
            {
                table.Add(Row(method, ScenarioKind.SpatialMix, layout, null, MetricKind.DeltaM, -10 + (4 * m)));
            }

            foreach (var weather in new[] { "Fog", "Noise" })
            {
                for (var s = 0; s <= 4; s++)
                {
                    table.Add(Row(method, ScenarioKind.Sweep, weather, null, MetricKind.DeltaM, -s * (4 - m))
                        with
                    { Strength = s / 4.0 });
                }
            }

            table.Add(Row(method, ScenarioKind.Clean, "Clean", null, MetricKind.LatencyMs, 20 + (9 * m)));
        }

        return table;
    }

    /// <summary>
    /// Three routings of RobuMTL against the baseline's segmentation mIoU of 50 under 1 to 5 stacked conditions, at
    /// delta_m -6, -3 and -2 (%) per condition (top-1, top-6, oracle).
    /// </summary>
    public static EvaluationTable Stress()
    {
        var table = new EvaluationTable();
        for (var count = 1; count <= 5; count++)
        {
            var kind = count == 1 ? ScenarioKind.Single : ScenarioKind.Mixed;
            var conditions = EvaluationRecord.JoinConditions(Weather.Take(count));
            table.Add(Segmentation(PaperClaims.Baseline, kind, conditions, 50));
            (string Method, double Slope)[] routings =
                [("RobuMTL top-1", 6.0), ("RobuMTL top-6", 3.0), ("RobuMTL oracle", 2.0)];
            foreach (var (method, slope) in routings)
            {
                table.Add(Segmentation(method, kind, conditions, 50 * (1 - (slope * count / 100))));
            }
        }

        return table;
    }

    /// <summary>
    /// The ablation steps' segmentation mIoU under Fog against the baseline's 50, at delta_m
    /// -14, -8, -6.5, +0.5 and +2 (%).
    /// </summary>
    public static EvaluationTable Ladder()
    {
        var ladder = new[] { -14.0, -8.0, -6.5, 0.5, 2.0 };
        var table = new EvaluationTable([Segmentation(PaperClaims.Baseline, ScenarioKind.Single, "Fog", 50)]);
        foreach (var step in Enum.GetValues<AblationStep>())
        {
            table.Add(Segmentation(step.ToString(), ScenarioKind.Single, "Fog", 50 * (1 + (ladder[(int)step] / 100))));
        }

        return table;
    }

    /// <summary>Four schedules and the baseline; schedule i at delta_m 1 - i clean and -3 + i / 2 under Fog.</summary>
    public static EvaluationTable RankAblation() => new(
        new[] { "ranks 16-32-64-128", "ranks 64-64-64-64", "ranks 128-64-32-16", "ranks 8-16-32-64" }
            .SelectMany((schedule, i) => new[]
            {
                Segmentation(schedule, ScenarioKind.Clean, "Clean", 60 * (1 + ((1.0 - i) / 100))),
                Segmentation(schedule, ScenarioKind.Single, "Fog", 40 * (1 + ((-3.0 + (0.5 * i)) / 100))),
            })
            .Prepend(Segmentation(PaperClaims.Baseline, ScenarioKind.Single, "Fog", 40))
            .Prepend(Segmentation(PaperClaims.Baseline, ScenarioKind.Clean, "Clean", 60)));

    public static TrainingCurveTable Curves()
    {
        var curves = new TrainingCurveTable([]);
        foreach (var (phase, expert) in new (string, WeatherCondition?)[]
            { ("Warmup", WeatherCondition.Clean), ("Expert", WeatherCondition.Rain), ("Expert", WeatherCondition.Fog) })
        {
            for (var step = 0; step < 40; step += 2)
            {
                var total = 0.0;
                foreach (var task in Tasks)
                {
                    var loss = (1.0 + (int)task) * Math.Exp(-step / 15.0) + 0.05;
                    total += loss;
                    curves.Add(new TrainingCurvePoint(phase, expert, step, task, loss));
                }

                curves.Add(new TrainingCurvePoint(phase, expert, step, null, total));
            }
        }

        return curves;
    }

    public static ConfusionMatrix Confusion()
    {
        var classes = new[] { WeatherCondition.Clean }.Concat(Weather).ToArray();
        var counts = classes.Select((_, i) => classes.Select((_, j) => i == j ? 40 - (3 * i) : (i + j) % 3).ToArray());
        return new ConfusionMatrix(classes, counts.ToArray());
    }

    /// <summary>Gaussian blobs around one centre per condition.</summary>
    public static SelectorFeatures Features(int perClass, int dimensions, double separation, int seed = 1)
    {
        var random = new Random(seed);
        var classes = new[] { WeatherCondition.Clean, WeatherCondition.Rain, WeatherCondition.Fog };
        var features = new List<float[]>();
        var labels = new List<WeatherCondition>();
        for (var c = 0; c < classes.Length; c++)
        {
            for (var n = 0; n < perClass; n++)
            {
                features.Add(Enumerable.Range(0, dimensions)
                    .Select(d => (float)((d % classes.Length == c ? separation : 0) + Normal(random)))
                    .ToArray());
                labels.Add(classes[c]);
            }
        }

        return new SelectorFeatures([.. features], labels);
    }

    /// <summary>A smooth colour pattern, tinted per index, so each image in a grid looks different.</summary>
    public static RgbImage Image(int width, int height, int index)
    {
        var image = new RgbImage(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var o = ((y * width) + x) * 3;
                image.Pixels[o] = (float)x / width;
                image.Pixels[o + 1] = (float)y / height;
                image.Pixels[o + 2] = (index % 5) / 4f;
            }
        }

        return image;
    }

    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static EvaluationRecord Segmentation(
        string method, ScenarioKind scenario, string conditions, double value) =>
        Row(method, scenario, conditions, TaskKind.SemanticSegmentation, MetricKind.MeanIoU, value);

    private static EvaluationRecord Row(
        string method, ScenarioKind scenario, string conditions, TaskKind? task, MetricKind metric, double value) =>
        new(method, scenario, conditions, null, null, RoutingKind.None, null, task, metric, value);
}
