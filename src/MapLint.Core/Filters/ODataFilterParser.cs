using System.Text.RegularExpressions;

namespace MapLint.Filters;

/// <summary>
/// Parses a Dataverse OData <c>$filter</c>: comparisons with eq ne gt ge lt le, and/or/not, parentheses,
/// functions such as contains(name,'x'), and literals (strings, numbers, true/false/null, GUIDs, dates).
/// Field names are collected so they can be checked against the table's metadata.
/// </summary>
public static class ODataFilterParser
{
    private static readonly HashSet<string> ComparisonOperators = new(StringComparer.Ordinal) { "eq", "ne", "gt", "ge", "lt", "le", "has" };

    public static FilterParseResult Parse(string text)
    {
        return new Parser(text).Parse();
    }

    private static readonly Regex Guid = new("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant);

    private enum TokenKind
    {
        Open,
        Close,
        Comma,
        Word,
        Literal,
        End,
    }

    private sealed class Parser(string text) : FilterParserBase<TokenKind>(text)
    {
        protected override void ParseFilter()
        {
            if (Current.Kind == TokenKind.End)
            {
                throw new FilterSyntaxError("The filter is empty; remove it or write an expression such as statecode eq 0.", 0, 0);
            }

            Or();
            if (Current.Kind != TokenKind.End)
            {
                throw new FilterSyntaxError($"Unexpected '{Current.Text}'; join conditions with 'and' or 'or'.", Current.Start, Current.End);
            }
        }

        private bool IsWord(string word) => Current.Kind == TokenKind.Word && Current.Text == word;

        private void Or()
        {
            int mark = EqualityMark;
            And();
            while (IsWord("or"))
            {
                Uncertain(mark);
                Index++;
                And();
                Uncertain(mark);
            }
        }

        private void And()
        {
            Not();
            while (IsWord("and"))
            {
                Index++;
                Not();
            }
        }

        private void Not()
        {
            if (IsWord("not"))
            {
                Index++;
                int mark = EqualityMark;
                Not();
                Uncertain(mark);
                return;
            }

            var left = Current;
            Term();
            if (Current.Kind == TokenKind.Word && ComparisonOperators.Contains(Current.Text))
            {
                string op = Current.Text;
                Index++;
                var right = Current;
                Term();
                bool field = left.Kind == TokenKind.Word && Fields.Count > 0 && Fields[^1].Start == left.Start;
                bool value = right.Kind == TokenKind.Literal || (right.Kind == TokenKind.Word && right.Text is "true" or "false");
                if (field && value && op == "eq")
                {
                    AddEquality(left.Text, right.Kind == TokenKind.Literal && right.Text.StartsWith('\'') && right.Text.Length >= 2 ? right.Text[1..^1] : right.Text);
                }

                // "ne ''" keeps the rows that have a value, nulls excluded, which is what it is written for.
                if (field && op == "eq" && right.Kind == TokenKind.Literal && right.Text == "''")
                {
                    Problems.Add(new FilterProblem(FilterProblemKind.EmptyStringComparison, right.Start, right.End, left.Text));
                }
            }
        }

        private void Term()
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Open:
                    EnterNesting(token);

                    Index++;
                    Or();
                    Expect(TokenKind.Close, ")", token);
                    ExitNesting();
                    return;
                case TokenKind.Literal:
                    Index++;
                    return;
                case TokenKind.Word when token.Text is "true" or "false" or "null":
                    Index++;
                    return;
                case TokenKind.Word when token.Text is "and" or "or" or "eq" or "ne" or "gt" or "ge" or "lt" or "le":
                    throw new FilterSyntaxError($"Expected a field name or a value but found '{token.Text}'.", token.Start, token.End);
                case TokenKind.Word:
                    Index++;
                    if (Current.Kind == TokenKind.Open)
                    {
                        var open = Current;
                        Index++;
                        if (Current.Kind != TokenKind.Close)
                        {
                            Or();
                            while (Current.Kind == TokenKind.Comma)
                            {
                                Index++;
                                Or();
                            }
                        }

                        Expect(TokenKind.Close, ")", open);
                        return;
                    }

                    Fields.Add(new FilterField(token.Text, token.Start, token.End));
                    return;
                case TokenKind.End:
                    throw new FilterSyntaxError("The filter ends where a field name or value was expected.", token.Start, token.End);
                default:
                    throw new FilterSyntaxError($"Expected a field name or a value but found '{token.Text}'.", token.Start, token.End);
            }
        }

        private void Expect(TokenKind kind, string Text, FilterToken<TokenKind> opener)
        {
            if (Current.Kind != kind)
            {
                bool atEnd = Current.Kind == TokenKind.End;
                throw new FilterSyntaxError(atEnd ? $"Missing '{Text}' to close the '(' here." : $"Expected '{Text}' but found '{Current.Text}'.", atEnd ? opener.Start : Current.Start, atEnd ? opener.End : Current.End);
            }

            Index++;
        }

        protected override void Tokenize()
        {
            int i = 0;
            while (i < Text.Length)
            {
                char c = Text[i];
                int start = i;
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                switch (c)
                {
                    case '(':
                        Tokens.Add(new FilterToken<TokenKind>(TokenKind.Open, i, ++i, "("));
                        continue;
                    case ')':
                        Tokens.Add(new FilterToken<TokenKind>(TokenKind.Close, i, ++i, ")"));
                        continue;
                    case ',':
                        Tokens.Add(new FilterToken<TokenKind>(TokenKind.Comma, i, ++i, ","));
                        continue;
                    case '\'':
                        i++;
                        while (true)
                        {
                            if (i >= Text.Length)
                            {
                                throw new FilterSyntaxError("This string is never closed; OData strings use single quotes, doubled inside ('O''Brien').", start, Text.Length);
                            }

                            if (Text[i] == '\'')
                            {
                                if (i + 1 < Text.Length && Text[i + 1] == '\'')
                                {
                                    i += 2;
                                    continue;
                                }

                                i++;
                                break;
                            }

                            i++;
                        }

                        Tokens.Add(new FilterToken<TokenKind>(TokenKind.Literal, start, i, Text[start..i]));
                        continue;
                    case '=' or '!' or '<' or '>' or '&' or '|':
                        throw new FilterSyntaxError($"'{c}' is not an OData operator; use eq, ne, lt, le, gt, ge, and, or, not.", i, i + 1);
                    case '"':
                        throw new FilterSyntaxError("OData strings use single quotes, not double quotes.", i, i + 1);
                }

                if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < Text.Length && char.IsAsciiDigit(Text[i + 1])))
                {
                    i++;
                    while (i < Text.Length && (char.IsAsciiLetterOrDigit(Text[i]) || Text[i] is '.' or '-' or ':' or '+'))
                    {
                        i++;
                    }

                    Tokens.Add(new FilterToken<TokenKind>(TokenKind.Literal, start, i, Text[start..i]));
                    continue;
                }

                if (char.IsLetter(c) || c == '_')
                {
                    i++;
                    while (i < Text.Length && (char.IsLetterOrDigit(Text[i]) || Text[i] is '_' or '/' or '.' || (Text[i] == '-' && Guid.IsMatch(Peek(start)))))
                    {
                        i++;
                    }

                    string word = Text[start..i];
                    Tokens.Add(new FilterToken<TokenKind>(Guid.IsMatch(word) ? TokenKind.Literal : TokenKind.Word, start, i, word));
                    continue;
                }

                throw new FilterSyntaxError($"Unexpected character '{c}'.", i, i + 1);
            }

            Tokens.Add(new FilterToken<TokenKind>(TokenKind.End, Text.Length, Text.Length, "end of filter"));
        }

        private string Peek(int start) => Text.Length - start >= 36 ? Text.Substring(start, 36) : string.Empty;
    }
}
