using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and Azure DevOps: the tool's rules (id, name, descriptions from the
/// rule pages, help URI, default level) and one result per finding with its region and logical location.
/// Suppressed findings are kept and carry an in-source suppression with its justification.
/// </summary>
public static class SarifReporter
{
    public const string InformationUri = "https://github.com/maplint/maplint";

    public static string Write(LintResult result, string toolVersion, SarifAutomation? automation = null)
    {
        automation ??= SarifAutomation.Default;
        var rules = AnalyzerCatalog.AllDescriptors;
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "MapLint");
            json.WriteString("fullName", "MapLint " + toolVersion);
            json.WriteString("version", toolVersion);
            json.WriteString("semanticVersion", toolVersion);
            json.WriteString("informationUri", InformationUri);
            json.WritePropertyName("rules");
            json.WriteRawValue(RulesJson.Value, skipInputValidation: true);
            json.WriteEndObject();
            json.WriteEndObject();

            // The category code scanning and Advanced Security for Azure DevOps keep MapLint's results under.
            json.WriteStartObject("automationDetails");
            json.WriteString("id", automation.Id);
            if (automation.Properties.Count > 0)
            {
                json.WriteStartObject("properties");
                foreach (var (name, value) in automation.Properties)
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();

            // Run notes (rules skipped for lack of metadata) would otherwise be lost: they are the tool's notifications.
            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", true);
            if (result.Notes.Count > 0)
            {
                json.WriteStartArray("toolExecutionNotifications");
                foreach (var note in result.Notes)
                {
                    json.WriteStartObject();
                    json.WriteString("level", "note");
                    json.WriteStartObject("message");
                    json.WriteString("text", note);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteStartArray("results");
            var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var diagnostic in result.Diagnostics)
            {
                WriteResult(json, diagnostic, index[diagnostic.Id], Fingerprint(diagnostic, occurrences));
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return OutputText.Json(Encoding.UTF8.GetString(stream.ToArray())) + "\n";
    }

    private static JsonWriterOptions Options => new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The driver's rules array (every rule with its page: most of a report's bytes), written once per process at the
    /// depth it has in the log, so each report costs what its results cost (a language server or a reused build
    /// node writes many).
    /// </summary>
    private static readonly Lazy<byte[]> RulesJson = new(() =>
    {
        using var stream = new MemoryStream();
        long start;
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            // runs[0].tool.driver, as in Write.
            json.WriteStartObject();
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WritePropertyName("rules");
            json.Flush();
            start = stream.Length;
            json.WriteStartArray();
            foreach (var rule in AnalyzerCatalog.AllDescriptors)
            {
                WriteRule(json, rule);
            }

            json.WriteEndArray();
            json.Flush();
            return stream.ToArray().AsSpan((int)start).ToArray();
        }
    });

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", PascalCase(rule.Title));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", RuleDocumentation.Section(rule.Id, "Cause") ?? rule.Title);
        json.WriteEndObject();
        if (RuleDocumentation.Section(rule.Id, "How to fix") is { } fix)
        {
            json.WriteStartObject("help");
            json.WriteString("text", fix);
            if (RuleDocumentation.Page(rule.Id) is { } page)
            {
                json.WriteString("markdown", page.Replace("\r\n", "\n"));
            }

            json.WriteEndObject();
        }

        json.WriteString("helpUri", rule.HelpLink);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category.ToString());
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// A fingerprint that survives unrelated edits: file, rule and logical location (document and mapping, never
    /// a line number), with the occurrence count among equal ones, hashed.
    /// </summary>
    private static string Fingerprint(Diagnostic diagnostic, Dictionary<string, int> occurrences)
    {
        string key = diagnostic.Location.Path + "\n" + diagnostic.Id + "\n" + (diagnostic.LogicalLocation ?? diagnostic.JsonPath ?? string.Empty);
        int occurrence = occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
        using var sha = System.Security.Cryptography.SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(key + "\n" + occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return string.Concat(hash.Take(16).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, int ruleIndex, string fingerprint)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", diagnostic.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        string path = diagnostic.Location.Path;
        bool absolute = Path.IsPathRooted(path);
        json.WriteString("uri", absolute ? new Uri(path).AbsoluteUri : string.Join("/", path.Split('/').Select(Uri.EscapeDataString)));
        if (!absolute)
        {
            json.WriteString("uriBaseId", "%SRCROOT%");
        }

        json.WriteEndObject();
        if (diagnostic.Location.Text is not null)
        {
            var span = diagnostic.Location.LineSpan;
            json.WriteStartObject("region");
            json.WriteNumber("startLine", span.Start.Line);
            json.WriteNumber("startColumn", span.Start.Column);
            json.WriteNumber("endLine", span.End.Line);
            json.WriteNumber("endColumn", span.End.Column);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        if (diagnostic.LogicalLocation is { } logical)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", Secrets.Credentials.Redact(logical));
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString("maplintLogicalLocation/v1", fingerprint);
        json.WriteEndObject();
        if (diagnostic.IsSuppressed)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "inSource");
            json.WriteString("justification", diagnostic.SuppressionJustification);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (diagnostic.JsonPath is not null || diagnostic.Properties.Count > 0)
        {
            json.WriteStartObject("properties");
            if (diagnostic.JsonPath is not null)
            {
                json.WriteString("jsonPath", diagnostic.JsonPath);
            }

            foreach (var pair in diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteString(pair.Key, Secrets.Credentials.Redact(pair.Value));
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string PascalCase(string title) =>
        string.Concat(title.Split([' ', '-', '\'', '(', ')', ',', '.', '/', '"', '=', '<', '>'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
