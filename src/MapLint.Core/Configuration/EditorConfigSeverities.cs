using System.Collections.Concurrent;
using MapLint.Diagnostics;
using MapLint.Text;

namespace MapLint.Configuration;

/// <summary>
/// MapLint's severities from .editorconfig files, read as Roslyn reads them, so .NET teams set MapLint's rules
/// where they set their analyzers'. For each checked file, the files from its folder up to the first with
/// <c>root = true</c> (never above the git root) apply, farthest first, and within a file the sections in order
/// whose name matches the file (<see cref="EditorConfigGlob"/>: <c>[*.json]</c>, <c>[maps/*.json]</c>,
/// <c>[customers.json]</c>); a later setting of the same key wins. Of the keys that are set for a rule,
/// <c>dotnet_diagnostic.DIPVxxxx.severity</c> wins over <c>dotnet_analyzer_diagnostic.category-Category.severity</c>,
/// which wins over <c>dotnet_analyzer_diagnostic.severity</c>; <c>default</c> means the rule's own severity.
/// A MapLint key whose rule does not exist or whose value is not a severity is reported at its position.
/// </summary>
public sealed class EditorConfigSeverities
{
    private const string IdPrefix = "dotnet_diagnostic.";
    private const string CategoryPrefix = "dotnet_analyzer_diagnostic.category-";
    private const string AllKey = "dotnet_analyzer_diagnostic.severity";
    private const string Suffix = ".severity";

    private static readonly HashSet<string> Categories = new(Enum.GetNames(typeof(RuleCategory)), StringComparer.OrdinalIgnoreCase);

    // The .NET code analysis categories (learn.microsoft.com/dotnet/fundamentals/code-analysis/categories): other
    // analyzers' settings, never MapLint's typos.
    private static readonly HashSet<string> DotNetCategories = new(
        ["Design", "Documentation", "Globalization", "Interoperability", "Maintainability", "Naming", "Performance", "SingleFile", "Reliability", "Security", "Style", "Usage"],
        StringComparer.OrdinalIgnoreCase);

    private readonly string currentDirectory;
    private readonly ConcurrentDictionary<string, ParsedFile> files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> chains = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Settings> perFile = new(StringComparer.Ordinal);

    public EditorConfigSeverities(string currentDirectory) => this.currentDirectory = currentDirectory;

    /// <summary>A setting's outcome: a severity, or null for <c>default</c> (the rule's own).</summary>
    public readonly record struct Setting(ConfiguredSeverity? Severity);

    /// <summary>The .editorconfig files that apply to a folder, nearest first, up to the first with <c>root = true</c>.</summary>
    public static IReadOnlyList<string> Files(string folder)
    {
        var found = new List<string>();
        foreach (var dir in Workspace.WorkspaceRoot.ConfigurationFolders(folder))
        {
            string candidate = Path.Combine(dir, ".editorconfig");
            if (File.Exists(candidate))
            {
                found.Add(candidate);
                if (ParsedFile.Read(candidate).IsRoot)
                {
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>The per-rule severities for a JSON file in <paramref name="folder"/> (rule keys only; for tests and summaries).</summary>
    public static Dictionary<string, ConfiguredSeverity> Read(string folder)
    {
        var set = new EditorConfigSeverities(folder);
        var settings = set.SettingsOf(Path.Combine(folder, "__probe__.json"));
        var result = new Dictionary<string, ConfiguredSeverity>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, setting) in settings.Ids)
        {
            if (setting.Severity is { } severity)
            {
                result[id] = severity;
            }
        }

        return result;
    }

    /// <summary>The .editorconfig files read so far (every file a run's documents needed).</summary>
    public IReadOnlyList<string> FilesRead => files.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Problems found in the MapLint keys of the files read so far, at their positions.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => files.Values.SelectMany(f => f.Problems(currentDirectory)).ToList();

    /// <summary>Every <c>dotnet_diagnostic.DIPVxxxx.severity</c> of MapLint's rules in the files read so far, at its value's position.</summary>
    public IEnumerable<RuleSetting> RuleSettings()
    {
        var known = Analysis.AnalyzerCatalog.AllDescriptors.Select(d => d.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files.Values.OrderBy(f => f.FilePath, StringComparer.Ordinal))
        {
            string display = Workspace.FileDiscovery.ToDisplayPath(file.FilePath, currentDirectory);
            foreach (var setting in file.Sections.SelectMany(s => s.Settings).Where(s => s.Valid && s.Id is not null && known.Contains(s.Id)))
            {
                yield return new RuleSetting(setting.Id!, setting.Severity, setting.Key, setting.Value, new Location(display, file.Text, setting.ValueSpan));
            }
        }
    }

    /// <summary>A rule's severity key: its severity (null for <c>default</c>) and where its value is.</summary>
    public sealed record RuleSetting(string Id, ConfiguredSeverity? Severity, string Key, string Value, Location Location);

    /// <summary>The rule's setting for one file, or null when no .editorconfig sets it.</summary>
    public Setting? For(string fullPath, DiagnosticDescriptor descriptor)
    {
        var settings = SettingsOf(fullPath);
        if (settings.Ids.TryGetValue(descriptor.Id, out var id))
        {
            return id;
        }

        if (settings.Categories.TryGetValue(descriptor.Category.ToString(), out var category))
        {
            return category;
        }

        return settings.All;
    }

    /// <summary>
    /// Reads the .editorconfig files that apply to these files, so <see cref="DisablesEverywhere"/> sees a nearer
    /// file that turns a rule on again (maps/.editorconfig under a root one that turns its category off).
    /// </summary>
    public void Prepare(IEnumerable<string> fullPaths)
    {
        // Documents in memory (tests, unsaved buffers) have no folder: the workspace's settings apply to them.
        foreach (var folder in fullPaths.Where(Path.IsPathRooted).Select(Path.GetDirectoryName).OfType<string>().Where(f => f.Length > 0).Distinct(StringComparer.Ordinal))
        {
            foreach (var file in chains.GetOrAdd(folder, Files))
            {
                files.GetOrAdd(file, ParsedFile.Read);
            }
        }
    }

    /// <summary>True when the rule is off for every file the loaded .editorconfig files can cover (so it need not run).</summary>
    public bool DisablesEverywhere(DiagnosticDescriptor descriptor, string probeFolder)
    {
        if (For(Path.Combine(probeFolder, "__probe__.json"), descriptor) is not { Severity: ConfiguredSeverity.None })
        {
            return false;
        }

        // Off for a file at the top; is it turned on again for some path section anywhere?
        return !files.Values.SelectMany(f => f.Sections).SelectMany(s => s.Settings).Any(s =>
            s.Severity is not ConfiguredSeverity.None && (string.Equals(s.Id, descriptor.Id, StringComparison.OrdinalIgnoreCase)
                || string.Equals(s.Category, descriptor.Category.ToString(), StringComparison.OrdinalIgnoreCase) || s.IsAll));
    }

    private Settings SettingsOf(string fullPath) => perFile.GetOrAdd(fullPath, path =>
    {
        string folder = Path.GetDirectoryName(path)!;
        var chain = chains.GetOrAdd(folder, Files);
        var settings = new Settings();
        for (int i = chain.Count - 1; i >= 0; i--)
        {
            var file = files.GetOrAdd(chain[i], ParsedFile.Read);
            string relative = Path.GetRelativePath(Path.GetDirectoryName(chain[i])!, path).Replace('\\', '/');
            foreach (var section in file.Sections.Where(s => s.Glob.Matches(relative)))
            {
                foreach (var setting in section.Settings.Where(s => s.Valid))
                {
                    var value = new Setting(setting.Severity);
                    if (setting.Id is { } id)
                    {
                        settings.Ids[id] = value;
                    }
                    else if (setting.Category is { } category)
                    {
                        settings.Categories[category] = value;
                    }
                    else
                    {
                        settings.All = value;
                    }
                }
            }
        }

        return settings;
    });

    private sealed class Settings
    {
        public Dictionary<string, Setting> Ids { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, Setting> Categories { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Setting? All { get; set; }
    }

    /// <summary>One MapLint key; <paramref name="Unknown"/>: its rule id or category is not MapLint's (reported, never applied).</summary>
    private sealed record KeySetting(string? Id, string? Category, bool IsAll, ConfiguredSeverity? Severity, bool Valid, string Key, string Value, TextSpan KeySpan, TextSpan ValueSpan, TextSpan NameSpan, bool Unknown = false);

    private sealed record Section(EditorConfigGlob Glob, List<KeySetting> Settings)
    {
        /// <summary>
        /// A section that names JSON files (<c>[*.json]</c>, <c>[maps/*.json]</c>, <c>[*.{json,yaml}]</c>) is MapLint's:
        /// no other analyzer reads <c>dotnet_diagnostic</c> keys for them, so any id or category there that MapLint lacks is a typo.
        /// </summary>
        public bool NamesJson { get; init; }
    }

    private sealed class ParsedFile
    {
        private ParsedFile(string path, bool isRoot, List<Section> sections, List<KeySetting> preamble, SourceText text)
        {
            FilePath = path;
            IsRoot = isRoot;
            Sections = sections;
            Preamble = preamble;
            Text = text;
        }

        public string FilePath { get; }

        public bool IsRoot { get; }

        public List<Section> Sections { get; }

        /// <summary>MapLint keys before the first section, which apply to no file.</summary>
        public List<KeySetting> Preamble { get; }

        public SourceText Text { get; }

        public static ParsedFile Read(string path)
        {
            string content = SafeRead(path);
            var sections = new List<Section>();
            var preamble = new List<KeySetting>();
            bool isRoot = false;
            Section? current = null;
            int offset = 0; // UTF-8 byte offset of the line, as SourceText positions count
            foreach (var raw in content.Split('\n'))
            {
                int lineBytes = System.Text.Encoding.UTF8.GetByteCount(raw) + 1;
                string line = raw.TrimEnd('\r');
                string trimmed = line.Trim();
                if (trimmed.Length > 0 && trimmed[0] is not ('#' or ';'))
                {
                    if (trimmed[0] == '[' && trimmed[trimmed.Length - 1] == ']')
                    {
                        string glob = trimmed.Substring(1, trimmed.Length - 2);
                        current = new Section(new EditorConfigGlob(glob), []) { NamesJson = NamesOnlyJson(glob) };
                        sections.Add(current);
                    }
                    else if (line.IndexOf('=') is int eq and >= 0)
                    {
                        string key = line.Substring(0, eq).Trim();
                        string value = line.Substring(eq + 1).Trim();
                        var setting = Classify(key, value, Span(line, offset, key, 0), Span(line, offset, value, eq + 1), current?.NamesJson ?? false);
                        if (current is null)
                        {
                            isRoot |= key.Equals("root", StringComparison.OrdinalIgnoreCase) && value.Equals("true", StringComparison.OrdinalIgnoreCase);
                            if (setting is not null)
                            {
                                preamble.Add(setting);
                            }
                        }
                        else if (setting is not null)
                        {
                            current.Settings.Add(setting);
                        }
                    }
                }

                offset += lineBytes;
            }

            return new ParsedFile(path, isRoot, sections, preamble, SourceText.From(content));
        }

        public IEnumerable<Diagnostic> Problems(string currentDirectory)
        {
            string display = Workspace.FileDiscovery.ToDisplayPath(FilePath, currentDirectory);
            var known = Analysis.AnalyzerCatalog.AllDescriptors.Select(d => d.Id).ToList();
            foreach (var setting in Preamble)
            {
                yield return Diagnostic.Create(ConfigurationRules.SettingOutsideSection, new Location(display, Text, setting.KeySpan), null, null, setting.Key);
            }

            foreach (var section in Sections)
            {
                foreach (var setting in section.Settings)
                {
                    if (setting.Id is { } id && !known.Contains(id, StringComparer.OrdinalIgnoreCase))
                    {
                        yield return Diagnostic.Create(ConfigurationRules.UnknownRule, new Location(display, Text, setting.NameSpan), null, null, id, Documents.NameSuggester.Hint(Documents.NameSuggester.Suggest(id, known)));
                    }
                    else if (setting.Unknown && setting.Category is { } category)
                    {
                        string? suggestion = Documents.NameSuggester.Suggest(category, Categories.Order(StringComparer.Ordinal));
                        yield return Diagnostic.Create(ConfigurationRules.UnknownCategory, new Location(display, Text, setting.NameSpan), null, null, category, setting.Key, Documents.NameSuggester.Hint(suggestion));
                    }
                    else if (!setting.Valid)
                    {
                        yield return Diagnostic.Create(ConfigurationRules.UnknownSeverity, new Location(display, Text, setting.ValueSpan), null, null, setting.Value, setting.Key);
                    }
                }

                // Within one section a later value of a key wins: an earlier, different one is a leftover (Roslyn says nothing).
                foreach (var group in section.Settings.Where(s => s.Valid && !s.Unknown).GroupBy(s => s.Key, StringComparer.OrdinalIgnoreCase))
                {
                    var last = group.Last();
                    foreach (var earlier in group.SkipLast(1).Where(s => s.Severity != last.Severity))
                    {
                        var winner = new Location(display, Text, last.ValueSpan);
                        yield return Diagnostic.Create(ConfigurationRules.ConflictingSeverity, new Location(display, Text, earlier.ValueSpan), null, null,
                            earlier.Key, earlier.Value, $"line {winner.LineSpan.Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)} of the same section", last.Value);
                    }
                }
            }
        }

        /// <summary>
        /// The MapLint key this is, or null for another analyzer's. An id or category MapLint lacks is kept (to be
        /// reported) when it can only be meant for MapLint: in a section naming JSON files, or close to one of MapLint's
        /// (<c>DPIV1004</c>, <c>category-Mapings</c>); other analyzers' ids (CA1000, IDE0055) and the .NET categories are left alone.
        /// </summary>
        private static KeySetting? Classify(string key, string value, TextSpan keySpan, TextSpan valueSpan, bool namesJson)
        {
            var severity = ConfiguredSeverities.Parse(value);
            bool isDefault = value.Equals("default", StringComparison.OrdinalIgnoreCase);
            bool valid = severity is not null || isDefault;
            if (key.StartsWith(IdPrefix, StringComparison.OrdinalIgnoreCase) && key.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) && key.Length > IdPrefix.Length + Suffix.Length)
            {
                string id = key.Substring(IdPrefix.Length, key.Length - IdPrefix.Length - Suffix.Length);
                var nameSpan = new TextSpan(keySpan.Start + IdPrefix.Length, keySpan.Start + IdPrefix.Length + System.Text.Encoding.UTF8.GetByteCount(id));
                bool ours = id.StartsWith("DIPV", StringComparison.OrdinalIgnoreCase) || namesJson
                    || Documents.NameSuggester.Suggest(id, Analysis.AnalyzerCatalog.AllDescriptors.Select(d => d.Id)) is not null;
                return ours ? new KeySetting(id.ToUpperInvariant(), null, false, severity, valid, key, value, keySpan, valueSpan, nameSpan) : null;
            }

            if (key.StartsWith(CategoryPrefix, StringComparison.OrdinalIgnoreCase) && key.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) && key.Length > CategoryPrefix.Length + Suffix.Length)
            {
                string category = key.Substring(CategoryPrefix.Length, key.Length - CategoryPrefix.Length - Suffix.Length);
                var nameSpan = new TextSpan(keySpan.Start + CategoryPrefix.Length, keySpan.Start + CategoryPrefix.Length + System.Text.Encoding.UTF8.GetByteCount(category));
                if (Categories.Contains(category))
                {
                    return new KeySetting(null, category, false, severity, valid, key, value, keySpan, valueSpan, nameSpan);
                }

                bool typo = !DotNetCategories.Contains(category) && !category.Contains('.', StringComparison.Ordinal)
                    && (namesJson || Documents.NameSuggester.Suggest(category, Categories) is not null);
                return typo ? new KeySetting(null, category, false, severity, valid, key, value, keySpan, valueSpan, nameSpan, Unknown: true) : null;
            }

            return key.Equals(AllKey, StringComparison.OrdinalIgnoreCase) ? new KeySetting(null, null, true, severity, valid, key, value, keySpan, valueSpan, keySpan) : null;
        }

        /// <summary>A section for JSON files and none of the code files Roslyn's analyzers read (<c>[*.{cs,json}]</c> is shared).</summary>
        private static bool NamesOnlyJson(string glob) =>
            glob.Contains("json", StringComparison.OrdinalIgnoreCase)
            && !System.Text.RegularExpressions.Regex.IsMatch(glob, @"(^|[.,{])(cs|vb|csx|vbx|fs|razor|cshtml|xaml|props|targets|csproj)([,}]|$)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

        private static TextSpan Span(string line, int lineOffset, string part, int from)
        {
            int index = part.Length == 0 ? from : line.IndexOf(part, from, StringComparison.Ordinal);
            int start = lineOffset + System.Text.Encoding.UTF8.GetByteCount(line.Substring(0, Math.Max(0, index)));
            return new TextSpan(start, start + System.Text.Encoding.UTF8.GetByteCount(part));
        }

        private static string SafeRead(string path)
        {
            try
            {
                return System.Text.Encoding.UTF8.GetString(Util.SafeFileReader.Read(path, 1024 * 1024));
            }
            catch (Util.UnsafeReadException)
            {
                return string.Empty;
            }
        }
    }
}
