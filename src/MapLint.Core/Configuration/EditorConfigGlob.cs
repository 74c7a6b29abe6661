using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MapLint.Configuration;

/// <summary>
/// An .editorconfig section name as the EditorConfig specification (and Roslyn) reads it: a name without '/'
/// matches the file name in any folder below the .editorconfig (<c>[customers.json]</c>), one with '/' matches
/// the path relative to it (<c>[maps/*.json]</c>, a leading '/' is the same); <c>*</c> is any run of characters
/// but '/', <c>**</c> any run, <c>?</c> one character, <c>[abc]</c> and <c>[!abc]</c> classes, <c>{a,b}</c>
/// alternatives and <c>{1..9}</c> numeric ranges.
/// </summary>
public sealed class EditorConfigGlob
{
    /// <summary>
    /// The longest section name read. The specification lets each implementation set its limits above a minimum
    /// of 4,096 characters (editorconfig/specification#21); past it building the pattern cost minutes (a
    /// 300,000-character name took 27 s, fuzzing found), so a longer name matches nothing, as editors read it.
    /// </summary>
    public const int MaxSectionLength = 4096;

    private readonly Regex? regex;
    private readonly List<(int Low, int High)> ranges = [];

    public EditorConfigGlob(string section)
    {
        Section = section;
        string glob = section.Trim();
        if (glob.Length > MaxSectionLength)
        {
            return;
        }

        bool anchored = glob.Contains("/");
        if (glob.StartsWith("/", StringComparison.Ordinal))
        {
            glob = glob[1..];
        }

        var pattern = new StringBuilder("^");
        if (!anchored)
        {
            pattern.Append("(?:.*/)?");
        }

        int position = 0;
        if (!Translate(glob, ref position, pattern, inBraces: false))
        {
            return; // a section no file can match (an unbalanced brace), as editors read it
        }

        pattern.Append('$');
        // Without backtracking: matching is linear in the path whatever the section holds ('[' followed by a
        // thousand '*' made the backtracking engine run for hours on a file it does not match).
        regex = Compiled(pattern.ToString());
    }

    // Building a pattern without backtracking costs far more than matching with it, and the same .editorconfig
    // is read again by every run of a language server or a reused build node: patterns are kept, a bounded number.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    private static Regex Compiled(string pattern)
    {
        if (Patterns.TryGetValue(pattern, out var known))
        {
            return known;
        }

        var regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline | Util.LinearRegex.Options);
        if (Patterns.Count >= 512)
        {
            Patterns.Clear();
        }

        Patterns[pattern] = regex;
        return regex;
    }

    public string Section { get; }

    /// <summary>Whether the section covers a file, given its path relative to the .editorconfig's folder with '/' separators.</summary>
    public bool Matches(string relativePath)
    {
        if (regex?.Match(relativePath) is not { Success: true } match)
        {
            return false;
        }

        for (int i = 0; i < ranges.Count; i++)
        {
            if (!int.TryParse(match.Groups["r" + i.ToString(CultureInfo.InvariantCulture)].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number)
                || number < ranges[i].Low || number > ranges[i].High)
            {
                return false;
            }
        }

        return true;
    }

    private bool Translate(string glob, ref int i, StringBuilder pattern, bool inBraces)
    {
        while (i < glob.Length)
        {
            char c = glob[i];
            switch (c)
            {
                case '\\' when i + 1 < glob.Length:
                    pattern.Append(Regex.Escape(glob[i + 1].ToString()));
                    i += 2;
                    continue;
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    pattern.Append(".*");
                    i += 2;
                    continue;
                case '*':
                    pattern.Append("[^/]*");
                    break;
                case '?':
                    pattern.Append("[^/]");
                    break;
                case '[':
                    int close = glob.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        pattern.Append(@"\[");
                        break;
                    }

                    string set = glob[(i + 1)..close];
                    pattern.Append('[').Append(set.StartsWith("!", StringComparison.Ordinal) ? "^" + Escape(set[1..]) : Escape(set)).Append(']');
                    i = close + 1;
                    continue;
                case '{':
                    int end = MatchingBrace(glob, i);
                    if (end < 0)
                    {
                        return false;
                    }

                    string inner = glob[(i + 1)..end];
                    var range = Regex.Match(inner, @"^(-?\d+)\.\.(-?\d+)$", RegexOptions.CultureInvariant);
                    if (range.Success)
                    {
                        int a = int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture), b = int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture);
                        pattern.Append("(?<r").Append(ranges.Count.ToString(CultureInfo.InvariantCulture)).Append(@">-?\d+)");
                        ranges.Add((Math.Min(a, b), Math.Max(a, b)));
                    }
                    else if (!inner.Contains(","))
                    {
                        pattern.Append(Regex.Escape("{" + inner + "}")); // a single choice is a literal
                    }
                    else
                    {
                        pattern.Append("(?:");
                        int j = i + 1;
                        if (!Translate(glob[..end], ref j, pattern, inBraces: true))
                        {
                            return false;
                        }

                        pattern.Append(')');
                    }

                    i = end + 1;
                    continue;
                case ',' when inBraces:
                    pattern.Append('|');
                    break;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }

            i++;
        }

        return true;
    }

    private static int MatchingBrace(string glob, int open)
    {
        int depth = 0;
        for (int i = open; i < glob.Length; i++)
        {
            if (glob[i] == '\\')
            {
                i++;
            }
            else if (glob[i] == '{')
            {
                depth++;
            }
            else if (glob[i] == '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Escape(string set) => set.Replace(@"\", @"\\").Replace("^", @"\^").Replace("[", @"\[");
}
