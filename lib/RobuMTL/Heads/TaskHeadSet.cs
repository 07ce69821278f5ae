using RobuMTL.Tasks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Heads;

/// <summary>
/// One <see cref="TaskDecoder"/> per task. The backbone gives each task its own four stage maps (task-specific
/// LoRA makes the streams differ), so the input is a dictionary of stage lists keyed by task.
/// </summary>
public sealed class TaskHeadSet : nn.Module
{
    private readonly ModuleDict<TaskDecoder> heads;

    /// <summary>Builds one decoder per task of <paramref name="config"/>; the config is validated here.</summary>
    public TaskHeadSet(TaskHeadSetConfig config) : base(nameof(TaskHeadSet))
    {
        config.Validate();
        Config = config;
        heads = nn.ModuleDict(config.Tasks
            .Select(t => (t.ToString(), new TaskDecoder(config.Decoder, config.OutputChannels(t))))
            .ToArray());
        RegisterComponents();
    }

    /// <summary>The configuration the heads were built with.</summary>
    public TaskHeadSetConfig Config { get; }

    /// <summary>The tasks this set decodes.</summary>
    public IReadOnlyList<TaskKind> Tasks => Config.Tasks;

    /// <summary>The decoder of <paramref name="task"/>.</summary>
    public TaskDecoder this[TaskKind task] => heads[task.ToString()];

    /// <summary>
    /// Decodes every configured task. Each entry of <paramref name="stages"/> holds that task's stage maps
    /// (B, C_i, H_i, W_i); each output is (B, O_t, height, width) with O_t from
    /// <see cref="TaskHeadSetConfig.OutputChannels"/>.
    /// </summary>
    public Dictionary<TaskKind, Tensor> forward(
        IReadOnlyDictionary<TaskKind, Tensor[]> stages, long height, long width)
    {
        var outputs = new Dictionary<TaskKind, Tensor>();
        foreach (var task in Config.Tasks)
        {
            if (!stages.TryGetValue(task, out var taskStages))
            {
                throw new ArgumentException(
                    $"No stage maps for task {task}; the backbone must return a stream for each of " +
                    $"[{string.Join(", ", Config.Tasks)}].", nameof(stages));
            }

            outputs[task] = this[task].forward(taskStages, height, width);
        }

        return outputs;
    }
}
