using System.Globalization;
using System.Text;

namespace MapLint.Reporting;

/// <summary>
/// Text from the user's files (names, values, paths) made safe for line-oriented output: the text format that
/// MSBuild, VS Code problem matchers and Azure DevOps parse, GitHub workflow commands, build logs, plan text.
/// Every reporter calls it on what it did not write itself, so a name holding a newline cannot forge a finding
/// or a CI logging command, and an escape sequence cannot reach the terminal. Structured formats (JSON, SARIF)
/// get their escaping from their writer and their redaction from <see cref="Secrets.Credentials"/>.
/// </summary>
public static class OutputText
{
    /// <summary>
    /// One line: credentials masked; control characters (C0, DEL, C1), line and paragraph separators and the
    /// bidirectional overrides ("Trojan Source") as visible escapes (<c>\n</c>, <c>\u001B</c>); and the commands
    /// CI logs act on anywhere in a line (Azure DevOps <c>##vso[</c> and <c>##[</c>) broken up.
    /// </summary>
    public static string Line(string text)
    {
        text = Secrets.Credentials.Redact(text);
        if (IsPlain(text))
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '\n':
                    result.Append("\\n");
                    break;
                case '\r':
                    result.Append("\\r");
                    break;
                case '\t':
                    result.Append("\\t");
                    break;
                default:
                    if (NeedsEscape(c))
                    {
                        result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        return result.Replace("##vso[", "# #vso[").Replace("##[", "# #[").ToString();
    }

    /// <summary>
    /// A whole output line of the text format: <see cref="Line"/>, and a line that would start like a GitHub
    /// workflow command (<c>::error</c>, from a file so named) starts with <c>: :</c> instead.
    /// </summary>
    public static string WholeLine(string text)
    {
        string line = Line(text);
        return line.StartsWith("::", StringComparison.Ordinal) ? ": :" + line.Substring(2) : line;
    }

    private static bool IsPlain(string text)
    {
        foreach (char c in text)
        {
            if (c < 0x20 || NeedsEscape(c))
            {
                return false;
            }
        }

        return text.IndexOf("##", StringComparison.Ordinal) < 0;
    }

    // One pass with a fast path for printable ASCII: a SARIF log is mostly the rules' pages, hundreds of kilobytes.
    private static bool IsPlainJson(string json)
    {
        foreach (char c in json)
        {
            if (c is >= ' ' and < '\u007F')
            {
                continue;
            }

            if (c is not ('\n' or '\r' or '\t') && NeedsEscape(c))
            {
                return false;
            }
        }

        return json.IndexOf("##", StringComparison.Ordinal) < 0;
    }

    private static bool NeedsEscape(char c) =>
        c < 0x20 || (c >= 0x7F && c <= 0x9F) || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or '\u061C' or '\uFEFF' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    /// <summary>
    /// Serialized JSON (reports, SARIF, baselines, plans) made safe to print to a CI log or a terminal without
    /// changing what it means: the writer already escapes control characters; this also writes the sequences CI
    /// logs act on anywhere in a line (<c>##vso[</c>, <c>##[</c>) and the invisible characters that reorder or
    /// break lines as JSON escapes (<c>#\u0023vso[</c>, <c>\u202E</c>). They can only occur inside strings, so the
    /// document decodes to the same values.
    /// </summary>
    public static string Json(string json)
    {
        if (IsPlainJson(json))
        {
            return json;
        }

        var result = new StringBuilder(json.Length + 16);
        foreach (char c in json)
        {
            if (c is not ('\n' or '\r' or '\t') && NeedsEscape(c))
            {
                result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.Replace("##vso[", "#\\u0023vso[").Replace("##[", "#\\u0023[").ToString();
    }
}
