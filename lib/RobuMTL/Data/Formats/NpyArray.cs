namespace RobuMTL.Data.Formats;

/// <summary>A numeric array read from a .npy file, converted to float32, row-major (C order).</summary>
/// <param name="Shape">Dimensions, outermost first.</param>
/// <param name="DType">The file's NumPy type descriptor, for example "&lt;f4" or "|u1".</param>
/// <param name="Data">Values in C order, product(Shape) of them.</param>
public sealed record NpyArray(int[] Shape, string DType, float[] Data)
{
    /// <summary>Number of values.</summary>
    public int Length => Data.Length;
}
