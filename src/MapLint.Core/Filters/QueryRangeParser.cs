namespace MapLint.Filters;

/// <summary>
/// Parses a finance and operations query range expression, the filter language of dual-write's finance and
/// operations side: <c>((CustomerGroupId == "10") || (CustomerType == CustomerType::Organization))</c>.
/// The whole expression must be enclosed in parentheses; comparisons use == and !=, logic uses &amp;&amp; || !.
/// </summary>
public static class QueryRangeParser
{
    private const int MaxNesting = 64;

    public static FilterParseResult Parse(string text)
    {
        var parser = new Parser(text);
        parser.Run();
        return new FilterParseResult(parser.Problems, parser.Fields);
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
                    throw new SyntaxError("The filter is empty; remove it or write an expression such as (Field == \"value\").", 0, 0);
                }

                if (Current.Kind != TokenKind.Open)
                {
                    throw new SyntaxError($"A query range expression must be enclosed in parentheses: ({text.Trim()}).", Current.Start, Current.End);
                }

                Primary();
                if (Current.Kind != TokenKind.End)
                {
                    throw new SyntaxError($"Unexpected '{Current.Text}' after the closing parenthesis; enclose the whole expression in one pair of parentheses.", Current.Start, Current.End);
                }
            }
            catch (SyntaxError error)
            {
                Problems.Add(new FilterProblem(FilterProblemKind.Syntax, error.Start, error.End, error.Message));
            }
        }

        private void Or()
        {
            And();
            while (Current.Kind == TokenKind.Or)
            {
                index++;
                And();
            }
        }

        private void And()
        {
            Unary();
            while (Current.Kind == TokenKind.And)
            {
                index++;
                Unary();
            }
        }

        private void Unary()
        {
            if (Current.Kind == TokenKind.Not)
            {
                index++;
                Unary();
                return;
            }

            Primary();
        }

        private void Primary()
        {
            if (Current.Kind == TokenKind.Open)
            {
                var open = Current;
                if (++depth > MaxNesting)
                {
                    throw new SyntaxError($"Parentheses nest deeper than {MaxNesting} levels.", open.Start, open.End);
                }

                index++;
                Or();
                if (Current.Kind != TokenKind.Close)
                {
                    throw new SyntaxError(Current.Kind == TokenKind.End ? "Missing ')' to close the '(' here." : $"Expected ')' but found '{Current.Text}'.", Current.Kind == TokenKind.End ? open.Start : Current.Start, Current.Kind == TokenKind.End ? open.End : Current.End);
                }

                index++;
                depth--;
                return;
            }

            var left = Operand();
            if (Current.Kind == TokenKind.SingleEquals)
            {
                Problems.Add(new FilterProblem(FilterProblemKind.SingleEquals, Current.Start, Current.End, "'=' is not a comparison in a query range expression; use '=='."));
                index++;
                Compare(left, "==");
                return;
            }

            if (Current.Kind == TokenKind.Compare)
            {
                string op = Current.Text;
                index++;
                Compare(left, op);
            }
        }

        private void Compare(Token left, string op)
        {
            var right = Operand();
            if (op is "==" or "!=" && right.Kind == TokenKind.String && right.End - right.Start == 2)
            {
                string field = left.Kind == TokenKind.Identifier ? left.Text : "the field";
                Problems.Add(new FilterProblem(FilterProblemKind.EmptyStringComparison, right.Start, right.End, field));
            }
        }

        private Token Operand()
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Identifier:
                    if (!token.Text.Contains("::", StringComparison.Ordinal))
                    {
                        Fields.Add(new FilterField(token.Text, token.Start, token.End));
                    }

                    index++;
                    return token;
                case TokenKind.String:
                case TokenKind.Number:
                    index++;
                    return token;
                case TokenKind.End:
                    throw new SyntaxError("The expression ends where a field name or value was expected.", token.Start, token.End);
                default:
                    throw new SyntaxError($"Expected a field name or a value but found '{token.Text}'.", token.Start, token.End);
            }
        }

        private void Tokenize()
        {
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                int start = i;
                string two = i + 1 < text.Length ? text.Substring(i, 2) : c.ToString();
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
                        throw new SyntaxError($"'{c}' is not an operator; use '{c}{c}'.", i, i + 1);
                    case '"' or '\'':
                    {
                        int close = text.IndexOf(c, i + 1);
                        if (close < 0)
                        {
                            throw new SyntaxError("This string is never closed.", i, text.Length);
                        }

                        tokens.Add(new Token(TokenKind.String, i, close + 1, text[i..(close + 1)]));
                        i = close + 1;
                        continue;
                    }
                }

                if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
                {
                    i++;
                    while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                    {
                        i++;
                    }

                    tokens.Add(new Token(TokenKind.Number, start, i, text[start..i]));
                    continue;
                }

                if (char.IsLetter(c) || c == '_')
                {
                    i++;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.' || (text[i] == ':' && i + 1 < text.Length && text[i + 1] == ':') || (text[i] == ':' && text[i - 1] == ':')))
                    {
                        i++;
                    }

                    tokens.Add(new Token(TokenKind.Identifier, start, i, text[start..i]));
                    continue;
                }

                throw new SyntaxError($"Unexpected character '{c}'.", i, i + 1);

                void Add(TokenKind kind, int length)
                {
                    tokens.Add(new Token(kind, i, i + length, text.Substring(i, length)));
                    i += length;
                }
            }

            tokens.Add(new Token(TokenKind.End, text.Length, text.Length, "end of filter"));
        }
    }
}
