using RobuMTL.Adapters;
using RobuMTL.Fusion;
using RobuMTL.Tasks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Backbone;

/// <summary>
/// Swin Transformer v1 with LoRA experts, giving four stage maps per task. Module names equal torchvision
/// <c>swin_t</c> state-dict keys (<c>features.0.0</c> stem conv, <c>features.1.0.attn.qkv</c>,
/// <c>features.2.reduction</c>, ..., <c>norm</c>, <c>head</c>) so its checkpoints load by name; adapters add
/// <c>....experts.&lt;Condition&gt;.shared.A</c>-style keys. Per MTLoRA, the last block of each stage gives every
/// task its own stream; the next stage continues from the shared stream.
/// </summary>
public sealed class MultiTaskSwin : nn.Module
{
    /// <summary>Stem, then stage blocks and patch merging alternately (torchvision's <c>features</c>).</summary>
    public readonly ModuleList<nn.Module> features;

    /// <summary>Final LayerNorm (used by the classifier only, as torchvision).</summary>
    public readonly LayerNorm norm;

    /// <summary>ImageNet-style classifier, present when <see cref="SwinConfig.NumClasses"/> is positive.</summary>
    public readonly Linear? head;

    private readonly SwinBlock[][] stages;
    private readonly PatchMerging[] merges;

    /// <summary>Builds the model with fresh (no-op) experts, frozen unless the mode is fully fine-tuned.</summary>
    public MultiTaskSwin(MultiTaskSwinConfig config) : base(nameof(MultiTaskSwin))
    {
        config.Validate();
        Config = config;
        var swin = config.Swin;
        features = new ModuleList<nn.Module>(new PatchEmbedding(swin.EmbedDim, swin.PatchSize));

        var totalBlocks = swin.Depths.Sum();
        var blockId = 0;
        stages = new SwinBlock[swin.StageCount][];
        merges = new PatchMerging[swin.StageCount - 1];
        for (var s = 0; s < swin.StageCount; s++)
        {
            var dim = swin.StageDim(s);
            var (sharedPlan, taskPlan) = Plans(config, s);
            stages[s] = new SwinBlock[swin.Depths[s]];
            for (var i = 0; i < swin.Depths[s]; i++)
            {
                // Drop-path rate grows linearly with the global block index, as torchvision.
                var dropPath = totalBlocks > 1 ? swin.StochasticDepth * blockId / (totalBlocks - 1) : 0;
                var shift = i % 2 == 0 ? 0 : swin.WindowSize / 2;
                var last = i == swin.Depths[s] - 1;
                stages[s][i] = new SwinBlock(
                    dim, swin.Heads[s], swin.WindowSize, shift, swin.MlpRatio, dropPath,
                    sharedPlan, last ? taskPlan : sharedPlan);
                blockId++;
            }

            features.Add(new ModuleList<SwinBlock>(stages[s]));
            if (s < swin.StageCount - 1)
            {
                // The merge after stage s takes stage s's shared rank: it reads stage s's channels.
                var mergePlan = config.Lora?.AdaptMerging == true ? sharedPlan : LoraLayerPlan.None;
                merges[s] = new PatchMerging(dim, mergePlan);
                features.Add(merges[s]);
            }
        }

        var lastDim = swin.StageDim(swin.StageCount - 1);
        norm = nn.LayerNorm(lastDim, eps: 1e-5);
        if (swin.NumClasses > 0)
        {
            head = nn.Linear(lastDim, swin.NumClasses);
            using (no_grad())
            {
                head.weight.normal_(0, 0.02);
                nn.init.zeros_(head.bias!);
            }
        }

        RegisterComponents();
        var layers = stages.SelectMany(blocks => blocks)
            .SelectMany(b => new[] { b.attn.qkv, b.attn.proj, b.mlp.Fc1, b.mlp.Fc2 })
            .Concat(merges.Select(m => m.reduction).Where(r => r.ExpertCount > 0))
            .ToArray();
        Experts = new ExpertBank(this, config.Conditions, layers);
        foreach (var parameter in parameters())
        {
            parameter.requires_grad = config.Mode == BackboneMode.FullFineTune;
        }
    }

    // A property, not a field: RegisterComponents would register a second name for the stem.
    private PatchEmbedding Stem => (PatchEmbedding)features[0];

    /// <summary>True between <see cref="MergeExperts"/> and <see cref="UnmergeExperts"/>.</summary>
    public bool IsMerged { get; private set; }

    /// <summary>The configuration the model was built from.</summary>
    public MultiTaskSwinConfig Config { get; }

    /// <summary>The experts, addressed by condition (empty when fully fine-tuned).</summary>
    public ExpertBank Experts { get; }

    /// <summary>Channels of each stage output (see <see cref="StageTap"/>).</summary>
    public IReadOnlyList<int> StageChannels => Enumerable.Range(0, Config.Swin.StageCount)
        .Select(s => Config.Swin.StageDim(Config.TapStage(s))).ToArray();

    /// <summary>Input pixels per output pixel of each stage (4, 8, 16, 32 for Swin-T before merging).</summary>
    public IReadOnlyList<int> StageStrides => Enumerable.Range(0, Config.Swin.StageCount)
        .Select(s => Config.Swin.PatchSize << Config.TapStage(s)).ToArray();

    /// <summary>The parameters the current phase trains (requires_grad); give exactly these to the optimiser.</summary>
    public IReadOnlyList<Parameter> TrainableParameters() => parameters().Where(p => p.requires_grad).ToArray();

    /// <summary>Makes every backbone weight trainable (the fully fine-tuned baseline).</summary>
    public void ActivateFullFineTune()
    {
        if (Config.Mode != BackboneMode.FullFineTune)
        {
            throw new InvalidOperationException(
                $"MultiTaskSwin: ActivateFullFineTune needs Mode FullFineTune, the model was built as {Config.Mode}.");
        }

        foreach (var parameter in parameters())
        {
            parameter.requires_grad = true;
        }
    }

    /// <summary>
    /// Runs images (B, 3, H, W) through the backbone with the given expert routing. Any size of at least one
    /// patch works: maps are padded to whole windows and even sizes as torchvision does.
    /// </summary>
    /// <returns>Per task, four stage maps (B, C_i, H_i, W_i) with C_i = <see cref="StageChannels"/>[i]; tasks
    /// without their own stream share the same tensors.</returns>
    public IReadOnlyDictionary<TaskKind, Tensor[]> forward(Tensor images, ExpertRouting routing)
    {
        CheckInputs(images, routing);
        var tasks = Config.Tasks;
        var outputs = tasks.ToDictionary(t => t, _ => new Tensor[Config.Swin.StageCount]);
        var x = Stem.forward(images); // (B, H/p, W/p, C)
        for (var s = 0; s < stages.Length; s++)
        {
            var blocks = stages[s];
            for (var i = 0; i < blocks.Length - 1; i++)
            {
                x = blocks[i].forward(x, routing);
            }

            var lastBlock = blocks[^1];
            Dictionary<TaskKind, Tensor> streams;
            if (lastBlock.Tasks.Count > 0 && (!routing.IsBaseOnly || IsMerged))
            {
                (x, streams) = lastBlock.ForwardTasks(x, routing);
            }
            else
            {
                x = lastBlock.forward(x, routing);
                streams = [];
            }

            var merge = s < merges.Length ? merges[s] : null;
            var tapAfter = Config.Tap == StageTap.AfterMerging && merge is not null;
            var shared = tapAfter ? merge!.forward(x, routing) : x; // (B, H_i, W_i, C_i)
            var sharedMap = shared.permute(0, 3, 1, 2); // (B, C_i, H_i, W_i)
            foreach (var task in tasks)
            {
                outputs[task][s] = streams.TryGetValue(task, out var stream)
                    ? (tapAfter ? merge!.forward(stream, routing) : stream).permute(0, 3, 1, 2) // (B, C_i, H_i, W_i)
                    : sharedMap;
            }

            x = merge is null ? x : tapAfter ? shared : merge.forward(x, routing); // next stage input
        }

        return outputs;
    }

    /// <summary>
    /// ImageNet logits through <c>norm</c>, global average pooling and <c>head</c> (base weights only).
    /// </summary>
    /// <returns>(B, NumClasses).</returns>
    public Tensor Classify(Tensor images)
    {
        if (head is null)
        {
            throw new InvalidOperationException(
                "MultiTaskSwin.Classify: the model has no head; build it with SwinConfig NumClasses > 0.");
        }

        CheckInputs(images, ExpertRouting.BaseOnly);
        var x = Stem.forward(images); // (B, H/p, W/p, C)
        for (var s = 0; s < stages.Length; s++)
        {
            foreach (var block in stages[s])
            {
                x = block.forward(x, ExpertRouting.BaseOnly);
            }

            x = s < merges.Length ? merges[s].forward(x, ExpertRouting.BaseOnly) : x;
        }

        var pooled = norm.call(x).mean([1, 2]); // (B, C)
        return head.call(pooled); // (B, NumClasses)
    }

    /// <summary>
    /// Merges one batch-shared combination of experts (weights in expert order, for example one Top-K fused
    /// probability vector) into the base weights of every adapted layer for fast inference. While merged,
    /// call <see cref="forward"/> with <see cref="ExpertRouting.BaseOnly"/>: the merged combination applies.
    /// </summary>
    /// <remarks>
    /// Known limitation: only the shared adapters are folded into the weights; the task-specific adapters of each
    /// stage's last block stay live with the same combination (see <see cref="LoraLinear.Merge"/>).
    /// </remarks>
    public void MergeExperts(IReadOnlyList<double> expertWeights)
    {
        if (expertWeights.Count != Experts.Count)
        {
            throw new ArgumentException(
                $"MultiTaskSwin.MergeExperts: {expertWeights.Count} weights for {Experts.Count} experts "
                + $"[{string.Join(", ", Experts.Conditions)}].", nameof(expertWeights));
        }

        if (IsMerged)
        {
            throw new InvalidOperationException(
                "MultiTaskSwin.MergeExperts: already merged; call UnmergeExperts first.");
        }

        foreach (var layer in Experts.Layers)
        {
            layer.Merge(expertWeights);
        }

        IsMerged = true;
    }

    /// <summary>Undoes <see cref="MergeExperts"/> (base weights restored up to float rounding).</summary>
    public void UnmergeExperts()
    {
        if (!IsMerged)
        {
            throw new InvalidOperationException("MultiTaskSwin.UnmergeExperts: nothing is merged.");
        }

        foreach (var layer in Experts.Layers)
        {
            layer.Unmerge();
        }

        IsMerged = false;
    }

    private static (LoraLayerPlan Shared, LoraLayerPlan Task) Plans(MultiTaskSwinConfig config, int stage)
    {
        if (config.Lora is not LoraConfig lora)
        {
            return (LoraLayerPlan.None, LoraLayerPlan.None);
        }

        var shared = new LoraLayerPlan(
            config.Conditions, lora.Ranks[stage], [], 0, lora.Scale, lora.TaskScale, lora.Dropout);
        var task = lora.TaskRank > 0 ? shared with { Tasks = config.Tasks, TaskRank = lora.TaskRank } : shared;
        return (shared, task);
    }

    private void CheckInputs(Tensor images, ExpertRouting routing)
    {
        var patch = Config.Swin.PatchSize;
        if (images.dim() != 4 || images.shape[1] != 3 || images.shape[2] < patch || images.shape[3] < patch)
        {
            throw new ArgumentException(
                $"MultiTaskSwin: images must be (B, 3, H, W) with H, W >= {patch}, got "
                + $"({string.Join(", ", images.shape)}).", nameof(images));
        }

        if (routing.BatchSize is int batch && batch != images.shape[0])
        {
            throw new ArgumentException(
                $"MultiTaskSwin: routing was built for {batch} samples, the batch has {images.shape[0]}.",
                nameof(routing));
        }

        if (routing.ExpertCount is int count && count != Experts.Count)
        {
            throw new ArgumentException(
                $"MultiTaskSwin: routing weights have {count} columns, the model has {Experts.Count} experts "
                + $"[{string.Join(", ", Experts.Conditions)}].", nameof(routing));
        }

        if (IsMerged && !routing.IsBaseOnly)
        {
            throw new InvalidOperationException(
                "MultiTaskSwin: experts are merged; call forward with ExpertRouting.BaseOnly (the merged combination "
                + "applies) or UnmergeExperts first.");
        }

        var bad = routing.Slices.FirstOrDefault(slice => slice.Expert >= Experts.Count);
        if (bad is not null)
        {
            throw new ArgumentException(
                $"MultiTaskSwin: routing uses expert {bad.Expert}, the model has {Experts.Count} experts "
                + $"[{string.Join(", ", Experts.Conditions)}].", nameof(routing));
        }
    }
}
