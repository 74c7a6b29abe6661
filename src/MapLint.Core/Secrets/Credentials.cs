using System.Text;
using System.Text.RegularExpressions;

namespace MapLint.Secrets;

/// <summary>
/// What a stored credential looks like, for DIPV2300 (which reports it) and for redaction (which keeps it out of
/// every output). One place, so what the rule finds is exactly what no report prints: URL user information with
/// a password, secret query parameters (SAS <c>sig</c>, OAuth <c>client_secret</c>, <c>code</c>, <c>token</c>…),
/// bearer tokens, JWTs, connection-string keys, and the values of properties named like a secret.
/// </summary>
public static class Credentials
{
    public const string Mask = "***";

    private static readonly string[] SecretQueryParameters =
        ["sig", "signature", "client_secret", "clientsecret", "code", "token", "access_token", "id_token", "refresh_token", "api_key", "apikey", "api-key", "password", "pwd", "secret", "key", "sharedaccesskey", "x-api-key", "subscription-key"];

    // Every pattern runs without backtracking: they see whole values and lines of user files, and the
    // backtracking engine took minutes on a 300,000-letter name (each start position rescanned the run of
    // letters for a "://"; fuzzing found). Hence no lookarounds: what follows a secret is a group of its own
    // ("end"), put back after the mask.
    private const RegexOptions Linear = RegexOptions.CultureInvariant | Util.LinearRegex.Options;

    // scheme://user:password@host — the user is kept, the password masked.
    private static readonly Regex UserInfo = new(@"(?<prefix>[A-Za-z][A-Za-z0-9+.\-]*://[^\s/?#@:'""]*:)(?<secret>[^\s/?#@'""]+)(?<end>@)", Linear);

    private static readonly Regex QueryParameter = new(
        @"(?<prefix>[?&;](?:" + string.Join("|", SecretQueryParameters.Select(Regex.Escape)) + @")=)(?<secret>[^&#\s'""]+)",
        Linear | RegexOptions.IgnoreCase);

    private static readonly Regex Bearer = new(@"(?<prefix>\b(?:Bearer|Basic)\s+)(?<secret>[A-Za-z0-9\-._~+/]{8,}=*)", Linear | RegexOptions.IgnoreCase);

    private static readonly Regex Jwt = new(@"(?<prefix>)(?<secret>\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]*)", Linear);

    // Connection strings: AccountKey=…; Password=…; SharedAccessKey=…; ClientSecret=…
    private static readonly Regex ConnectionStringKey = new(
        @"(?<prefix>(?:^|[;\s""'])(?:AccountKey|Password|Pwd|SharedAccessKey|SharedAccessSignature|ClientSecret|Client_Secret|ApiKey)\s*=\s*)(?<secret>[^;""'\s]+)",
        Linear | RegexOptions.IgnoreCase);

    // In a line of JSON source: "password": "…" (any property named like a secret).
    private static readonly Regex JsonSecretProperty = new(@"(?<name>""(?<key>(?:[^""\\]|\\.){1,80})""\s*:\s*"")(?<value>(?:[^""\\]|\\.)*)(?<end>"")", Linear);

    private static readonly Regex[] Patterns = [UserInfo, QueryParameter, Bearer, Jwt, ConnectionStringKey];

    /// <summary>What kind of credential <paramref name="value"/> carries, wherever it appears, or null.</summary>
    public static string? InValue(string value)
    {
        if (value.Length < 4)
        {
            return null;
        }

        if (UserInfo.IsMatch(value))
        {
            return "a password in the URL's user information";
        }

        if (QueryParameter.Match(value) is { Success: true } query)
        {
            string name = query.Groups["prefix"].Value.TrimStart('?', '&', ';').TrimEnd('=');
            return $"a '{name}' query parameter";
        }

        if (Bearer.IsMatch(value))
        {
            return "a bearer or basic token";
        }

        if (Jwt.IsMatch(value))
        {
            return "a JSON web token";
        }

        return ConnectionStringKey.IsMatch(value) ? "a key or password in a connection string" : null;
    }

    /// <summary>
    /// True for a property named like a secret: password, secret, clientSecret, apiKey, connectionString, token,
    /// accessKey, privateKey, sasToken… (case, '_' and '-' ignored). Names that only contain such a word in the
    /// middle (tokenEndpoint, passwordPolicy) are not secrets.
    /// </summary>
    public static bool IsSecretName(string name)
    {
        var normalized = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                normalized.Append(char.ToLowerInvariant(c));
            }
        }

        return IsSecretNormalized(normalized.ToString().AsSpan());
    }

    /// <summary>The secret-name test on a name already reduced to its lower-case letters and digits.</summary>
    private static bool IsSecretNormalized(ReadOnlySpan<char> n) =>
        n.SequenceEqual("pwd".AsSpan()) || n.SequenceEqual("passwd".AsSpan()) || n.SequenceEqual("pass".AsSpan()) || n.SequenceEqual("sas".AsSpan()) || n.SequenceEqual("authorization".AsSpan())
            || n.EndsWith("password".AsSpan())
            || n.EndsWith("secret".AsSpan())
            || n.EndsWith("apikey".AsSpan())
            || n.EndsWith("accesskey".AsSpan())
            || n.EndsWith("accountkey".AsSpan())
            || n.EndsWith("privatekey".AsSpan())
            || n.EndsWith("sharedaccesskey".AsSpan())
            || n.EndsWith("subscriptionkey".AsSpan())
            || n.EndsWith("token".AsSpan())
            || n.EndsWith("connectionstring".AsSpan())
            || n.EndsWith("credential".AsSpan())
            || n.EndsWith("credentials".AsSpan());

    /// <summary>A property name whose long random-looking value is taken for a key: ending in "key", or holding "auth" or "sig" (any case).</summary>
    public static bool IsKeyLike(string property) => IsKeyLikeLower(property.ToLowerInvariant().AsSpan());

    private static bool IsKeyLikeLower(ReadOnlySpan<char> p) =>
        p.EndsWith("key".AsSpan()) || p.IndexOf("auth".AsSpan()) >= 0 || p.IndexOf("sig".AsSpan()) >= 0;

    /// <summary>What a property's name makes of its values: a secret's name, a key's (judged by its value's randomness), or neither.</summary>
    public enum NameKind
    {
        None,
        KeyLike,
        Secret,
    }

    public static NameKind Classify(string name) => IsSecretName(name) ? NameKind.Secret : IsKeyLike(name) ? NameKind.KeyLike : NameKind.None;

    /// <summary>
    /// The same from the name's UTF-8 bytes, without making a string; null for a name that is not short plain
    /// ASCII (its characters are then judged as a string, where letters beyond ASCII count).
    /// </summary>
    public static NameKind? Classify(ReadOnlySpan<byte> name)
    {
        if (name.Length > 128)
        {
            return null;
        }

        Span<char> lower = stackalloc char[name.Length];
        Span<char> normalized = stackalloc char[name.Length];
        int kept = 0;
        for (int i = 0; i < name.Length; i++)
        {
            byte b = name[i];
            if (b >= 0x80)
            {
                return null;
            }

            char c = (char)(b is >= (byte)'A' and <= (byte)'Z' ? b + 32 : b);
            lower[i] = c;
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                normalized[kept++] = c;
            }
        }

        return IsSecretNormalized(normalized[..kept]) ? NameKind.Secret : IsKeyLikeLower(lower) ? NameKind.KeyLike : NameKind.None;
    }

    /// <summary>
    /// False when a value (its UTF-8 bytes as the JSON token holds them) cannot match any credential pattern, so
    /// <see cref="InValue"/> need not see it: each pattern needs an '@' (user information), an '=' (query
    /// parameter, connection-string key), white space (after Bearer or Basic) or "eyJ" (a JWT). Bytes beyond ASCII
    /// and escapes are always looked at: their characters are not the bytes.
    /// </summary>
    public static bool MayCarryPattern(ReadOnlySpan<byte> raw)
    {
        if (raw.Length < 4)
        {
            return false;
        }

        for (int i = 0; i < raw.Length; i++)
        {
            byte b = raw[i];
            if (b >= 0x80 || b <= (byte)' ' || b is (byte)'@' or (byte)'=' or (byte)'\\'
                || (b == (byte)'e' && i + 2 < raw.Length && raw[i + 1] == (byte)'y' && raw[i + 2] == (byte)'J'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the value of a secret-named property is a reference to a secret kept elsewhere (a Key Vault
    /// reference, an environment variable, a pipeline variable, a template placeholder) or empty: that is the fix.
    /// </summary>
    public static bool IsReference(string value)
    {
        string v = value.Trim();
        return v.Length == 0
            || v.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase)
            || v.StartsWith("$(", StringComparison.Ordinal)
            || v.StartsWith("${", StringComparison.Ordinal)
            || v.StartsWith("{{", StringComparison.Ordinal)
            || v.StartsWith("#{", StringComparison.Ordinal)
            || v.StartsWith("__", StringComparison.Ordinal)
            || (v.StartsWith("%", StringComparison.Ordinal) && v.EndsWith("%", StringComparison.Ordinal) && v.Length > 2)
            || v.StartsWith("env:", StringComparison.OrdinalIgnoreCase)
            || v.StartsWith("keyvault:", StringComparison.OrdinalIgnoreCase)
            || v.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && v.Contains(".vault.azure.net/secrets/", StringComparison.OrdinalIgnoreCase) && InValue(v) is null
            || (v.StartsWith("<", StringComparison.Ordinal) && v.EndsWith(">", StringComparison.Ordinal));
    }

    /// <summary>Shannon entropy in bits per character: random keys score about 4 and more, words and names under 3.5.</summary>
    public static double Entropy(string value)
    {
        if (value.Length == 0)
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (char c in value)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        double entropy = 0;
        foreach (int count in counts.Values)
        {
            double p = (double)count / value.Length;
            entropy -= p * Math.Log(p, 2);
        }

        return entropy;
    }

    public const int RandomMinimumLength = 24;

    /// <summary>True for a long, random-looking token (no spaces, 24+ characters, 4+ bits per character).</summary>
    public static bool LooksRandom(string value) =>
        value.Length >= RandomMinimumLength && value.Length <= 4096 && value.IndexOf(' ') < 0 && Entropy(value) >= 4.0;

    /// <summary>Any text with every credential pattern masked (messages, names, values: anything MapLint prints).</summary>
    public static string Redact(string text)
    {
        // Every pattern needs one of these; most messages have none and skip the regular expressions.
        if (text.Length < 4 || (text.IndexOf('=') < 0 && text.IndexOf("://", StringComparison.Ordinal) < 0 && text.IndexOf("eyJ", StringComparison.Ordinal) < 0
            && text.IndexOf("Bearer", StringComparison.OrdinalIgnoreCase) < 0 && text.IndexOf("Basic", StringComparison.OrdinalIgnoreCase) < 0))
        {
            return text;
        }

        foreach (var pattern in Patterns)
        {
            text = pattern.Replace(text, m => m.Groups["prefix"].Value + Mask + m.Groups["end"].Value);
        }

        return text;
    }

    /// <summary>A line of JSON source with credentials masked, the values of secret-named properties included (--show-source, SARIF snippets).</summary>
    public static string RedactSourceLine(string line)
    {
        string masked = JsonSecretProperty.Replace(line, m =>
            IsSecretName(m.Groups["key"].Value) && !IsReference(m.Groups["value"].Value) ? m.Groups["name"].Value + Mask + m.Groups["end"].Value : m.Value);
        return Redact(masked);
    }
}
