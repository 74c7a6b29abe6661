using System.Globalization;

namespace MapLint.Diagnostics;

/// <summary>
/// What a rule is: id, title, message format, category, default severity and help link. Analyzers declare
/// descriptors; rule bodies never hard-code severities, help links or message text.
/// </summary>
public sealed class DiagnosticDescriptor
{
    public const string HelpLinkBase = "https://github.com/maplint/maplint/blob/main/docs/rules/";

    private DiagnosticDescriptor(string id, string title, string messageFormat, RuleCategory category, Severity defaultSeverity, bool requiresMetadata)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        RequiresMetadata = requiresMetadata;
    }

    public string Id { get; }

    public string Title { get; }

    /// <summary>A composite format string; arguments are formatted with the invariant culture.</summary>
    public string MessageFormat { get; }

    public RuleCategory Category { get; }

    public Severity DefaultSeverity { get; }

    /// <summary>True when the rule can only run where entity metadata for the app exists.</summary>
    public bool RequiresMetadata { get; }

    public string HelpLink => HelpLinkBase + Id + ".md";

    /// <summary>The one factory for descriptors, so every rule gets its help link the same way.</summary>
    public static DiagnosticDescriptor Create(string id, string title, string messageFormat, RuleCategory category, Severity defaultSeverity, bool requiresMetadata = false) =>
        new(id, title, messageFormat, category, defaultSeverity, requiresMetadata);

    public string FormatMessage(object?[] arguments) =>
        arguments.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);

    public override string ToString() => Id;
}
