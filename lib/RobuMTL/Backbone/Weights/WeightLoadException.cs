namespace RobuMTL.Backbone.Weights;

/// <summary>A weight load refused before changing any tensor; <see cref="Report"/> names every bad key.</summary>
public sealed class WeightLoadException : Exception
{
    /// <summary>Creates the exception from the report of the refused load.</summary>
    public WeightLoadException(string message, WeightLoadReport report)
        : base(message + Environment.NewLine + report)
    {
        Report = report;
    }

    /// <summary>What the load would have done.</summary>
    public WeightLoadReport Report { get; }
}
