namespace RobuMTL.Training;

/// <summary>Running means of the step measurements that one progress record covers.</summary>
internal sealed class LossMeter
{
    private readonly Dictionary<string, double> partSums = [];
    private double lossSum;
    private double normSum;
    private long samples;
    private double seconds;

    /// <summary>Steps added since the last reset.</summary>
    public int Steps { get; private set; }

    /// <summary>Adds one step's values.</summary>
    public void Add(double loss, IReadOnlyDictionary<string, float>? parts, double gradientNorm, int images,
        double stepSeconds)
    {
        Steps++;
        lossSum += loss;
        normSum += gradientNorm;
        samples += images;
        seconds += stepSeconds;
        foreach (var (name, value) in parts ?? new Dictionary<string, float>())
        {
            partSums[name] = partSums.GetValueOrDefault(name) + value;
        }
    }

    /// <summary>Mean total loss; NaN without steps.</summary>
    public double Loss => Steps == 0 ? double.NaN : lossSum / Steps;

    /// <summary>Mean gradient norm before clipping; NaN without steps.</summary>
    public double GradientNorm => Steps == 0 ? double.NaN : normSum / Steps;

    /// <summary>Images per second of step time (data loading inside the step included).</summary>
    public double ImagesPerSecond => seconds > 0 ? samples / seconds : 0.0;

    /// <summary>Mean of each part over the covered steps (a part a step did not report counts as 0).</summary>
    public IReadOnlyDictionary<string, double> Parts() =>
        partSums.ToDictionary(p => p.Key, p => p.Value / Steps);

    /// <summary>Starts a new interval.</summary>
    public void Reset()
    {
        partSums.Clear();
        lossSum = normSum = seconds = 0;
        samples = 0;
        Steps = 0;
    }
}
