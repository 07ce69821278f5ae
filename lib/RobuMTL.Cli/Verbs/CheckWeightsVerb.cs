using System.CommandLine;
using RobuMTL.Adapters;
using RobuMTL.Backbone;
using RobuMTL.Backbone.Weights;
using RobuMTL.Core;
using RobuMTL.Tasks;

namespace RobuMTL.Cli.Verbs;

/// <summary>
/// <c>robumtl check-weights FILE</c>: loads a pretrained Swin file (torchvision <c>.pth</c>, timm or our
/// <c>.safetensors</c>) into the workbook's backbone with LoRA experts and prints the
/// <see cref="WeightLoadReport"/>, so a downloaded checkpoint is checked before a long run.
/// </summary>
public sealed class CheckWeightsVerb : ICliVerb
{
    /// <inheritdoc />
    public int Order => 81;

    /// <inheritdoc />
    public Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The .pth/.pt or .safetensors weight file." };
        var preset = new Option<BackbonePreset>("--preset")
        {
            Description = "Backbone architecture the file must fit.",
            DefaultValueFactory = _ => BackbonePreset.SwinTiny,
        };
        var layout = new Option<CheckpointLayout?>("--layout")
        {
            Description = "Key naming of the file (Torchvision, TimmLegacy, Timm); default: detected.",
        };
        var classes = new Option<int>("--classes")
        {
            Description = "Classifier outputs to load too (1000 for ImageNet); 0 loads the backbone only.",
        };

        var command = new Command("check-weights", "Load a pretrained Swin file and report every key.")
        {
            file, preset, layout, classes,
        };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(file), parse.GetValue(preset), parse.GetValue(layout), parse.GetValue(classes)));
        return command;
    }

    private static int Run(FileInfo file, BackbonePreset preset, CheckpointLayout? layout, int classes)
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu);
        var swin = SwinConfig.FromPreset(preset) with { NumClasses = classes };
        var lora = preset == BackbonePreset.SwinTiny ? LoraConfig.PascalContext : LoraConfig.Nano;
        using var model = new MultiTaskSwin(MultiTaskSwinConfig.Experts(swin, lora, [TaskKind.SemanticSegmentation]));
        try
        {
            var report = WeightLoader.LoadFile(model, file.FullName, layout);
            Console.WriteLine(report);
            Console.WriteLine($"skipped: {string.Join(", ", report.Skipped.Take(6))}"
                + (report.Skipped.Count > 6 ? ", ..." : ""));
            Console.WriteLine($"expected missing (adapters, heads): {report.ExpectedMissing.Count} keys, e.g. "
                + string.Join(", ", report.ExpectedMissing.Take(2)));
            return 0;
        }
        catch (WeightLoadException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }
}
