namespace RobuMTL.Model;

/// <summary>How a model with condition experts picks them for each image.</summary>
public enum RoutingMode
{
    /// <summary>The selector's probabilities, Top-K kept and renormalised (the paper's DMLS + MEPF).</summary>
    Selector,

    /// <summary>The true condition label of each image (an upper bound for the selector).</summary>
    Oracle,

    /// <summary>One named expert for every image (used while training an expert in isolation).</summary>
    Fixed,

    /// <summary>
    /// Every expert with the same weight 1/E, no selector: all experts without a way to choose between them (our
    /// reading of the ablation's "+ other experts" rung).
    /// </summary>
    Uniform,
}
