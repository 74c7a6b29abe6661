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

    // Redaction masks a token after "Bearer" wherever the word ends, glued to text before it or not (a value
    // spliced onto a word printed the token, fuzzing found); the rule keeps the word boundary, so that it does not
    // report words that merely end in "bearer" or "basic".
    private static readonly Regex BearerAnywhere = new(@"(?<prefix>(?:Bearer|Basic)\s+)(?<secret>[A-Za-z0-9\-._~+/]{8,}=*)", Linear | RegexOptions.IgnoreCase);

    private static readonly Regex Jwt = new(@"(?<prefix>)(?<secret>\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]*)", Linear);

    // Connection strings: AccountKey=…; Password=…; SharedAccessKey=…; ClientSecret=…
    private static readonly Regex ConnectionStringKey = new(
        @"(?<prefix>(?:^|[;\s""'])(?:AccountKey|Password|Pwd|SharedAccessKey|SharedAccessSignature|ClientSecret|Client_Secret|ApiKey)\s*=\s*)(?<secret>[^;""'\s]+)",
        Linear | RegexOptions.IgnoreCase);

    private static readonly Regex[] Patterns = [UserInfo, QueryParameter, BearerAnywhere, Jwt, ConnectionStringKey];

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

    /// <summary>
    /// Any text MapLint prints (messages, names, values, source lines) with every credential masked: each pattern's
    /// secret and the value of every property named like a secret, since a message can quote the user's file (a
    /// reader's "found '…'", long fuzz mode case 40762) as much as a source line does.
    /// </summary>
    public static string Redact(string text)
    {
        var ranges = InSource(text);
        return ranges.Count == 0 ? text : Masked(text, 0, text.Length, ranges, 0, 0).Text;
    }

    /// <summary>A line of source with every credential masked, the values of secret-named properties included (--show-source).</summary>
    public static string RedactSourceLine(string line) => Redact(line);

    /// <summary>
    /// Where the credentials of a piece of source are, sorted and disjoint: each pattern's secret, and the value of
    /// every property named like a secret in the notations files hold (JSON <c>"clientSecret": "…"</c>, the same
    /// inside a JSON string or an XML attribute as <c>\"</c> or <c>&amp;quot;</c>, XML <c>clientSecret="…"</c> and
    /// <c>&lt;clientSecret&gt;…&lt;</c>, AL <c>ClientSecret := '…'</c>, <c>key=value</c>). Every name is looked at
    /// wherever it stands, so text that opens a string it never closes (a map spliced with another file, fuzzing
    /// found) does not hide the names after it, as pairing the quotes of a line did.
    /// </summary>
    public static List<(int Start, int End)> InSource(string text)
    {
        var ranges = new List<(int Start, int End)>();
        for (int i = 0; i < text.Length;)
        {
            if (!IsNameChar(text[i]) || (i > 0 && IsNameChar(text[i - 1])))
            {
                i++;
                continue;
            }

            int nameEnd = i;
            while (nameEnd < text.Length && IsNameChar(text[nameEnd]))
            {
                nameEnd++;
            }

            int next = nameEnd;
            if (nameEnd - i <= 80 && "dtyngls".Contains(char.ToLowerInvariant(text[nameEnd - 1]), StringComparison.Ordinal) && IsSecretName(text[i..nameEnd])
                && ValueAfter(text, i, nameEnd) is { } value && !IsReference(text[value.Start..value.End]))
            {
                ranges.Add(value);

                // A masked value that is itself followed by ': value' (a key duplicated onto its value) hides a
                // value too: mask along the chain, each step past the last.
                for (var at = value; ValueAfter(text, at.Start, at.End) is { } chained && chained.Start >= at.End; at = chained)
                {
                    ranges.Add(chained);
                    value = chained;
                }

                next = Math.Max(nameEnd, value.End);
            }

            i = next;
        }

        if (MayHoldPattern(text))
        {
            foreach (var pattern in Patterns)
            {
                foreach (Match match in pattern.Matches(text))
                {
                    var secret = match.Groups["secret"];
                    ranges.Add((secret.Index, secret.Index + secret.Length));
                }
            }
        }

        ranges.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<(int Start, int End)>(ranges.Count);
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    /// <summary>
    /// <c>text[from..to]</c> with each credential range that reaches into it replaced by the mask, and where
    /// [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/> (a caret's span) is in the result.
    /// </summary>
    public static (string Text, int Start, int End) Masked(string text, int from, int to, IReadOnlyList<(int Start, int End)> ranges, int start, int end)
    {
        start = Math.Clamp(start, from, to);
        end = Math.Clamp(end, start, to);
        var result = new StringBuilder(to - from);
        int outStart = -1, outEnd = -1;
        int at = from;
        foreach (var (rangeStart, rangeEnd) in ranges.Where(r => r.End > from && r.Start < to).Append((to, to)))
        {
            // Unmasked text up to the range (or the end), then the mask; a position inside a range is the mask's.
            int until = Math.Max(rangeStart, at);
            if (outStart < 0 && start >= at && start < until)
            {
                outStart = result.Length + (start - at);
            }

            if (outEnd < 0 && end >= at && end <= until)
            {
                outEnd = result.Length + (end - at);
            }

            result.Append(text, at, until - at);
            at = until;
            if (rangeStart >= to)
            {
                break;
            }

            outStart = outStart < 0 && start < Math.Min(rangeEnd, to) ? result.Length : outStart;
            result.Append(Mask);
            at = Math.Min(rangeEnd, to);
            outEnd = outEnd < 0 && end <= at ? result.Length : outEnd;
        }

        int mappedStart = outStart < 0 ? result.Length : outStart;
        return (result.ToString(), mappedStart, Math.Max(mappedStart, outEnd < 0 ? result.Length : outEnd));
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    // How a name or a value is quoted: JSON, JSON inside a JSON string (once or twice), inside XML, AL and XML attributes.
    private static readonly string[] Quotes = ["&quot;", "\\\\\\\"", "\\\"", "\"", "'"];

    private static string? QuoteAt(string text, int at) => Quotes.FirstOrDefault(q => string.CompareOrdinal(text, at, q, 0, q.Length) == 0);

    /// <summary>The value a secret-named name at [nameStart, nameEnd) is given, or null when it is not followed by one.</summary>
    private static (int Start, int End)? ValueAfter(string text, int nameStart, int nameEnd)
    {
        int p = nameEnd;
        bool element = nameStart > 0 && text[nameStart - 1] == '<';
        if (QuoteAt(text, p) is { } closing)
        {
            p += closing.Length;
        }

        p = SkipSpaces(text, p);
        if (p >= text.Length)
        {
            return null;
        }

        if (text[p] == ':')
        {
            p += p + 1 < text.Length && text[p + 1] == '=' ? 2 : 1;
        }
        else if (text[p] == '=' || (element && text[p] == '>'))
        {
            p++;
        }
        else
        {
            return null;
        }

        p = SkipSpaces(text, p);
        int valueStart, valueEnd;
        if (element && text[p - 1] == '>')
        {
            valueStart = p;
            valueEnd = text.IndexOf('<', p) is int lt and >= 0 ? lt : text.Length;
        }
        else if (QuoteAt(text, p) is { } quote)
        {
            valueStart = p + quote.Length;
            valueEnd = quote == "\"" ? ClosingQuote(text, valueStart) : text.IndexOf(quote, valueStart, StringComparison.Ordinal) is int q and >= 0 ? q : text.Length;
        }
        else
        {
            valueStart = p;
            valueEnd = p;
            while (valueEnd < text.Length && !char.IsWhiteSpace(text[valueEnd]) && text[valueEnd] is not (',' or ';' or '}' or ']' or ')' or '<' or '&' or '{' or '['))
            {
                valueEnd++;
            }

            if (text.AsSpan(valueStart, valueEnd - valueStart) is "null" or "true" or "false")
            {
                return null;
            }
        }

        return valueEnd > valueStart ? (valueStart, valueEnd) : null;
    }

    private static int SkipSpaces(string text, int p)
    {
        while (p < text.Length && text[p] is ' ' or '\t')
        {
            p++;
        }

        return p;
    }

    /// <summary>The end of a JSON string's content that starts at <paramref name="from"/>: its unescaped closing quote, or the end of the text.</summary>
    private static int ClosingQuote(string text, int from)
    {
        for (int i = from; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return text.Length;
    }

    // Every pattern needs one of these; most lines and messages have none and skip the regular expressions.
    private static bool MayHoldPattern(string text) =>
        text.Length >= 4 && (text.IndexOf('=') >= 0 || text.Contains("://", StringComparison.Ordinal) || text.Contains("eyJ", StringComparison.Ordinal)
            || text.Contains("Bearer", StringComparison.OrdinalIgnoreCase) || text.Contains("Basic", StringComparison.OrdinalIgnoreCase));
}
