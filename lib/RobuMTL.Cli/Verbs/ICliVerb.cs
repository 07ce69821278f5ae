using System.CommandLine;

namespace RobuMTL.Cli.Verbs;

/// <summary>
/// One top-level verb of the <c>robumtl</c> command. Implementations are found by reflection, so adding a verb
/// is adding a file; <see cref="Order"/> sets their place in the help text.
/// </summary>
public interface ICliVerb
{
    /// <summary>Position in the help listing (lower first).</summary>
    int Order { get; }

    /// <summary>Builds the verb with its options and action.</summary>
    Command Create();
}
