using RobuMTL.Tasks;

namespace RobuMTL.Data.Scenes;

/// <summary>
/// Renders procedural indoor scenes with exact labels for all six tasks: textured primitives (floor, walls,
/// boxes, balls, pillars, tables, plants and a jointed figure) ray-cast through a pinhole camera with
/// analytic intersections, so depth and normals are exact. Scene i depends only on (config, i).
/// </summary>
public sealed class SceneGenerator
{
    /// <summary>Creates a generator; the config is validated here.</summary>
    public SceneGenerator(SceneGeneratorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config.Validate();
    }

    /// <summary>The settings in use.</summary>
    public SceneGeneratorConfig Config { get; }

    /// <summary>What the generated data holds: all six tasks, 9 classes, 7 part labels.</summary>
    public static DatasetInfo Info { get; } = new(
        "Generated scenes",
        Enum.GetValues<TaskKind>(),
        SemanticClasses: Enum.GetValues<SceneClass>().Length,
        PartClasses: Enum.GetValues<HumanPart>().Length,
        ClassNames: Enum.GetNames<SceneClass>().Select(n => n.ToLowerInvariant()).ToArray(),
        PartNames: DatasetInfo.PascalPartNames);

    /// <summary>Renders scene <paramref name="index"/> with its geometry layers.</summary>
    public RenderedScene Render(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new Random(MultiTaskBatchLoader.MixSeed(Config.Seed, index, 0x5CE7E));
        var layout = new SceneLayout(Config, random);
        return SceneRenderer.Render(layout, Config, SceneId(index));
    }

    /// <summary>Renders scene <paramref name="index"/> as a sample.</summary>
    public MultiTaskSample Generate(int index) => Render(index).Sample;

    /// <summary>Renders scenes start..start+count-1, in parallel over scenes.</summary>
    public MultiTaskSample[] GenerateMany(int start, int count, int? maxParallelism = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new MultiTaskSample[count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism ?? -1 };
        Parallel.For(0, count, options, i => result[i] = Generate(start + i));
        return result;
    }

    /// <summary>The identifier of scene <paramref name="index"/> (its file stem on disk).</summary>
    public static string SceneId(int index) =>
        index.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
}
