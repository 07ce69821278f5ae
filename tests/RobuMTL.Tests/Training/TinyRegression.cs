using RobuMTL.Core;
using RobuMTL.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Training;

/// <summary>
/// A two-layer net fitting a fixed linear target, initialised from its own generator so that parallel
/// tests touching the global RNG cannot change it.
/// </summary>
internal sealed class TinyRegression : IDisposable
{
    public const int Samples = 64;
    public const int BatchSize = 8;
    public const int BatchesPerEpoch = Samples / BatchSize;

    /// <summary>Peak rate 1e-2 at batch 8; 3 epochs of 8 batches; a checkpoint every 3 steps.</summary>
    public static readonly TrainerConfig Config = TrainerConfig.Smoke with
    {
        BaseLearningRate = 0.64,
        WarmupStartLearningRate = 0.064,
        MinLearningRate = 0.0064,
        BatchSize = BatchSize,
        Epochs = 3,
        WarmupEpochs = 0.5,
        CheckpointEverySteps = 3,
        LogEverySteps = 1,
    };

    public TinyRegression(int initSeed, int dataSeed = 11)
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        DataSeed = dataSeed;
        using var data = new Generator(1234);
        X = randn([Samples, 4], generator: data);
        using var truth = tensor(new float[] { 0.5f, -1.0f, 2.0f, 0.25f }).reshape(4, 1);
        Y = X.matmul(truth) + 0.3f; // (64, 1)
        Model = nn.Sequential(("hidden", nn.Linear(4, 8)), ("act", nn.Tanh()), ("out", nn.Linear(8, 1)));
        using var init = new Generator((ulong)initSeed);
        using (no_grad())
        {
            foreach (var p in Model.parameters())
            {
                using var values = randn(p.shape, generator: init) * 0.5f;
                p.copy_(values);
            }
        }
    }

    public int DataSeed { get; }

    public Tensor X { get; }

    public Tensor Y { get; }

    public nn.Module<Tensor, Tensor> Model { get; }

    public IReadOnlyList<(string Name, Parameter Parameter)> AllParameters => [.. Model.named_parameters()];

    public TrainingPhase<(Tensor X, Tensor Y)> Phase(
        string name = "fit", IReadOnlyList<(string Name, Parameter Parameter)>? trainable = null,
        Func<(Tensor X, Tensor Y), StepLoss>? step = null) =>
        new(name, Model, trainable ?? AllParameters, BatchesPerEpoch, Batches, step ?? Loss, DataSeed);

    public StepLoss Loss((Tensor X, Tensor Y) batch)
    {
        var mse = nn.functional.mse_loss(Model.call(batch.X), batch.Y);
        return new StepLoss(mse, (int)batch.X.shape[0], new Dictionary<string, float> { ["mse"] = mse.item<float>() });
    }

    public Dictionary<string, float[]> Snapshot() =>
        Model.named_parameters().ToDictionary(p => p.name, p => p.parameter.data<float>().ToArray());

    public void Dispose()
    {
        Model.Dispose();
        X.Dispose();
        Y.Dispose();
    }

    private IEnumerable<(Tensor X, Tensor Y)> Batches(int epoch, int firstBatch)
    {
        foreach (var indices in DataOrder.Batches(Samples, BatchSize, DataSeed, epoch).Skip(firstBatch))
        {
            var index = tensor(indices.Select(i => (long)i).ToArray());
            yield return (X.index_select(0, index), Y.index_select(0, index)); // (B, 4), (B, 1)
        }
    }
}
