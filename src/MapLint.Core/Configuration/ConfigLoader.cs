using Microsoft.Extensions.FileSystemGlobbing;
using MapLint.Diagnostics;
using MapLint.Documents;
using MapLint.Syntax;
using MapLint.Workspace;
using MapLint.Util;

namespace MapLint.Configuration;

public sealed record ConfigLoadResult(MapLintConfig Config, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The crossCompanyDataSharing entries with their places in maplint.json, checked once metadata is loaded.</summary>
    internal IReadOnlyList<JsonString> SharingEntries { get; init; } = [];

    internal DiagnosticBag? Bag { get; init; }

    /// <summary>The rules maplint.json sets, with the place of each value (to name it where another source disagrees).</summary>
    internal IReadOnlyDictionary<string, JsonProperty> RuleEntries { get; init; } = new Dictionary<string, JsonProperty>();

    /// <summary>
    /// Every finding on the configuration after a run: those of maplint.json, those of the .editorconfig files the
    /// run read, and settings that match nothing in the loaded workspace (an unknown cross-company entity).
    /// </summary>
    public IReadOnlyList<Diagnostic> Findings(LintResult result)
    {
        var findings = new List<Diagnostic>(Diagnostics);
        if (Config.EditorConfig is { } editorConfig)
        {
            findings.AddRange(editorConfig.Diagnostics);
            findings.AddRange(EditorConfigOverridden(editorConfig));
        }

        // Only against entityMetadata documents: exports are converted for the entities the maps use, so an entity
        // missing from a converted $metadata may exist all the same.
        // (The catalog's sources: loaded documents and files known from the cache by their entity names.)
        var financeAndOperations = result.MetadataSources.Where(d => Model.Apps.IsFinanceAndOperations(d.App)).ToList();
        if (Bag is { } bag && SharingEntries.Count > 0 && financeAndOperations.Count > 0
            && financeAndOperations.All(d => d.FullPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !d.FullPath.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
        {
            var names = financeAndOperations.SelectMany(d => d.EntityNames).ToList();
            var sharing = new DiagnosticBag(bag.Path, bag.Text);
            foreach (var entry in SharingEntries.Where(e => !names.Contains(e.Value, StringComparer.OrdinalIgnoreCase)))
            {
                sharing.Add(ConfigurationRules.UnknownSharedEntity, entry.Span, entry.Path, entry.Value, NameSuggester.Hint(NameSuggester.Suggest(entry.Value, names)));
            }

            findings.AddRange(sharing.Diagnostics);
        }

        return findings;
    }

    /// <summary>
    /// maplint.json wins over .editorconfig for a rule: a <c>dotnet_diagnostic.DIPVxxxx.severity</c> of another value
    /// never applies, which its author would not guess. Reported at the .editorconfig value, naming the winner.
    /// </summary>
    private IEnumerable<Diagnostic> EditorConfigOverridden(EditorConfigSeverities editorConfig)
    {
        if (Bag is not { } bag || Config.JsonRules is not { Count: > 0 } json)
        {
            yield break;
        }

        foreach (var setting in editorConfig.RuleSettings())
        {
            if (json.TryGetValue(setting.Id, out var fromJson) && RuleEntries.TryGetValue(setting.Id, out var entry)
                && (setting.Severity ?? Defaults(setting.Id)) != fromJson)
            {
                var winner = new Location(bag.Path, bag.Text, entry.Value.Span);
                yield return Diagnostic.Create(ConfigurationRules.ConflictingSeverity, setting.Location, null, null,
                    setting.Key, setting.Value, $"{bag.Path}({winner.LineSpan.Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)},{winner.LineSpan.Start.Column.ToString(System.Globalization.CultureInfo.InvariantCulture)})", (entry.Value as JsonString)?.Value ?? string.Empty);
            }
        }
    }

    /// <summary>
    /// Why folder walks of <paramref name="paths"/> found nothing: the include and exclude globs that left out every
    /// file a walk without them finds (DIPV2025, at each glob). Empty when the paths hold no file either way.
    /// </summary>
    public IReadOnlyList<Diagnostic> FilterLeftNothing(IReadOnlyList<string> paths, string currentDirectory)
    {
        if (Bag is not { } bag || Config.Directory is not { } root || (Config.Include.Count == 0 && Config.Exclude.Count == 0))
        {
            return [];
        }

        if (FileDiscovery.Discover(paths, currentDirectory, Config).Files.Count > 0)
        {
            return [];
        }

        var unfiltered = new MapLintConfig(Config.Path, root, Config.Severities, [], [], [], Config.CrossCompanyDataSharing);
        var found = FileDiscovery.Discover(paths, currentDirectory, unfiltered).Files.Select(f => f.FullPath).ToList();
        if (found.Count == 0)
        {
            return [];
        }

        // Excludes that match found files are the cause; when none does, the includes matched none of them.
        var culprits = Entries("exclude").Where(e => Matches(e.Value, found)).Select(e => (e, "exclude")).ToList();
        if (culprits.Count == 0)
        {
            culprits = Entries("include").Select(e => (e, "include")).ToList();
        }

        string count = found.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problems = new DiagnosticBag(bag.Path, bag.Text);
        foreach (var (entry, list) in culprits)
        {
            problems.Add(ConfigurationRules.FilterLeavesNothing, entry.Span, entry.Path, entry.Value, list,
                list == "exclude" ? $"leaves out {count} of the {count} files under {string.Join(", ", paths)} that the walk finds" : $"matches none of the {count} files under {string.Join(", ", paths)}");
        }

        return problems.Diagnostics;

        IEnumerable<JsonString> Entries(string name) => FilterEntries.Where(e => e.Name == name).Select(e => e.Value);

        bool Matches(string glob, List<string> files)
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(glob);
            return files.Any(f => matcher.Match(root, f).HasMatches);
        }
    }

    /// <summary>The include and exclude entries of maplint.json with their places.</summary>
    internal IReadOnlyList<(string Name, JsonString Value)> FilterEntries { get; init; } = [];

    private static ConfiguredSeverity? Defaults(string id) =>
        Analysis.AnalyzerCatalog.AllDescriptors.FirstOrDefault(d => d.Id == id)?.DefaultSeverity switch
        {
            Severity.Error => ConfiguredSeverity.Error,
            Severity.Warning => ConfiguredSeverity.Warning,
            Severity.Info => ConfiguredSeverity.Info,
            _ => null,
        };
}

/// <summary>
/// Finds and reads maplint.json (given, or the nearest one walking up from the checked path) and the
/// .editorconfig severities beside it. Problems in the file are diagnostics on it, with positions.
/// </summary>
public static class ConfigLoader
{
    public const string FileName = "maplint.json";

    private static readonly StringShape Glob = new() { MinLength = 1 };

    /// <summary>The shape of maplint.json; schemas/maplint.schema.json is written from it.</summary>
    public static readonly ObjectShape Shape = new(
        "a MapLint configuration",
        new PropertyShape("$schema", new StringShape(), Description: "Path or URL of the JSON Schema, for editors."),
        new PropertyShape("rules", new ObjectShape("a rule list") { AdditionalProperties = new StringShape { Enum = ConfiguredSeverities.Names } }, Description: "Severity per rule id: error, warning, info or none (the rule does not run)."),
        new PropertyShape("include", new ArrayShape(Glob), Description: "Globs, relative to this file, of the JSON files folder walks check (default: all *.json)."),
        new PropertyShape("exclude", new ArrayShape(Glob), Description: "Globs, relative to this file, that folder walks leave out; a folder named on the command line is always checked."),
        new PropertyShape("metadata", new ArrayShape(Glob), Description: "Files or globs, relative to this file, of metadata always loaded with the workspace: entityMetadata documents, Dataverse EntityDefinitions exports (JSON), finance and operations $metadata (XML)."),
        new PropertyShape("crossCompanyDataSharing", new ArrayShape(Glob), Description: "Finance and operations entities with cross-company data sharing enabled (not in $metadata)."))
    {
        Description = "MapLint configuration (maplint.json).",
    };

    /// <summary>Null path: walk up from <paramref name="startFolder"/>. Returns null config when an explicit file does not exist.</summary>
    public static ConfigLoadResult? Load(string? explicitPath, string startFolder, string currentDirectory)
    {
        string? path = explicitPath is null ? Find(startFolder) : PathUtil.FullPath(explicitPath, currentDirectory);
        if (path is not null && !File.Exists(path))
        {
            return null;
        }

        string editorConfigFolder = path is null ? startFolder : Path.GetDirectoryName(path)!;
        var severities = EditorConfigSeverities.Read(editorConfigFolder);
        var editorConfigFiles = EditorConfigSeverities.Files(editorConfigFolder);
        var editorConfig = new EditorConfigSeverities(currentDirectory);
        var jsonRules = new Dictionary<string, ConfiguredSeverity>(StringComparer.OrdinalIgnoreCase);
        if (path is null)
        {
            return new ConfigLoadResult(new MapLintConfig(null, null, severities, [], [], []) { EditorConfig = editorConfig, EditorConfigFolder = editorConfigFolder, JsonRules = jsonRules, EditorConfigFiles = editorConfigFiles }, []);
        }

        var bag = new DiagnosticBag(FileDiscovery.ToDisplayPath(path, currentDirectory), null);
        var root = Parse(path, bag);
        if (root is null)
        {
            return new ConfigLoadResult(new MapLintConfig(path, Path.GetDirectoryName(path), severities, [], [], []) { EditorConfig = editorConfig, EditorConfigFolder = editorConfigFolder, JsonRules = jsonRules, EditorConfigFiles = editorConfigFiles }, bag.Diagnostics);
        }

        ShapeValidator.Validate(root, Shape, "maplint.json", bag);
        var ruleEntries = new Dictionary<string, JsonProperty>(StringComparer.OrdinalIgnoreCase);
        if (root.GetObject("rules") is { } rules)
        {
            var known = Analysis.AnalyzerCatalog.AllDescriptors.Select(d => d.Id).ToList();
            foreach (var rule in rules.Properties)
            {
                string id = rule.Name.ToUpperInvariant();
                if (!known.Contains(id))
                {
                    bag.Add(ConfigurationRules.UnknownRule, rule.NameSpan, rule.Value.Path, rule.Name, NameSuggester.Hint(NameSuggester.Suggest(rule.Name, known)));
                }
                else if (ConfiguredSeverities.Parse((rule.Value as JsonString)?.Value) is { } severity)
                {
                    // Ids are case-insensitive: "dipv1004" after "DIPV1004" is the same key twice, and as with a
                    // duplicate property the first wins; a later, different value is reported where it stands.
                    if (ruleEntries.TryGetValue(id, out var first))
                    {
                        if (jsonRules[id] != severity)
                        {
                            var at = new Location(bag.Path, bag.Text, first.Value.Span).LineSpan.Start;
                            bag.Add(ConfigurationRules.ConflictingSeverity, rule.Value.Span, rule.Value.Path, rule.Name, ((JsonString)rule.Value).Value,
                                $"\"{first.Name}\" at line {at.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}", ((JsonString)first.Value).Value);
                        }

                        continue;
                    }

                    ruleEntries[id] = rule;
                    severities[id] = severity;
                    jsonRules[id] = severity;
                }
            }
        }

        var config = new MapLintConfig(path, Path.GetDirectoryName(path), severities, Globs(root, "include", bag), Globs(root, "exclude", bag), Globs(root, "metadata", bag, FileDiscovery.GlobRest), Strings(root, "crossCompanyDataSharing"))
        {
            EditorConfig = editorConfig,
            EditorConfigFolder = editorConfigFolder,
            JsonRules = jsonRules,
            EditorConfigFiles = editorConfigFiles,
        };

        // A metadata entry that names no file loads nothing: the metadata rules then skip or misreport silently.
        foreach (var item in root.GetArray("metadata")?.Items.OfType<JsonString>() ?? [])
        {
            if (item.Value.Length > 0 && config.Metadata.Contains(item.Value) && !MatchesAFile(item.Value, config))
            {
                bag.Add(ConfigurationRules.MetadataMatchesNothing, item.Span, item.Path, item.Value);
            }
        }

        // An include glob that matches no file adds nothing to folder walks; with only such globs a walk checks nothing.
        foreach (var item in root.GetArray("include")?.Items.OfType<JsonString>() ?? [])
        {
            if (item.Value.Length > 0 && config.Include.Contains(item.Value) && !MatchesAFile(item.Value, config))
            {
                bag.Add(ConfigurationRules.FilterLeavesNothing, item.Span, item.Path, item.Value, "include", "matches no file");
            }
        }

        var sharing = root.GetArray("crossCompanyDataSharing")?.Items.OfType<JsonString>().ToList() ?? [];
        var filters = new[] { "include", "exclude" }
            .SelectMany(name => (root.GetArray(name)?.Items.OfType<JsonString>() ?? []).Where(i => i.Value.Length > 0 && (name == "include" ? config.Include : config.Exclude).Contains(i.Value)).Select(i => (name, i)))
            .ToList();
        return new ConfigLoadResult(config, bag.Diagnostics) { SharingEntries = sharing, Bag = bag, RuleEntries = ruleEntries, FilterEntries = filters };
    }

    public static string? Find(string startFolder)
    {
        foreach (var dir in WorkspaceRoot.ConfigurationFolders(startFolder))
        {
            string candidate = Path.Combine(dir, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static JsonObject? Parse(string path, DiagnosticBag bag)
    {
        byte[] bytes;
        try
        {
            bytes = SafeFileReader.Read(path, 1024 * 1024);
        }
        catch (UnsafeReadException ex)
        {
            bag.Add(DocumentRules.UnreadableFile, default, null, ex.Message);
            return null;
        }

        var text = SourceDecoder.Decode(bytes, bag);
        if (text is not null)
        {
            Analyzers.Secrets.DIPV2300CredentialInDocument.Scan(text, bag);
        }

        var root = text is null ? null : JsonParser.Parse(text, bag);
        if (root is not null and not JsonObject)
        {
            bag.Add(DocumentRules.SchemaViolation, root.Span, "$", "maplint.json must be a JSON object.");
        }

        return root as JsonObject;
    }

    /// <summary>The usable globs of a list; each bad one is a DIPV2001 at its position and is left out.</summary>
    private static IReadOnlyList<string> Globs(JsonObject root, string name, DiagnosticBag bag, Func<string, string>? matchedPart = null)
    {
        var globs = new List<string>();
        foreach (var item in root.GetArray(name)?.Items.OfType<JsonString>() ?? [])
        {
            if (item.Value.Length > 0 && FileDiscovery.GlobProblem(matchedPart?.Invoke(item.Value) ?? item.Value) is { } problem)
            {
                bag.Add(DocumentRules.SchemaViolation, item.Span, item.Path, $"'{name}' glob '{item.Value}' cannot be used: {problem}.");
            }
            else
            {
                globs.Add(item.Value);
            }
        }

        return globs;
    }

    private static bool MatchesAFile(string entry, MapLintConfig config) =>
        entry.IndexOfAny(['*', '?']) >= 0
            ? FileDiscovery.ExpandGlob(entry, config.Directory!, MapLintConfig.Default).Any()
            : File.Exists(PathUtil.FullPath(entry, config.Directory!));

    private static IReadOnlyList<string> Strings(JsonObject root, string name) =>
        root.GetArray(name) is { } array ? array.Items.OfType<JsonString>().Select(s => s.Value).ToList() : [];
}
