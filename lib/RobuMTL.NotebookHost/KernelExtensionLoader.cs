using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.Extensions.Logging;

namespace RobuMTL.NotebookHost;

/// <summary>
/// Loads the kernel extensions a NuGet package ships under <c>interactive-extensions/dotnet</c>
/// (Plotly.NET.Interactive's chart formatter, Microsoft.Data.Analysis's DataFrame table), as the
/// dotnet-interactive tool does after a <c>#r "nuget:..."</c>. The in-process kernel packages do not do
/// this themselves, so without it a chart would display as its F# record text.
/// </summary>
internal sealed class KernelExtensionLoader(ILogger logger)
{
    /// <summary>The folder, relative to a package root, where kernel extensions live.</summary>
    public static readonly string ExtensionFolder = Path.Combine("interactive-extensions", "dotnet");

    private readonly HashSet<string> loaded = new(StringComparer.Ordinal);

    /// <summary>Loads the extensions of every package not seen before and runs them against the kernel.</summary>
    public async Task LoadAsync(IEnumerable<ResolvedPackageReference> references, Kernel kernel)
    {
        foreach (var reference in references)
        {
            var folder = Path.Combine(reference.PackageRoot, ExtensionFolder);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var dll in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                var name = AssemblyName.GetAssemblyName(dll).FullName;
                if (loaded.Add(name))
                {
                    await LoadAssemblyAsync(dll, kernel);
                }
            }
        }
    }

    private async Task LoadAssemblyAsync(string dll, Kernel kernel)
    {
        // A later notebook in the same process gets the assembly an earlier one loaded (loading it twice throws).
        var name = AssemblyName.GetAssemblyName(dll);
        var assembly = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(name, a.GetName()))
            ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
        var extensionTypes = assembly.ExportedTypes
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IKernelExtension).IsAssignableFrom(t));
        foreach (var type in extensionTypes)
        {
            if (Activator.CreateInstance(type) is not IKernelExtension extension)
            {
                continue;
            }

            await extension.OnLoadAsync(kernel);
            logger.LogInformation("Loaded kernel extension {Extension} from {Path}", type.FullName, dll);
            if (KernelInvocationContext.Current is { } context)
            {
                context.Publish(new KernelExtensionLoaded(extension, context.Command));
            }
        }
    }
}
