using System.CommandLine;
using RobuMTL.Cli.Verbs;
using RobuMTL.Imaging;
using RobuMTL.Tests.Training;
using RobuMTL.Weather;
using static RobuMTL.Tests.Weather.WeatherTestImages;

namespace RobuMTL.Tests.Weather;

public sealed class WeatherVerbTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"robumtl-weather-{Guid.NewGuid():N}");

    public WeatherVerbTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "in"));
        Scene(24).Save(Path.Combine(_root, "in", "a.png"));
        Scene(20).Save(Path.Combine(_root, "in", "b.jpg"));
        File.WriteAllText(Path.Combine(_root, "in", "notes.txt"), "not an image");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static (int Code, string Out, string Err) Invoke(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var parse = new WeatherVerb().Create().Parse(args);
        var code = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Round_trips_a_folder_in_the_same_formats_and_is_deterministic()
    {
        var input = Path.Combine(_root, "in");
        var (out1, out2) = (Path.Combine(_root, "out1"), Path.Combine(_root, "out2"));

        var first = Invoke("--condition", "rain", "--severity", "3", "--seed", "1", "--input", input, "--output", out1);
        var second = Invoke("--condition", "Rain", "--seed", "1", "--input", input, "--output", out2);

        Assert.True(first.Code == 0, first.Err);
        Assert.Equal(0, second.Code);
        Assert.Contains("Wrote 2 image(s)", first.Out);
        Assert.Equal(["a.png", "b.jpg"], Directory.GetFiles(out1).Select(Path.GetFileName).Order());
        var a = RgbImage.Load(Path.Combine(out1, "a.png"));
        Assert.Equal((24, 24), (a.Width, a.Height));
        Assert.NotEqual(RgbImage.Load(Path.Combine(input, "a.png")).Pixels, a.Pixels);
        Assert.Equal(a.Pixels, RgbImage.Load(Path.Combine(out2, "a.png")).Pixels);
        Assert.Equal("JPEG", SixLabors.ImageSharp.Image.DetectFormat(Path.Combine(out1, "b.jpg")).Name);
    }

    [Fact]
    public void Sequences_spatial_mixes_and_strength_are_accepted()
    {
        var input = Path.Combine(_root, "in", "a.png");
        var seq = Invoke("--conditions", "rain,fog", "--strength", "0.6", "--input", input, "--output",
            Path.Combine(_root, "seq"));
        var mix = Invoke("--conditions", "snow, noise", "--spatial", "--input", input, "--output",
            Path.Combine(_root, "mix"));

        Assert.True(seq.Code == 0, seq.Err);
        Assert.Contains("Sequence [Rain + Fog]", seq.Out);
        Assert.True(mix.Code == 0, mix.Err);
        Assert.Contains("Spatial [Snow + Noise]", mix.Out);
    }

    [Fact]
    public void Progress_advances_once_per_written_file()
    {
        // The verb's Spectre bar advances on these reports; how often Spectre redraws is its own timing.
        var recipe = WeatherRecipe.Single(WeatherCondition.Fog, WeatherSeverity.FromLevel(2));
        var reported = new System.Collections.Concurrent.ConcurrentBag<string>();

        var results = WeatherFileJob.Run(Path.Combine(_root, "in"), Path.Combine(_root, "job"), recipe, seed: 0,
            progress: new InlineProgress<WeatherFileResult>(r => reported.Add(r.OutputPath)));

        Assert.Equal(2, reported.Count);
        Assert.Equal(results.Select(r => r.OutputPath).Order(), reported.Order());
    }

    [Fact]
    public void Refuses_to_overwrite_inputs()
    {
        var input = Path.Combine(_root, "in");
        var before = File.ReadAllBytes(Path.Combine(input, "a.png"));

        var result = Invoke("--condition", "fog", "--input", input, "--output", input);

        Assert.Equal(1, result.Code);
        Assert.Contains("Refusing to overwrite input", result.Err);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(input, "a.png")));
    }

    [Theory]
    [InlineData("--condition", "hail", "unknown condition 'hail'")]
    [InlineData("--severity", "7", "--severity 7 is outside 1..5")]
    [InlineData("--strength", "1.5", "--strength 1.5 is outside [0, 1]")]
    [InlineData("--conditions", "rain,rain", "conditions repeat")]
    public void Bad_values_get_an_error_naming_them(string option, string value, string expected)
    {
        var args = new List<string> { option, value, "--input", Path.Combine(_root, "in"), "--output",
            Path.Combine(_root, "bad") };
        if (option is "--severity" or "--strength")
        {
            args.AddRange(["--condition", "rain"]);
        }

        var result = Invoke([.. args]);

        Assert.Equal(1, result.Code);
        Assert.Contains(expected, result.Err);
    }

    [Fact]
    public void Missing_or_unreadable_files_are_named()
    {
        var missing = Invoke("--condition", "rain", "--input", Path.Combine(_root, "nope"), "--output",
            Path.Combine(_root, "o"));
        var broken = Path.Combine(_root, "broken");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "x.png"), "not a png");
        Scene(8).Save(Path.Combine(broken, "y.png"));
        var bad = Invoke("--condition", "rain", "--input", broken, "--output", Path.Combine(_root, "o2"));

        Assert.Equal(1, missing.Code);
        Assert.Contains("nope", missing.Err);
        Assert.Equal(1, bad.Code);
        Assert.Contains("x.png", bad.Err);
        Assert.True(File.Exists(Path.Combine(_root, "o2", "y.png")), "the readable image was not written");
    }

    [Fact]
    public void Grid_places_each_cell_where_documented()
    {
        var source = Scene(10);
        var conditions = new[] { WeatherCondition.Clean, WeatherCondition.Fog };
        var grid = WeatherGrid.Render(source, conditions, WeatherSeverity.Levels, seed: 3, gap: 2);

        Assert.Equal((5 * 12) + 2, grid.Width);
        Assert.Equal((2 * 12) + 2, grid.Height);

        // Row 0 is Clean: the cell in column 4 is the source itself.
        var left = 2 + (4 * 12);
        for (var y = 0; y < 10; y++)
        {
            var row = grid.Pixels.AsSpan((((2 + y) * grid.Width) + left) * 3, 30).ToArray();
            Assert.Equal(source.Pixels.AsSpan(y * 30, 30).ToArray(), row);
        }
    }
}
