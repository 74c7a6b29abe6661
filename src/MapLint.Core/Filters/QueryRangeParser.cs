namespace MapLint.Filters;

/// <summary>
/// Parses a finance and operations query range expression, the filter language of dual-write's finance and
/// operations side: <c>((CustomerGroupId == "10") || (CustomerType == CustomerType::Organization))</c>.
/// The whole expression must be enclosed in parentheses; comparisons use == and !=, logic uses &amp;&amp; || !.
/// </summary>
public static class QueryRangeParser
{

    public static FilterParseResult Parse(string text)
    {
        return new Parser(text).Parse();
    }

    private enum TokenKind
    {
        Open,
        Close,
        And,
        Or,
        Not,
        Compare,
        SingleEquals,
        String,
        Number,
        Identifier,
        End,
    }

    private sealed class Parser(string text) : FilterParserBase<TokenKind>(text)
    {
        protected override void ParseFilter()
        {
            if (Current.Kind == TokenKind.End)
            {
                throw new FilterSyntaxError("The filter is empty; remove it or write an expression such as (Field == \"value\").", 0, 0);
            }

            if (Current.Kind != TokenKind.Open)
            {
                throw new FilterSyntaxError($"A query range expression must be enclosed in parentheses: ({Text.Trim()}).", Current.Start, Current.End);
            }

            Primary();
            if (Current.Kind != TokenKind.End)
            {
                throw new FilterSyntaxError($"Unexpected '{Current.Text}' after the closing parenthesis; enclose the whole expression in one pair of parentheses.", Current.Start, Current.End);
            }
        }

        private void Or()
        {
            int mark = EqualityMark;
            And();
            while (Current.Kind == TokenKind.Or)
            {
                Uncertain(mark);
                Index++;
                And();
                Uncertain(mark);
            }
        }

        private void And()
        {
            Unary();
            while (Current.Kind == TokenKind.And)
            {
                Index++;
                Unary();
            }
        }

        private void Unary()
        {
            if (Current.Kind == TokenKind.Not)
            {
                Index++;
                int mark = EqualityMark;
                Unary();
                Uncertain(mark);
                return;
            }

            Primary();
        }

        private void Primary()
        {
            if (Current.Kind == TokenKind.Open)
            {
                var open = Current;
                EnterNesting(open);

                Index++;
                Or();
                if (Current.Kind != TokenKind.Close)
                {
                    throw new FilterSyntaxError(Current.Kind == TokenKind.End ? "Missing ')' to close the '(' here." : $"Expected ')' but found '{Current.Text}'.", Current.Kind == TokenKind.End ? open.Start : Current.Start, Current.Kind == TokenKind.End ? open.End : Current.End);
                }

                Index++;
                ExitNesting();
                return;
            }

            var left = Operand();
            if (Current.Kind == TokenKind.SingleEquals)
            {
                Problems.Add(new FilterProblem(FilterProblemKind.SingleEquals, Current.Start, Current.End, "'=' is not a comparison in a query range expression; use '=='."));
                Index++;
                Compare(left, "==");
                return;
            }

            if (Current.Kind == TokenKind.Compare)
            {
                string op = Current.Text;
                Index++;
                Compare(left, op);
            }
        }

        private void Compare(FilterToken<TokenKind> left, string op)
        {
            var right = Operand();
            if (op == "==" && left.Kind == TokenKind.Identifier && !left.Text.Contains("::", StringComparison.Ordinal) && right.Kind is TokenKind.String or TokenKind.Number or TokenKind.Identifier)
            {
                // "Person", 1, PartyType::Person: the value without its quotes or enum prefix.
                string value = right.Kind == TokenKind.String && right.Text.Length >= 2 ? right.Text[1..^1] : right.Text;
                int scope = value.LastIndexOf("::", StringComparison.Ordinal);
                AddEquality(left.Text, scope >= 0 ? value[(scope + 2)..] : value);
            }

            if (op is "==" or "!=" && right.Kind == TokenKind.String && right.End - right.Start == 2)
            {
                string field = left.Kind == TokenKind.Identifier ? left.Text : "the field";
                Problems.Add(new FilterProblem(FilterProblemKind.EmptyStringComparison, right.Start, right.End, field));
            }
        }

        private FilterToken<TokenKind> Operand()
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Identifier:
                    if (!token.Text.Contains("::", StringComparison.Ordinal))
                    {
                        Fields.Add(new FilterField(token.Text, token.Start, token.End));
                    }

                    Index++;
                    return token;
                case TokenKind.String:
                case TokenKind.Number:
                    Index++;
                    return token;
                case TokenKind.End:
                    throw new FilterSyntaxError("The expression ends where a field name or value was expected.", token.Start, token.End);
                default:
                    throw new FilterSyntaxError($"Expected a field name or a value but found '{token.Text}'.", token.Start, token.End);
            }
        }

        protected override void Tokenize()
        {
            int i = 0;
            while (i < Text.Length)
            {
                char c = Text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                int start = i;
                string two = i + 1 < Text.Length ? Text.Substring(i, 2) : c.ToString();
                switch (two)
                {
                    case "&&": Add(TokenKind.And, 2); continue;
                    case "||": Add(TokenKind.Or, 2); continue;
                    case "==" or "!=" or "<=" or ">=": Add(TokenKind.Compare, 2); continue;
                }

                switch (c)
                {
                    case '(': Add(TokenKind.Open, 1); continue;
                    case ')': Add(TokenKind.Close, 1); continue;
                    case '!': Add(TokenKind.Not, 1); continue;
                    case '<' or '>': Add(TokenKind.Compare, 1); continue;
                    case '=': Add(TokenKind.SingleEquals, 1); continue;
                    case '&' or '|':
                        throw new FilterSyntaxError($"'{c}' is not an operator; use '{c}{c}'.", i, i + 1);
                    case '"' or '\'':
                    {
                        int close = Text.IndexOf(c, i + 1);
                        if (close < 0)
                        {
                            throw new FilterSyntaxError("This string is never closed.", i, Text.Length);
                        }

                        Tokens.Add(new FilterToken<TokenKind>(TokenKind.String, i, close + 1, Text[i..(close + 1)]));
                        i = close + 1;
                        continue;
                    }
                }

                if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < Text.Length && char.IsAsciiDigit(Text[i + 1])))
                {
                    i++;
                    while (i < Text.Length && (char.IsAsciiDigit(Text[i]) || Text[i] == '.'))
                    {
                        i++;
                    }

                    Tokens.Add(new FilterToken<TokenKind>(TokenKind.Number, start, i, Text[start..i]));
                    continue;
                }

                if (char.IsLetter(c) || c == '_')
                {
                    i++;
                    while (i < Text.Length && (char.IsLetterOrDigit(Text[i]) || Text[i] == '_' || Text[i] == '.' || (Text[i] == ':' && i + 1 < Text.Length && Text[i + 1] == ':') || (Text[i] == ':' && Text[i - 1] == ':')))
                    {
                        i++;
                    }

                    Tokens.Add(new FilterToken<TokenKind>(TokenKind.Identifier, start, i, Text[start..i]));
                    continue;
                }

                throw new FilterSyntaxError($"Unexpected character '{c}'.", i, i + 1);

                void Add(TokenKind kind, int length)
                {
                    Tokens.Add(new FilterToken<TokenKind>(kind, i, i + length, Text.Substring(i, length)));
                    i += length;
                }
            }

            Tokens.Add(new FilterToken<TokenKind>(TokenKind.End, Text.Length, Text.Length, "end of filter"));
        }
    }
}
