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

        // Nearly every token of a map or a metadata file is a plain name or a short word: it is judged from its
        // bytes, and only a value that could be a credential is made a string and looked at as one (the strings,
        // name normalizations and pattern matches per token were more than half of reading a file).
        string? property = null;
        var name = Credentials.NameKind.None;
        bool nameInBytes = false;
        int nameStart = 0, nameLength = 0;
        int found = 0;
        try
        {
            while (reader.Read() && found < MaxPerFile)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (reader.ValueIsEscaped || Credentials.Classify(reader.ValueSpan) is not { } kind)
                        {
                            property = reader.GetString();
                            name = Credentials.Classify(property!);
                            nameInBytes = false;
                        }
                        else
                        {
                            property = null;
                            name = kind;
                            nameInBytes = true;
                            nameStart = start + (int)reader.TokenStartIndex + 1;
                            nameLength = reader.ValueSpan.Length;
                        }

                        break;
                    case JsonTokenType.String:
                        if (name == Credentials.NameKind.Secret
                            || (name == Credentials.NameKind.KeyLike && reader.ValueSpan.Length >= Credentials.RandomMinimumLength)
                            || reader.ValueIsEscaped || Credentials.MayCarryPattern(reader.ValueSpan))
                        {
                            // (A name judged from its bytes is plain ASCII without escapes: its string is those bytes.)
                            if (nameInBytes)
                            {
                                property = System.Text.Encoding.UTF8.GetString(utf8, nameStart, nameLength);
                                nameInBytes = false;
                            }

                            if (What(property, reader.GetString() ?? string.Empty) is { } what)
                            {
                                int tokenStart = start + (int)reader.TokenStartIndex;
                                bag.Add(Descriptor, new TextSpan(tokenStart, start + (int)reader.BytesConsumed), null, property ?? "a value", what);
                                found++;
                            }
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.EndObject:
                        property = null;
                        name = Credentials.NameKind.None;
                        nameInBytes = false;
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

        return property is not null && Credentials.IsKeyLike(property) && Credentials.LooksRandom(value) && !Credentials.IsReference(value) ? "a random-looking key" : null;
    }
}
