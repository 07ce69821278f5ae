namespace RobuMTL.Data.Formats;

/// <summary>A parsed MATLAB variable or field value (numeric array, text, struct array, cell array).</summary>
internal abstract record MatValue(string Name, int[] Dims)
{
    public int Count => Dims.Aggregate(1, (a, b) => a * b);
}

/// <summary>A numeric (or logical) array, column-major.</summary>
internal sealed record MatNumeric(string Name, int[] Dims, double[] Data) : MatValue(Name, Dims);

/// <summary>A character array read as one string (column-major order, which is reading order for a row).</summary>
internal sealed record MatText(string Name, int[] Dims, string Text) : MatValue(Name, Dims);

/// <summary>A struct array: <c>Elements[i][f]</c> is field f of element i.</summary>
internal sealed record MatStruct(string Name, int[] Dims, string[] Fields, MatValue[][] Elements)
    : MatValue(Name, Dims)
{
    public MatValue? Field(int element, string field)
    {
        var f = Array.IndexOf(Fields, field);
        return f < 0 || element >= Elements.Length ? null : Elements[element][f];
    }
}

/// <summary>A cell array.</summary>
internal sealed record MatCell(string Name, int[] Dims, MatValue[] Items) : MatValue(Name, Dims);

/// <summary>An empty or unsupported value (sparse, object, function handle).</summary>
internal sealed record MatOther(string Name, int[] Dims) : MatValue(Name, Dims);
