using MapLint.Secrets;
using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>
/// DIPV2300 beyond its generated case: every kind of stored credential the rule knows fires at the value, a
/// reference to a secret kept elsewhere is silent, and no message or redacted line carries the value.
/// </summary>
public class DIPV2300CredentialTests
{
    private const string Set = """
        {
          "kind": "connectionSet",
          "name": "Contoso secrets",
          "environments": [
            { "name": "fo", "app": "financeAndOperations", "url": VALUE },
            { "name": "dv", "app": "dataverse", "url": "https://contoso.crm.dynamics.com" }
          ],
          "organizationMappings": [ { "legalEntity": "USMF", "businessUnit": "USMF" } ]
        }
        """;

    public static TheoryData<string, string, string> Fires() => new()
    {
        { "https://contoso.operations.dynamics.com/data?sig=Zm9vYmFyU2VjcmV0U2ln&sv=2022", "Zm9vYmFyU2VjcmV0U2ln", "'sig' query parameter" },
        { "https://contoso.operations.dynamics.com/?client_secret=NotReal~Secret.Value", "NotReal~Secret.Value", "'client_secret' query parameter" },
        { "https://contoso-fn.azurewebsites.net/api/x?code=NotARealFunctionKey0123", "NotARealFunctionKey0123", "'code' query parameter" },
        { "https://contoso.operations.dynamics.com/?token=abc123notreal", "abc123notreal", "'token' query parameter" },
        { "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJub3RyZWFsIn0.c2lnbmF0dXJl", "eyJzdWIiOiJub3RyZWFsIn0", "bearer or basic token" },
        { "DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=Tm90QVJlYWxLZXk=;", "Tm90QVJlYWxLZXk", "connection string" },
    };

    [Theory]
    [MemberData(nameof(Fires))]
    public void Fires_OnACredentialInAValue(string value, string secret, string what)
    {
        // In a property of its own (not allowed there: DIPV2001), so the URL rules stay out of it.
        var diagnostics = RuleVerifier.Verify(("case/connection-set.json", Set.Replace("VALUE", "\"https://contoso.operations.dynamics.com\", {|DIPV2001:\"link\"|}: {|DIPV2300:\"" + value + "\"|}", StringComparison.Ordinal)));
        var fired = Assert.Single(diagnostics, d => d.Id == "DIPV2300");
        Assert.Contains(what, fired.Message, StringComparison.Ordinal);
        Assert.All(diagnostics, d => Assert.DoesNotContain(secret, d.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(secret, Credentials.Redact(value), StringComparison.Ordinal);
    }

    public static TheoryData<string> SecretNames() => ["password", "clientSecret", "client_secret", "apiKey", "api-key", "connectionString", "accessToken", "sasToken", "storageAccountKey"];

    [Theory]
    [MemberData(nameof(SecretNames))]
    public void Fires_OnAPropertyNamedLikeASecret(string name)
    {
        // Unknown properties are also DIPV2001; the credential is reported whatever the shape says.
        var diagnostics = RuleVerifier.Verify(("case/connection-set.json", Set.Replace("VALUE", "\"https://contoso.operations.dynamics.com\", {|DIPV2001:\"" + name + "\"|}: {|DIPV2300:\"hunter2-not-real\"|}", StringComparison.Ordinal)));
        Assert.Contains("'" + name + "' holds a secret", Assert.Single(diagnostics, d => d.Id == "DIPV2300").Message, StringComparison.Ordinal);
        Assert.Equal($"\"{name}\": \"***\",", Credentials.RedactSourceLine($"\"{name}\": \"hunter2-not-real\","));
    }

    // A source line shows a secret-named property's value masked in every notation the readers take, wherever the
    // line's quotes pair up: the first case is the byte fuzzer's (a map spliced with an AL file's comment left a
    // string open, and pairing quotes took the secret for a name).
    public static TheoryData<string, string> SourceLines() => new()
    {
        { "{\"source\": \"PRICE //https://x \"clientSecret\": \"FuzzPropSecret7733\" Bearer", "{\"source\": \"PRICE //https://x \"clientSecret\": \"***\" Bearer" },
        { "\"msdyn_mapping\": \"{\\\"clientSecret\\\": \\\"FuzzPropSecret7733\\\"}\"", "\"msdyn_mapping\": \"{\\\"clientSecret\\\": \\\"***\\\"}\"" },
        { "<msdyn_mapping>{&quot;clientSecret&quot;: &quot;FuzzPropSecret7733&quot;}</msdyn_mapping>", "<msdyn_mapping>{&quot;clientSecret&quot;: &quot;***&quot;}</msdyn_mapping>" },
        { "<connection clientSecret=\"FuzzPropSecret7733\" url=\"x\"/>", "<connection clientSecret=\"***\" url=\"x\"/>" },
        { "<ClientSecret>FuzzPropSecret7733</ClientSecret>", "<ClientSecret>***</ClientSecret>" },
        { "        ClientSecret := 'FuzzPropSecret7733';", "        ClientSecret := '***';" },
        { "api_key=FuzzPropSecret7733 other=1", "api_key=*** other=1" },
        { "\"clientSecret\": \"FuzzProp\\\"Secret7733\", \"next\": 1", "\"clientSecret\": \"***\", \"next\": 1" },
        { "\"clientSecret\": \"FuzzPropSecret7733", "\"clientSecret\": \"***" },
        { "\"clientSecret\": \"$(DualWriteSecret)\", \"password\": null", "\"clientSecret\": \"$(DualWriteSecret)\", \"password\": null" },
        { "\"destination\": \"msdyn_password\", \"tokenEndpoint\": \"https://login\"", "\"destination\": \"msdyn_password\", \"tokenEndpoint\": \"https://login\"" },
    };

    [Theory]
    [MemberData(nameof(SourceLines))]
    public void ASourceLineMasksTheValueOfEverySecretNamedProperty(string line, string shown)
    {
        Assert.Equal(shown, Credentials.RedactSourceLine(line));
    }

    [Fact]
    public void AWindowStartingInsideASecretMasksWhatItShows()
    {
        string line = "{\"clientSecret\": \"FuzzPropSecret7733FuzzPropSecret7733\", \"x\": tru";
        int at = line.IndexOf("7733F", StringComparison.Ordinal);
        var (text, start, end) = Credentials.Masked(line, at, line.Length, Credentials.InSource(line), line.Length - 3, line.Length);
        Assert.Equal("***\", \"x\": tru", text);
        Assert.Equal("tru", text[start..end]);
    }

    public static TheoryData<string> References() =>
    [
        "@Microsoft.KeyVault(SecretUri=https://contoso.vault.azure.net/secrets/dualwrite/)",
        "$(DualWriteSecret)",
        "${DUALWRITE_SECRET}",
        "#{DualWriteSecret}#",
        "env:DUALWRITE_SECRET",
        "",
    ];

    [Theory]
    [MemberData(nameof(References))]
    public void Silent_OnAReferenceToASecretKeptElsewhere(string reference)
    {
        var diagnostics = RuleVerifier.Verify(("case/connection-set.json", Set.Replace("VALUE", "\"https://contoso.operations.dynamics.com\", {|DIPV2001:\"clientSecret\"|}: \"" + reference + "\"", StringComparison.Ordinal)));
        Assert.DoesNotContain(diagnostics, d => d.Id == "DIPV2300");
    }

    [Fact]
    public void Silent_OnNamesThatOnlyLookLikeSecrets()
    {
        foreach (var name in (string[])["tokenEndpoint", "passwordPolicy", "keys", "keyColumn", "integrationKey", "name"])
        {
            Assert.False(Credentials.IsSecretName(name), name);
        }

        Assert.Null(Analyzers.Secrets.DIPV2300CredentialInDocument.What("url", "https://contoso.operations.dynamics.com/data/CustomersV3?$filter=dataAreaId eq 'usmf'"));
        Assert.Null(Analyzers.Secrets.DIPV2300CredentialInDocument.What("destination", "msdyn_customergroupid.msdyn_groupid"));
        Assert.Equal("a random-looking key", Analyzers.Secrets.DIPV2300CredentialInDocument.What("primaryKey", "q8Zr3XkLm2Pv9TnW4sYb7HcJ1dFg6Ae0"));
    }

    [Fact]
    public void Silent_WithoutCredentials() =>
        RuleVerifier.Verify(("case/connection-set.json", Set.Replace("VALUE", "\"https://contoso.operations.dynamics.com\"", StringComparison.Ordinal)));

    /// <summary>
    /// The scan judges most tokens from their bytes (a name's kind, whether a value can carry a pattern) and makes
    /// strings only of the rest: on documents built from every fragment the patterns turn on (escapes, letters
    /// beyond ASCII, '@', '=', white space, "eyJ", secret and key-like names in any case), it reports exactly what
    /// judging every token as a string reports.
    /// </summary>
    [Fact]
    public void Scan_FromBytes_AgreesWithJudgingEveryTokenAsAString()
    {
        string[] names = ["name", "password", "PassWord", "client_secret", "apiKey", "primaryKey", "keys", "authority", "signature", "tokenEndpoint", "p\\u0061ssword", "pässword", "clé", "sas", "x", "credentials"];
        string[] fragments = ["abc", "Q8zR3xKm", "@", "=", "://", " ", "\\t", "\\u0065yJ", "eyJ", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJub3RyZWFsIn0.c2ln", "Bearer ", "basic ", "?sig=", "&token=", "AccountKey=", "user:pw@", "https://", "é", "\\\\", "\\\"", "%", "$(", "Zm9vYmFyU2VjcmV0U2lnbmF0dXJlS2V5MDEyMzQ1", "0123456789abcdefghijklmnopqrstuvwxyzABCDEF"];
        var random = new Random(2300);
        for (int document = 0; document < 200; document++)
        {
            var json = new System.Text.StringBuilder("{");
            for (int property = 0; property < 12; property++)
            {
                string value = string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => fragments[random.Next(fragments.Length)]));
                string entry = random.Next(4) == 0 ? $"[\"{value}\", {{ \"{names[random.Next(names.Length)]}\": \"{value}\" }}]" : $"\"{value}\"";
                json.Append(property == 0 ? "" : ", ").Append('"').Append(names[random.Next(names.Length)]).Append("\": ").Append(entry);
            }

            var text = new Text.SourceText(System.Text.Encoding.UTF8.GetBytes(json.Append('}').ToString()));
            var scanned = new Diagnostics.DiagnosticBag("case.json", text);
            Analyzers.Secrets.DIPV2300CredentialInDocument.Scan(text, scanned);
            const string Stored = " stored in the file";
            Assert.Equal(AsStrings(text), scanned.Diagnostics.Select(d => $"{d.Location.Span.Start}-{d.Location.Span.End} {d.Message[..(d.Message.IndexOf(Stored, StringComparison.Ordinal) + Stored.Length)]}"));
        }

        // The byte judgments on their own: the same kind of name, and no value they pass over carries a pattern.
        foreach (var name in names.Where(n => !n.Contains('\\', StringComparison.Ordinal)))
        {
            var kind = Credentials.Classify(System.Text.Encoding.UTF8.GetBytes(name));
            Assert.True(kind is null || kind == Credentials.Classify(name), name);
        }

        foreach (var value in fragments.Where(f => !f.Contains('\\', StringComparison.Ordinal)).SelectMany(a => fragments.Where(f => !f.Contains('\\', StringComparison.Ordinal)).Select(b => a + b)))
        {
            Assert.True(Credentials.MayCarryPattern(System.Text.Encoding.UTF8.GetBytes(value)) || Credentials.InValue(value) is null, value);
        }
    }

    /// <summary>The scan as it was: every property name and string value made a string and judged by What.</summary>
    private static List<string> AsStrings(Text.SourceText text)
    {
        var found = new List<string>();
        var reader = new System.Text.Json.Utf8JsonReader(text.Utf8);
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case System.Text.Json.JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case System.Text.Json.JsonTokenType.String:
                    if (Analyzers.Secrets.DIPV2300CredentialInDocument.What(property, reader.GetString()!) is { } what)
                    {
                        found.Add($"{reader.TokenStartIndex}-{reader.BytesConsumed} '{property ?? "a value"}' holds {what} stored in the file");
                    }

                    break;
                case System.Text.Json.JsonTokenType.StartObject or System.Text.Json.JsonTokenType.EndObject:
                    property = null;
                    break;
            }
        }

        return found;
    }
}
