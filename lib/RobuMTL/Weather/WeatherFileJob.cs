using RobuMTL.Imaging;

namespace RobuMTL.Weather;

/// <summary>
/// Applies a recipe to an image file or to every PNG/JPEG in a folder (not recursive) and writes the results
/// under the same names and formats to an output folder. File i (in ordinal name order) uses
/// <see cref="WeatherSeed.For"/>(seed, i). Inputs are never overwritten.
/// </summary>
public static class WeatherFileJob
{
    /// <summary>File extensions read and written (case-insensitive).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".png", ".jpg", ".jpeg"];

    /// <summary>The image files named by <paramref name="input"/> (a file or a folder), sorted by name.</summary>
    /// <exception cref="FileNotFoundException">Nothing exists at the path.</exception>
    /// <exception cref="InvalidDataException">The file is not PNG/JPEG, or the folder has none.</exception>
    public static IReadOnlyList<string> FindInputs(string input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        if (File.Exists(input))
        {
            return IsImage(input)
                ? [Path.GetFullPath(input)]
                : throw new InvalidDataException(
                    $"'{input}' is not a PNG or JPEG file; pass a .png, .jpg or .jpeg file or a folder of them.");
        }

        if (!Directory.Exists(input))
        {
            throw new FileNotFoundException($"Input '{input}' does not exist.", input);
        }

        var files = Directory.EnumerateFiles(input)
            .Where(IsImage)
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Count > 0
            ? files
            : throw new InvalidDataException($"Folder '{input}' holds no .png, .jpg or .jpeg files.");
    }

    /// <summary>Processes every input in parallel and returns one result per file, in input order.</summary>
    /// <exception cref="IOException">An output would replace an input, or the output path is a file.</exception>
    /// <exception cref="InvalidDataException">Some inputs could not be read; the others were still written and
    /// the message names every file that failed.</exception>
    public static IReadOnlyList<WeatherFileResult> Run(
        string input,
        string outputFolder,
        WeatherRecipe recipe,
        int seed,
        WeatherSynthesizer? synthesizer = null,
        IProgress<WeatherFileResult>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        recipe.Validate();
        synthesizer ??= WeatherSynthesizer.Default;
        var inputs = FindInputs(input);
        var outputs = PlanOutputs(inputs, outputFolder);
        Directory.CreateDirectory(outputFolder);

        var results = new WeatherFileResult?[inputs.Count];
        var failures = new string?[inputs.Count];
        Parallel.For(0, inputs.Count, i =>
        {
            try
            {
                var image = RgbImage.Load(inputs[i]);
                var perturbed = synthesizer.Apply(image, recipe, WeatherSeed.RandomFor(seed, i));
                perturbed.Image.Save(outputs[i]);
                results[i] = new WeatherFileResult(
                    inputs[i], outputs[i], perturbed.Conditions, perturbed.Weights, perturbed.Severity);
                progress?.Report(results[i]!);
            }
            catch (InvalidDataException e)
            {
                failures[i] = e.Message;
            }
        });

        var failed = failures.Where(f => f is not null).ToList();
        if (failed.Count > 0)
        {
            throw new InvalidDataException(
                $"{failed.Count} of {inputs.Count} images could not be read (the others were written): "
                + string.Join(" ", failed));
        }

        return [.. results.Select(r => r!)];
    }

    private static IReadOnlyList<string> PlanOutputs(IReadOnlyList<string> inputs, string outputFolder)
    {
        if (File.Exists(outputFolder))
        {
            throw new IOException($"Output '{outputFolder}' is a file; pass a folder to write the images into.");
        }

        var folder = Path.GetFullPath(outputFolder);
        var outputs = inputs.Select(f => Path.Combine(folder, Path.GetFileName(f))).ToList();
        var inputSet = inputs.ToHashSet(StringComparer.Ordinal);
        var clash = outputs.FirstOrDefault(inputSet.Contains);
        if (clash is not null)
        {
            throw new IOException(
                $"Refusing to overwrite input '{clash}'; choose an output folder other than the input folder.");
        }

        return outputs;
    }

    private static bool IsImage(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
}
