using MapLint.Diagnostics;
using MapLint.Documents;
using MapLint.Text;

namespace MapLint.Configuration;

/// <summary>
/// The build's warning properties for DIPV codes (NoWarn, WarningsAsErrors, WarningsNotAsErrors), checked against
/// each other and against the configuration, as the compiler applies them: NoWarn silences warnings but never
/// errors, WarningsAsErrors wins over WarningsNotAsErrors, and a rule the configuration turns off never runs.
/// A code that contradicts another source (DIPV2026) or names no rule (DIPV2010) is reported where the project
/// file, or a Directory.Build.props/.targets above it, lists it.
/// </summary>
public sealed class WarningProperties
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> codes;

    public WarningProperties(string? noWarn, string? warningsAsErrors, string? warningsNotAsErrors)
    {
        codes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["NoWarn"] = Codes(noWarn),
            ["WarningsAsErrors"] = Codes(warningsAsErrors),
            ["WarningsNotAsErrors"] = Codes(warningsNotAsErrors),
        };
    }

    /// <summary>The problems, each at the code in the file that sets the property (the project file when none is found).</summary>
    public IReadOnlyList<Diagnostic> Problems(MapLintConfig config, string projectFile, string currentDirectory)
    {
        var locator = new PropertyLocator(projectFile, currentDirectory);
        var descriptors = Analysis.AnalyzerCatalog.AllDescriptors.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);
        var known = descriptors.Keys.ToList();
        string configuration = config.Path is null ? ".editorconfig" : "the configuration (maplint.json or .editorconfig)";
        var problems = new List<Diagnostic>();
        foreach (var (property, list) in codes)
        {
            foreach (var code in list)
            {
                if (!descriptors.TryGetValue(code, out var descriptor))
                {
                    problems.Add(Diagnostic.Create(ConfigurationRules.UnknownRule, locator.Find(property, code), null, null, code, NameSuggester.Hint(NameSuggester.Suggest(code, known))));
                    continue;
                }

                if (Conflict(property, code, descriptor, config, configuration) is { } conflict)
                {
                    problems.Add(Diagnostic.Create(ConfigurationRules.WarningPropertyConflict, locator.Find(property, code), null, null, property, descriptor.Id, conflict.Why, conflict.Outcome));
                }
            }
        }

        return problems;
    }

    private (string Why, string Outcome)? Conflict(string property, string code, DiagnosticDescriptor descriptor, MapLintConfig config, string configuration)
    {
        bool Lists(string other) => codes[other].Contains(code, StringComparer.OrdinalIgnoreCase);
        if (property == "WarningsAsErrors" && config.IsDisabled(descriptor))
        {
            return ($"{configuration} turns the rule off", "the rule never runs and this has no effect");
        }

        bool reportsErrors = config.SeverityOf(descriptor) == Severity.Error;
        return property switch
        {
            "NoWarn" when reportsErrors => ("the rule reports errors (its own or the configured severity), which NoWarn does not silence", "its findings still fail the build"),
            "WarningsAsErrors" when Lists("NoWarn") => ("NoWarn lists it too and silences its warnings", "it is never reported, let alone as an error"),
            "WarningsNotAsErrors" when Lists("WarningsAsErrors") => ("WarningsAsErrors lists it too and wins", "its warnings still fail the build"),
            _ => null,
        };
    }

    // Only MapLint's codes: the compiler's and other analyzers' (CS8618, CA1000) are theirs.
    private static IReadOnlyList<string> Codes(string? list) =>
        (list ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.Trim().ToUpperInvariant())
            .Where(c => c.StartsWith("DIPV", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Where a property lists a code. MSBuild does not tell a task where a property was set, so the project file and
    /// the Directory.Build.props/.targets above it are searched for the element holding the code.
    /// </summary>
    private sealed class PropertyLocator(string projectFile, string currentDirectory)
    {
        private List<(string Path, SourceText Text, string Content)>? files;

        public Location Find(string property, string code)
        {
            foreach (var (path, text, content) in Files())
            {
                string open = "<" + property + ">";
                for (int start = content.IndexOf(open, StringComparison.OrdinalIgnoreCase); start >= 0; start = content.IndexOf(open, start + 1, StringComparison.OrdinalIgnoreCase))
                {
                    int end = content.IndexOf("</" + property, start, StringComparison.OrdinalIgnoreCase);
                    int at = end < 0 ? -1 : content.IndexOf(code, start, end - start, StringComparison.OrdinalIgnoreCase);
                    if (at >= 0)
                    {
                        int from = System.Text.Encoding.UTF8.GetByteCount(content.Substring(0, at));
                        return new Location(Workspace.FileDiscovery.ToDisplayPath(path, currentDirectory), text, new TextSpan(from, from + code.Length));
                    }
                }
            }

            return Location.FileOnly(Workspace.FileDiscovery.ToDisplayPath(projectFile, currentDirectory));
        }

        private List<(string Path, SourceText Text, string Content)> Files()
        {
            if (files is not null)
            {
                return files;
            }

            files = [];
            var candidates = new List<string> { projectFile };
            for (var dir = Path.GetDirectoryName(projectFile); dir is not null; dir = Path.GetDirectoryName(dir))
            {
                candidates.Add(Path.Combine(dir, "Directory.Build.props"));
                candidates.Add(Path.Combine(dir, "Directory.Build.targets"));
            }

            foreach (var candidate in candidates.Where(File.Exists))
            {
                try
                {
                    var bytes = Util.SafeFileReader.Read(candidate, 4 * 1024 * 1024);
                    string content = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
                    files.Add((candidate, SourceText.From(content), content));
                }
                catch (Util.UnsafeReadException)
                {
                    // An unreadable file names no position; the project file is reported instead.
                }
            }

            return files;
        }
    }
}
