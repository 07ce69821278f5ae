using System.CommandLine;
using RobuMTL.Cli.Verbs;

var root = new RootCommand("RobuMTL workbook: weather-robust multi-task learning with LoRA experts.");
var verbs = typeof(ICliVerb).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliVerb).IsAssignableFrom(t))
    .Select(t => (ICliVerb)Activator.CreateInstance(t)!)
    .OrderBy(v => v.Order);
foreach (var verb in verbs)
{
    root.Subcommands.Add(verb.Create());
}

return await root.Parse(args).InvokeAsync();
