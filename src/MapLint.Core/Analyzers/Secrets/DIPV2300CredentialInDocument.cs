using System.Text.Json;
using MapLint.Diagnostics;
using MapLint.Secrets;
using MapLint.Text;

namespace MapLint.Analyzers.Secrets;

/// <summary>
/// DIPV2300: a credential stored in a document of the repository. It runs on every JSON document as it is read,
/// whatever its kind and whether or not it binds (a password is just as leaked in a map with a typo), over the
/// tokens alone: a value is a credential when its property is named like a secret (and it is not a reference to
/// one kept elsewhere), when it carries a credential pattern (URL password, secret query parameter, bearer
/// token, JWT, connection-string key), or when a key-like property holds a long random-looking string.
/// The value is never quoted: the finding names the property and the kind of credential.
/// </summary>
public static class DIPV2300CredentialInDocument
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2300",
        "Credential stored in a document",
        "'{0}' holds {1} stored in the file; stored credentials leak with the repository and stop working when they expire or rotate. Keep it in Key Vault, an environment variable or a connection reference, and name that here instead.",
        RuleCategory.Document);

    /// <summary>Findings are capped per file: a document of thousands of secrets needs one look, not thousands of lines.</summary>
    private const int MaxPerFile = 50;

    public static void Scan(SourceText text, DiagnosticBag bag)
    {
        byte[] utf8 = text.Utf8;
        int start = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
        var reader = new Utf8JsonReader(utf8.AsSpan(start), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        string? property = null;
        int found = 0;
        try
        {
            while (reader.Read() && found < MaxPerFile)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        break;
                    case JsonTokenType.String:
                        if (What(property, reader.GetString() ?? string.Empty) is { } what)
                        {
                            int tokenStart = start + (int)reader.TokenStartIndex;
                            bag.Add(Descriptor, new TextSpan(tokenStart, start + (int)reader.BytesConsumed), null, property ?? "a value", what);
                            found++;
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.EndObject:
                        property = null;
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Broken JSON is DIPV2000's; what was read up to the break has been scanned.
        }
    }

    /// <summary>What credential <paramref name="value"/> of <paramref name="property"/> is, or null.</summary>
    public static string? What(string? property, string value)
    {
        if (property is not null && Credentials.IsSecretName(property) && !Credentials.IsReference(value))
        {
            return Credentials.InValue(value) ?? (Credentials.LooksRandom(value) ? "a random-looking secret" : "a secret");
        }

        if (Credentials.InValue(value) is { } kind)
        {
            return kind;
        }

        return property is not null && IsKeyLike(property) && Credentials.LooksRandom(value) && !Credentials.IsReference(value) ? "a random-looking key" : null;
    }

    private static bool IsKeyLike(string property)
    {
        string p = property.ToLowerInvariant();
        return p.EndsWith("key", StringComparison.Ordinal) || p.Contains("auth", StringComparison.Ordinal) || p.Contains("sig", StringComparison.Ordinal);
    }
}
