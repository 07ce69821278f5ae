namespace RobuMTL.Data.Formats;

/// <summary>A numeric 2-D matrix from a MATLAB file, as doubles in MATLAB's column-major order.</summary>
/// <param name="Name">Variable name.</param>
/// <param name="Rows">Rows (the image height for a label map).</param>
/// <param name="Columns">Columns (the image width).</param>
/// <param name="ColumnMajor">Values, index <c>column * Rows + row</c>.</param>
public sealed record MatMatrix(string Name, int Rows, int Columns, double[] ColumnMajor)
{
    /// <summary>The value at (row, column).</summary>
    public double this[int row, int column] => ColumnMajor[(column * Rows) + row];

    /// <summary>The matrix as bytes in row-major order (index <c>row * Columns + column</c>).</summary>
    /// <exception cref="InvalidDataException">A value is not an integer in 0..255.</exception>
    public byte[] ToRowMajorBytes()
    {
        var result = new byte[Rows * Columns];
        for (var c = 0; c < Columns; c++)
        {
            for (var r = 0; r < Rows; r++)
            {
                var v = ColumnMajor[(c * Rows) + r];
                if (v is < 0 or > 255 || v != Math.Floor(v))
                {
                    throw new InvalidDataException(
                        $"MATLAB variable '{Name}' holds {v} at ({r}, {c}); expected integers 0..255");
                }

                result[(r * Columns) + c] = (byte)v;
            }
        }

        return result;
    }
}
