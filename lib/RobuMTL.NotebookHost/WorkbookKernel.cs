using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace RobuMTL.NotebookHost;

/// <summary>
/// Builds the kernel a notebook runs in, configured like the C# kernel of VS Code's Polyglot Notebooks:
/// a <see cref="CompositeKernel"/> whose default is a <see cref="CSharpKernel"/> with <c>#r "nuget:..."</c>,
/// the kernel helpers (<c>display</c>, <c>HTML</c>) and value sharing.
/// </summary>
internal static class WorkbookKernel
{
    /// <summary>The name notebooks use for the C# kernel (and the default kernel of every cell).</summary>
    public const string CSharpName = "csharp";

    /// <summary>Creates the kernel; kernel extensions of restored packages load as they arrive.</summary>
    public static CompositeKernel Create(KernelExtensionLoader extensions)
    {
        var composite = new CompositeKernel("workbook");
        var csharp = new CSharpKernel(CSharpName)
            .UseNugetDirective(async (kernel, references) =>
            {
                kernel.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                await extensions.LoadAsync(references, composite);
            })
            .UseKernelHelpers()
            .UseValueSharing()
            .UseWho();
        composite.Add(csharp, ["c#", "C#"]);
        composite.DefaultKernelName = CSharpName;
        return composite;
    }
}
