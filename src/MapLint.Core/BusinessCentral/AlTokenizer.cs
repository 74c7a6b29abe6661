using MapLint.Text;

namespace MapLint.BusinessCentral;

public enum AlTokenKind
{
    Identifier,

    /// <summary>A name written in double quotes: <c>"Integration Table Mapping"</c>; the text is without the quotes.</summary>
    QuotedIdentifier,

    /// <summary>A text literal in single quotes; the text is the value, with <c>''</c> read as one quote.</summary>
    String,
    Number,
    Symbol,
    End,
}

/// <summary>One AL token: its kind, its text (see <see cref="AlTokenKind"/>) and its byte span in the file.</summary>
public readonly record struct AlToken(AlTokenKind Kind, string Text, TextSpan Span)
{
    public bool IsName => Kind is AlTokenKind.Identifier or AlTokenKind.QuotedIdentifier;

    public bool Is(string symbol) => Kind == AlTokenKind.Symbol && Text == symbol;

    /// <summary>An unquoted word, compared as AL compares keywords: without regard to case.</summary>
    public bool IsWord(string word) => Kind == AlTokenKind.Identifier && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Kind == AlTokenKind.End ? "end of file" : Kind == AlTokenKind.String ? "'" + Text + "'" : Kind == AlTokenKind.QuotedIdentifier ? "\"" + Text + "\"" : Text;
}

/// <summary>What the tokenizer could not read, with where: the reader turns it into a DIPV2500 finding.</summary>
public readonly record struct AlSyntaxProblem(string Message, TextSpan Span);

/// <summary>
/// A tolerant AL tokenizer over the UTF-8 bytes of a file: names, quoted names, text literals, numbers and
/// symbols, with comments and preprocessor lines skipped. It never throws; what it cannot read (an unterminated
/// text, comment or quoted name, a character AL does not use) becomes a problem and reading goes on. For
/// <c>#if … #else … #endif</c> it keeps the first branch: which symbols are defined is the build's business, and
/// one branch gives one consistent view of the code.
/// </summary>
public static class AlTokenizer
{
    public static AlTokenList Tokenize(byte[] utf8, List<AlSyntaxProblem> problems)
    {
        var tokens = new List<AlToken>(utf8.Length / 5);
        var skipping = new Stack<bool>();
        int i = 0;
        int n = utf8.Length;
        bool lineStart = true;
        while (i < n)
        {
            byte b = utf8[i];
            if (b == (byte)'\n')
            {
                lineStart = true;
                i++;
                continue;
            }

            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or 0x0C or 0x0B)
            {
                i++;
                continue;
            }

            if (b == (byte)'#' && lineStart)
            {
                i = Directive(utf8, i, skipping, problems);
                continue;
            }

            lineStart = false;
            if (skipping.Count > 0 && skipping.Peek())
            {
                // Inside a branch that is not read: only comments matter (they may hide a '#').
                if (b == (byte)'/' && i + 1 < n && utf8[i + 1] == (byte)'/')
                {
                    i = LineEnd(utf8, i);
                }
                else
                {
                    i++;
                }

                continue;
            }

            int start = i;
            if (b == (byte)'/' && i + 1 < n && utf8[i + 1] == (byte)'/')
            {
                i = LineEnd(utf8, i);
            }
            else if (b == (byte)'/' && i + 1 < n && utf8[i + 1] == (byte)'*')
            {
                int close = utf8.AsSpan(i + 2).IndexOf("*/"u8);
                if (close < 0)
                {
                    problems.Add(new AlSyntaxProblem("This comment is not closed: '/*' has no '*/' before the end of the file; close it.", new TextSpan(start, start + 2)));
                    i = n;
                }
                else
                {
                    i = i + 2 + close + 2;
                }
            }
            else if (b == (byte)'\'' || (b == (byte)'@' && i + 1 < n && utf8[i + 1] == (byte)'\''))
            {
                // @'…' is a verbatim text, the only kind that may span lines.
                bool verbatim = b == (byte)'@';
                i = Quoted(utf8, verbatim ? i + 1 : i, (byte)'\'', AlTokenKind.String, tokens, problems, verbatim
                    ? "This text is not closed: the quote (') has no closing quote before the end of the file; close it."
                    : "This text is not closed: the quote (') has no closing quote on its line; close it (only a verbatim @'…' text may span lines).", multiline: verbatim);
            }
            else if (b == (byte)'"')
            {
                i = Quoted(utf8, i, (byte)'"', AlTokenKind.QuotedIdentifier, tokens, problems, "This quoted name is not closed: '\"' has no closing '\"' on its line; close it.", multiline: false);
            }
            else if (IsNameStart(b))
            {
                while (i < n && IsNamePart(utf8[i]))
                {
                    i++;
                }

                tokens.Add(new AlToken(AlTokenKind.Identifier, System.Text.Encoding.UTF8.GetString(utf8, start, i - start), new TextSpan(start, i)));
            }
            else if (b is >= (byte)'0' and <= (byte)'9')
            {
                while (i < n && utf8[i] is >= (byte)'0' and <= (byte)'9')
                {
                    i++;
                }

                // A decimal point, but not the range operator '..'.
                if (i + 1 < n && utf8[i] == (byte)'.' && utf8[i + 1] is >= (byte)'0' and <= (byte)'9')
                {
                    i++;
                    while (i < n && utf8[i] is >= (byte)'0' and <= (byte)'9')
                    {
                        i++;
                    }
                }

                // Numbers with a type suffix (1L) or a date/time literal (0D, 0T, 0DT).
                while (i < n && IsNamePart(utf8[i]))
                {
                    i++;
                }

                tokens.Add(new AlToken(AlTokenKind.Number, System.Text.Encoding.ASCII.GetString(utf8, start, i - start), new TextSpan(start, i)));
            }
            else if (Symbol(utf8, i) is { } symbol)
            {
                i += symbol.Length;
                tokens.Add(new AlToken(AlTokenKind.Symbol, symbol, new TextSpan(start, i)));
            }
            else
            {
                problems.Add(new AlSyntaxProblem($"AL has no token starting with the character 0x{b:X2}; remove it.", new TextSpan(start, start + 1)));
                i++;
            }
        }

        if (skipping.Count > 0)
        {
            problems.Add(new AlSyntaxProblem("A '#if' has no '#endif' before the end of the file; close it.", new TextSpan(n, n)));
        }

        tokens.Add(new AlToken(AlTokenKind.End, string.Empty, new TextSpan(n, n)));
        return new AlTokenList(tokens);
    }

    /// <summary>The symbol at <paramref name="i"/> (two-character ones first), or null for a character AL does not use.</summary>
    private static string? Symbol(byte[] utf8, int i)
    {
        byte next = i + 1 < utf8.Length ? utf8[i + 1] : (byte)0;
        return utf8[i] switch
        {
            (byte)':' => next == (byte)':' ? "::" : next == (byte)'=' ? ":=" : ":",
            (byte)'+' => next == (byte)'=' ? "+=" : "+",
            (byte)'-' => next == (byte)'=' ? "-=" : "-",
            (byte)'*' => next == (byte)'=' ? "*=" : "*",
            (byte)'/' => next == (byte)'=' ? "/=" : "/",
            (byte)'<' => next == (byte)'>' ? "<>" : next == (byte)'=' ? "<=" : "<",
            (byte)'>' => next == (byte)'=' ? ">=" : ">",
            (byte)'.' => next == (byte)'.' ? ".." : ".",
            (byte)';' => ";",
            (byte)',' => ",",
            (byte)'(' => "(",
            (byte)')' => ")",
            (byte)'[' => "[",
            (byte)']' => "]",
            (byte)'{' => "{",
            (byte)'}' => "}",
            (byte)'=' => "=",
            (byte)'@' => "@",
            (byte)'?' => "?",
            (byte)'&' => "&",
            (byte)'|' => "|",
            (byte)'!' => "!",
            _ => null,
        };
    }

    private static bool IsNameStart(byte b) => b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (byte)'_' or >= 0x80;

    private static bool IsNamePart(byte b) => IsNameStart(b) || b is >= (byte)'0' and <= (byte)'9';

    private static int LineEnd(byte[] utf8, int i)
    {
        int newline = utf8.AsSpan(i).IndexOf((byte)'\n');
        return newline < 0 ? utf8.Length : i + newline;
    }

    private static int Quoted(byte[] utf8, int start, byte quote, AlTokenKind kind, List<AlToken> tokens, List<AlSyntaxProblem> problems, string unterminated, bool multiline)
    {
        bool doubled = false;
        int i = start + 1;
        while (i < utf8.Length)
        {
            byte b = utf8[i];
            if (b == quote)
            {
                if (kind == AlTokenKind.String && i + 1 < utf8.Length && utf8[i + 1] == quote)
                {
                    doubled = true;
                    i += 2;
                    continue;
                }

                tokens.Add(new AlToken(kind, Value(utf8, start + 1, i, quote, doubled), new TextSpan(start, i + 1)));
                return i + 1;
            }

            if (!multiline && b == (byte)'\n')
            {
                break;
            }

            i++;
        }

        problems.Add(new AlSyntaxProblem(unterminated, new TextSpan(start, start + 1)));
        tokens.Add(new AlToken(kind, Value(utf8, start + 1, i, quote, doubled), new TextSpan(start, i)));
        return i;
    }

    private static string Value(byte[] utf8, int start, int end, byte quote, bool doubled)
    {
        string value = System.Text.Encoding.UTF8.GetString(utf8, start, end - start);
        string q = ((char)quote).ToString();
        return doubled ? value.Replace(q + q, q) : value;
    }

    /// <summary>Reads a preprocessor line (<c>#if</c>, <c>#else</c>, <c>#endif</c>, <c>#pragma</c>, <c>#region</c>…) and returns where the next line starts.</summary>
    private static int Directive(byte[] utf8, int start, Stack<bool> skipping, List<AlSyntaxProblem> problems)
    {
        int end = LineEnd(utf8, start);
        string line = System.Text.Encoding.UTF8.GetString(utf8, start, end - start).Trim();
        string word = new(line.Skip(1).TakeWhile(char.IsLetter).ToArray());
        switch (word.ToLowerInvariant())
        {
            case "if":
                // Inside a skipped branch every nested branch is skipped too.
                skipping.Push(skipping.Count > 0 && skipping.Peek());
                break;
            case "elif":
            case "else":
                if (skipping.Count == 0)
                {
                    problems.Add(new AlSyntaxProblem($"'#{word}' without an '#if'; remove it or add the '#if'.", new TextSpan(start, end)));
                }
                else
                {
                    // The first branch is the one read: every later branch of this #if is skipped.
                    skipping.Pop();
                    skipping.Push(true);
                }

                break;
            case "endif":
                if (skipping.Count == 0)
                {
                    problems.Add(new AlSyntaxProblem("'#endif' without an '#if'; remove it or add the '#if'.", new TextSpan(start, end)));
                }
                else
                {
                    skipping.Pop();
                }

                break;
        }

        return end;
    }
}
