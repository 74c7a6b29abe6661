using System.Text.RegularExpressions;

namespace MapLint.Filters;

/// <summary>
/// Parses a Dataverse OData <c>$filter</c>: comparisons with eq ne gt ge lt le, and/or/not, parentheses,
/// functions such as contains(name,'x'), and literals (strings, numbers, true/false/null, GUIDs, dates).
/// Field names are collected so they can be checked against the table's metadata.
/// </summary>
public static partial class ODataFilterParser
{
    private const int MaxNesting = 64;
    private static readonly HashSet<string> ComparisonOperators = new(StringComparer.Ordinal) { "eq", "ne", "gt", "ge", "lt", "le", "has" };

    public static FilterParseResult Parse(string text)
    {
        var parser = new Parser(text);
        parser.Run();
        return new FilterParseResult(parser.Problems, parser.Fields);
    }

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex GuidPattern();

    private enum TokenKind
    {
        Open,
        Close,
        Comma,
        Word,
        Literal,
        End,
    }

    private sealed record Token(TokenKind Kind, int Start, int End, string Text);

    private sealed class SyntaxError(string message, int start, int end) : Exception(message)
    {
        public int Start { get; } = start;

        public int End { get; } = end;
    }

    private sealed class Parser(string text)
    {
        private readonly List<Token> tokens = new();
        private int index;
        private int depth;

        public List<FilterProblem> Problems { get; } = new();

        public List<FilterField> Fields { get; } = new();

        private Token Current => tokens[index];

        public void Run()
        {
            try
            {
                Tokenize();
                if (Current.Kind == TokenKind.End)
                {
                    throw new SyntaxError("The filter is empty; remove it or write an expression such as statecode eq 0.", 0, 0);
                }

                Or();
                if (Current.Kind != TokenKind.End)
                {
                    throw new SyntaxError($"Unexpected '{Current.Text}'; join conditions with 'and' or 'or'.", Current.Start, Current.End);
                }
            }
            catch (SyntaxError error)
            {
                Problems.Add(new FilterProblem(FilterProblemKind.Syntax, error.Start, error.End, error.Message));
            }
        }

        private bool IsWord(string word) => Current.Kind == TokenKind.Word && Current.Text == word;

        private void Or()
        {
            And();
            while (IsWord("or"))
            {
                index++;
                And();
            }
        }

        private void And()
        {
            Not();
            while (IsWord("and"))
            {
                index++;
                Not();
            }
        }

        private void Not()
        {
            if (IsWord("not"))
            {
                index++;
                Not();
                return;
            }

            Term();
            if (Current.Kind == TokenKind.Word && ComparisonOperators.Contains(Current.Text))
            {
                index++;
                Term();
            }
        }

        private void Term()
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Open:
                    if (++depth > MaxNesting)
                    {
                        throw new SyntaxError($"Parentheses nest deeper than {MaxNesting} levels.", token.Start, token.End);
                    }

                    index++;
                    Or();
                    Expect(TokenKind.Close, ")", token);
                    depth--;
                    return;
                case TokenKind.Literal:
                    index++;
                    return;
                case TokenKind.Word when token.Text is "true" or "false" or "null":
                    index++;
                    return;
                case TokenKind.Word when token.Text is "and" or "or" or "eq" or "ne" or "gt" or "ge" or "lt" or "le":
                    throw new SyntaxError($"Expected a field name or a value but found '{token.Text}'.", token.Start, token.End);
                case TokenKind.Word:
                    index++;
                    if (Current.Kind == TokenKind.Open)
                    {
                        var open = Current;
                        index++;
                        if (Current.Kind != TokenKind.Close)
                        {
                            Or();
                            while (Current.Kind == TokenKind.Comma)
                            {
                                index++;
                                Or();
                            }
                        }

                        Expect(TokenKind.Close, ")", open);
                        return;
                    }

                    Fields.Add(new FilterField(token.Text, token.Start, token.End));
                    return;
                case TokenKind.End:
                    throw new SyntaxError("The filter ends where a field name or value was expected.", token.Start, token.End);
                default:
                    throw new SyntaxError($"Expected a field name or a value but found '{token.Text}'.", token.Start, token.End);
            }
        }

        private void Expect(TokenKind kind, string text, Token opener)
        {
            if (Current.Kind != kind)
            {
                bool atEnd = Current.Kind == TokenKind.End;
                throw new SyntaxError(atEnd ? $"Missing '{text}' to close the '(' here." : $"Expected '{text}' but found '{Current.Text}'.", atEnd ? opener.Start : Current.Start, atEnd ? opener.End : Current.End);
            }

            index++;
        }

        private void Tokenize()
        {
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                int start = i;
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                switch (c)
                {
                    case '(':
                        tokens.Add(new Token(TokenKind.Open, i, ++i, "("));
                        continue;
                    case ')':
                        tokens.Add(new Token(TokenKind.Close, i, ++i, ")"));
                        continue;
                    case ',':
                        tokens.Add(new Token(TokenKind.Comma, i, ++i, ","));
                        continue;
                    case '\'':
                        i++;
                        while (true)
                        {
                            if (i >= text.Length)
                            {
                                throw new SyntaxError("This string is never closed; OData strings use single quotes, doubled inside ('O''Brien').", start, text.Length);
                            }

                            if (text[i] == '\'')
                            {
                                if (i + 1 < text.Length && text[i + 1] == '\'')
                                {
                                    i += 2;
                                    continue;
                                }

                                i++;
                                break;
                            }

                            i++;
                        }

                        tokens.Add(new Token(TokenKind.Literal, start, i, text[start..i]));
                        continue;
                    case '=' or '!' or '<' or '>' or '&' or '|':
                        throw new SyntaxError($"'{c}' is not an OData operator; use eq, ne, lt, le, gt, ge, and, or, not.", i, i + 1);
                    case '"':
                        throw new SyntaxError("OData strings use single quotes, not double quotes.", i, i + 1);
                }

                if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
                {
                    i++;
                    while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '-' or ':' or '+'))
                    {
                        i++;
                    }

                    tokens.Add(new Token(TokenKind.Literal, start, i, text[start..i]));
                    continue;
                }

                if (char.IsLetter(c) || c == '_')
                {
                    i++;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '/' or '.' || (text[i] == '-' && GuidPattern().IsMatch(Peek(start)))))
                    {
                        i++;
                    }

                    string word = text[start..i];
                    tokens.Add(new Token(GuidPattern().IsMatch(word) ? TokenKind.Literal : TokenKind.Word, start, i, word));
                    continue;
                }

                throw new SyntaxError($"Unexpected character '{c}'.", i, i + 1);
            }

            tokens.Add(new Token(TokenKind.End, text.Length, text.Length, "end of filter"));
        }

        private string Peek(int start) => text.Length - start >= 36 ? text.Substring(start, 36) : string.Empty;
    }
}
