using System.Globalization;
using MapLint.Text;

namespace MapLint.BusinessCentral;

/// <summary>
/// Reads the objects of an AL file from its tokens: tables and table extensions (properties, fields, types and
/// lengths, TableRelation, ExternalName/ExternalType/ExternalAccess) and, for every object, its global variables
/// and its procedures and triggers (parameters, locals, body). Not a compiler: what it does not need (keys,
/// pages, the statements themselves) is skipped by matching braces and begin…end, and whatever does not fit
/// the shapes it knows is stepped over, reported only when the structure itself is broken (an object that is
/// never closed).
/// </summary>
public sealed class AlObjectReader
{
    private static readonly HashSet<string> ObjectKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "table", "tableextension", "codeunit", "page", "pageextension", "pagecustomization", "report", "reportextension", "query",
        "xmlport", "enum", "enumextension", "interface", "permissionset", "permissionsetextension", "profile", "profileextension",
        "controladdin", "entitlement", "dotnet",
    };

    private readonly AlTokenList tokens;
    private readonly List<AlSyntaxProblem> problems;
    private int position;

    private AlObjectReader(AlTokenList tokens, List<AlSyntaxProblem> problems)
    {
        this.tokens = tokens;
        this.problems = problems;
    }

    public static List<AlObject> Read(AlTokenList tokens, List<AlSyntaxProblem> problems) => new AlObjectReader(tokens, problems).ReadObjects();

    private AlToken Current => tokens[position];

    private AlToken Peek(int ahead = 1) => tokens[Math.Min(position + ahead, tokens.Count - 1)];

    private bool AtEnd => Current.Kind == AlTokenKind.End;

    private List<AlObject> ReadObjects()
    {
        var objects = new List<AlObject>();
        bool reportedStray = false;
        while (!AtEnd)
        {
            if (Current.IsWord("namespace") || Current.IsWord("using"))
            {
                SkipPast(";");
            }
            else if (Current.Kind == AlTokenKind.Identifier && ObjectKeywords.Contains(Current.Text))
            {
                if (ReadObject() is { } obj)
                {
                    objects.Add(obj);
                }
            }
            else
            {
                if (!reportedStray)
                {
                    problems.Add(new AlSyntaxProblem($"Expected an AL object (table, codeunit, …) but found {Current}; this text is outside any object.", Current.Span));
                    reportedStray = true;
                }

                position++;
            }
        }

        return objects;
    }

    private AlObject? ReadObject()
    {
        var keyword = Current;
        position++;
        int? id = null;
        if (Current.Kind == AlTokenKind.Number && int.TryParse(Current.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            id = number;
            position++;
        }

        AlName name = Current.IsName ? new AlName(Current.Text, Current.Span) : new AlName(string.Empty, keyword.Span);
        AlName? extends = null;
        while (!AtEnd && !Current.Is("{"))
        {
            if (Current.IsWord("extends") && Peek().IsName)
            {
                extends = new AlName(Peek().Text, Peek().Span);
            }

            position++;
        }

        if (AtEnd)
        {
            problems.Add(new AlSyntaxProblem($"The {keyword.Text} '{name.Text}' has no body: '{{' is missing.", keyword.Span));
            return null;
        }

        string lower = keyword.Text.ToLowerInvariant();
        var kind = lower switch
        {
            "table" => AlObjectKind.Table,
            "tableextension" => AlObjectKind.TableExtension,
            "codeunit" => AlObjectKind.Codeunit,
            _ => AlObjectKind.Other,
        };

        int open = position;
        position++;
        AlName? tableType = null;
        AlName? externalName = null;
        var fields = new List<AlField>();
        var procedures = new List<AlProcedure>();
        var globals = new List<AlVariable>();
        string? subscribesTo = null;
        while (!AtEnd && !Current.Is("}"))
        {
            var token = Current;
            if (token.Is("["))
            {
                subscribesTo = Attribute() ?? subscribesTo;
            }
            else if (token.IsWord("procedure") || token.IsWord("trigger") || ((token.IsWord("local") || token.IsWord("internal") || token.IsWord("protected")) && (Peek().IsWord("procedure") || Peek().IsWord("var"))))
            {
                if (token.IsWord("protected") && Peek().IsWord("var"))
                {
                    position++;
                    continue;
                }

                if (Procedure(subscribesTo) is { } procedure)
                {
                    procedures.Add(procedure);
                }

                subscribesTo = null;
            }
            else if (token.IsWord("var"))
            {
                position++;
                globals.AddRange(Declarations(stopAtBegin: false));
            }
            else if (token.IsWord("fields") && Peek().Is("{"))
            {
                position++;
                Fields(fields);
            }
            else if (token.IsName && Peek().Is("="))
            {
                string property = token.Text;
                position += 2;
                var value = Current;
                if (property.Equals("TableType", StringComparison.OrdinalIgnoreCase) && value.IsName)
                {
                    tableType = new AlName(value.Text, value.Span);
                }
                else if (property.Equals("ExternalName", StringComparison.OrdinalIgnoreCase) && value.Kind == AlTokenKind.String)
                {
                    externalName = new AlName(value.Text, value.Span);
                }

                SkipStatement();
            }
            else if (token.Is("{"))
            {
                SkipBraces();
            }
            else
            {
                position++;
            }
        }

        if (AtEnd)
        {
            problems.Add(new AlSyntaxProblem($"The {keyword.Text} '{name.Text}' is not closed: the '{{' here has no matching '}}' before the end of the file.", tokens[open].Span));
        }
        else
        {
            position++;
        }

        var obj = new AlObject { Kind = kind, Keyword = lower, Name = name, Id = id, Extends = extends, TableType = tableType, ExternalName = externalName };
        obj.Fields.AddRange(fields);
        obj.Procedures.AddRange(procedures);
        obj.Globals.AddRange(globals);
        return obj;
    }

    /// <summary>Reads <c>[ … ]</c>; returns the event name of an EventSubscriber attribute (its third argument).</summary>
    private string? Attribute()
    {
        int start = position;
        SkipBalanced("[", "]");
        if (tokens[start + 1].IsWord("EventSubscriber"))
        {
            for (int i = start + 1; i < position; i++)
            {
                if (tokens[i].Kind == AlTokenKind.String)
                {
                    return tokens[i].Text;
                }
            }
        }

        return null;
    }

    private AlProcedure? Procedure(string? subscribesTo)
    {
        bool isLocal = false;
        while (Current.IsWord("local") || Current.IsWord("internal") || Current.IsWord("protected"))
        {
            isLocal |= Current.IsWord("local");
            position++;
        }

        bool isTrigger = Current.IsWord("trigger");
        position++;
        if (!Current.IsName)
        {
            return null;
        }

        var name = new AlName(Current.Text, Current.Span);
        position++;
        var parameters = new List<AlVariable>();
        if (Current.Is("("))
        {
            int close = FindClose(position, "(", ")");
            parameters = Parameters(position + 1, close);
            position = close + 1;
        }

        // A return type (`: Boolean`, `Result: Text`), then an optional ';'.
        while (!AtEnd && !Current.IsWord("var") && !Current.IsWord("begin") && !Current.Is(";") && !Current.Is("}") && !IsMemberStart())
        {
            position++;
        }

        if (Current.Is(";"))
        {
            position++;
        }

        var locals = new List<AlVariable>();
        if (Current.IsWord("var"))
        {
            position++;
            locals = Declarations(stopAtBegin: true);
        }

        if (!Current.IsWord("begin"))
        {
            // A declaration without a body (an interface method) or a shape not known here: nothing to read.
            return null;
        }

        int bodyStart = position + 1;
        int bodyEnd = MatchEnd(position);
        position = Math.Min(bodyEnd + 1, tokens.Count - 1);
        if (Current.Is(";"))
        {
            position++;
        }

        return new AlProcedure { Name = name, Parameters = parameters, Locals = locals, BodyStart = bodyStart, BodyEnd = bodyEnd, IsTrigger = isTrigger, IsLocal = isLocal, SubscribesTo = subscribesTo };
    }

    private bool IsMemberStart() => Current.IsWord("procedure") || Current.IsWord("trigger") || Current.IsWord("local") || Current.Is("[");

    /// <summary>The index of the <c>end</c> closing the <c>begin</c> at <paramref name="begin"/>; case…end nests too.</summary>
    private int MatchEnd(int begin)
    {
        int depth = 0;
        for (int i = begin; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == AlTokenKind.End)
            {
                problems.Add(new AlSyntaxProblem("This 'begin' has no matching 'end' before the end of the file.", tokens[begin].Span));
                return i;
            }

            if (token.IsWord("begin") || token.IsWord("case"))
            {
                depth++;
            }
            else if (token.IsWord("end"))
            {
                depth--;
                if (depth == 0)
                {
                    return i;
                }
            }
        }

        return tokens.Count - 1;
    }

    private List<AlVariable> Parameters(int start, int end)
    {
        var result = new List<AlVariable>();
        int i = start;
        while (i < end)
        {
            int stop = i;
            int depth = 0;
            while (stop < end && !(depth == 0 && tokens[stop].Is(";")))
            {
                depth += tokens[stop].Is("(") || tokens[stop].Is("[") ? 1 : tokens[stop].Is(")") || tokens[stop].Is("]") ? -1 : 0;
                stop++;
            }

            result.AddRange(Declaration(i, stop));
            i = stop + 1;
        }

        return result;
    }

    /// <summary>Variable declarations <c>A, B: Type;</c> up to the next member (or <c>begin</c> for locals).</summary>
    private List<AlVariable> Declarations(bool stopAtBegin)
    {
        var result = new List<AlVariable>();
        while (!AtEnd && !Current.Is("}") && !(stopAtBegin && Current.IsWord("begin")) && !IsMemberStart() && !Current.IsWord("var"))
        {
            if (!Current.IsName)
            {
                position++;
                continue;
            }

            int start = position;
            int depth = 0;
            while (!AtEnd && !(depth == 0 && Current.Is(";")) && !Current.Is("}") && !(stopAtBegin && Current.IsWord("begin")))
            {
                depth += Current.Is("(") || Current.Is("[") ? 1 : Current.Is(")") || Current.Is("]") ? -1 : 0;
                position++;
            }

            result.AddRange(Declaration(start, position));
            if (Current.Is(";"))
            {
                position++;
            }
        }

        return result;
    }

    /// <summary>One declaration between two indexes: <c>[var] A, B: Record "X" [temporary]</c>.</summary>
    private IEnumerable<AlVariable> Declaration(int start, int end)
    {
        bool isVar = false;
        if (start < end && tokens[start].IsWord("var"))
        {
            isVar = true;
            start++;
        }

        int colon = -1;
        for (int i = start; i < end; i++)
        {
            if (tokens[i].Is(":"))
            {
                colon = i;
                break;
            }
        }

        if (colon < 0 || colon + 1 >= end)
        {
            yield break;
        }

        string typeName = tokens[colon + 1].Text;
        AlName? subtype = null;
        int next = colon + 2;
        if (typeName.Equals("array", StringComparison.OrdinalIgnoreCase))
        {
            // array[…] of Type: the element type is what matters, but arrays of records are dynamic anyway.
            typeName = "Array";
        }
        else if (next < end && (tokens[next].IsName || tokens[next].Kind == AlTokenKind.String))
        {
            subtype = new AlName(tokens[next].Text, tokens[next].Span);
        }

        for (int i = start; i < colon; i++)
        {
            if (tokens[i].IsName)
            {
                yield return new AlVariable { Name = new AlName(tokens[i].Text, tokens[i].Span), TypeName = typeName, Subtype = subtype, IsVar = isVar };
            }
        }
    }

    private void Fields(List<AlField> fields)
    {
        int close = FindClose(position, "{", "}");
        position++;
        while (position < close)
        {
            if (Current.IsWord("field") && Peek().Is("("))
            {
                if (Field() is { } field)
                {
                    fields.Add(field);
                }
            }
            else if (Current.Is("{"))
            {
                SkipBraces();
            }
            else
            {
                position++;
            }
        }

        position = close + 1;
    }

    private AlField? Field()
    {
        position++;
        int close = FindClose(position, "(", ")");
        int first = position + 1;
        int? id = tokens[first].Kind == AlTokenKind.Number && int.TryParse(tokens[first].Text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;
        int nameAt = first + 2;
        AlType? type = null;
        AlName? name = null;
        if (id is not null && nameAt < close && tokens[first + 1].Is(";") && tokens[nameAt].IsName)
        {
            name = new AlName(tokens[nameAt].Text, tokens[nameAt].Span);
            if (nameAt + 2 < close && tokens[nameAt + 1].Is(";"))
            {
                type = Type(nameAt + 2, close);
            }
        }

        position = close + 1;
        var related = new List<AlName>();
        AlName? externalName = null, externalType = null, externalAccess = null;
        bool flow = false;
        if (Current.Is("{"))
        {
            int end = FindClose(position, "{", "}");
            position++;
            while (position < end)
            {
                if (Current.IsName && Peek().Is("="))
                {
                    string property = Current.Text;
                    position += 2;
                    int valueStart = position;
                    SkipStatement(end);
                    var value = tokens[valueStart];
                    switch (property.ToLowerInvariant())
                    {
                        case "tablerelation":
                            related.AddRange(RelatedTables(valueStart, position));
                            break;
                        case "externalname" when value.Kind == AlTokenKind.String:
                            externalName = new AlName(value.Text, value.Span);
                            break;
                        case "externaltype" when value.Kind == AlTokenKind.String:
                            externalType = new AlName(value.Text, value.Span);
                            break;
                        case "externalaccess" when value.IsName:
                            externalAccess = new AlName(value.Text, value.Span);
                            break;
                        case "fieldclass" when value.IsName:
                            flow = value.IsWord("FlowField") || value.IsWord("FlowFilter");
                            break;
                    }
                }
                else if (Current.Is("{"))
                {
                    SkipBraces();
                }
                else if (Current.IsWord("begin"))
                {
                    position = MatchEnd(position) + 1;
                }
                else
                {
                    position++;
                }
            }

            position = end + 1;
        }

        if (id is null || name is null || type is null)
        {
            return null;
        }

        return new AlField { Id = id.Value, Name = name.Value, Type = type, RelatedTables = related, ExternalName = externalName, ExternalType = externalType, ExternalAccess = externalAccess, IsFlow = flow };
    }

    /// <summary>The table names of a TableRelation value: <c>Currency</c>, <c>"CRM Systemuser".SystemUserId</c>, <c>if (…) Customer else Vendor</c>.</summary>
    private List<AlName> RelatedTables(int start, int end)
    {
        var result = new List<AlName>();
        bool expectTable = true;
        for (int i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.IsWord("if") && i + 1 < end && tokens[i + 1].Is("("))
            {
                i = FindClose(i + 1, "(", ")");
                expectTable = true;
            }
            else if (token.IsWord("else"))
            {
                expectTable = true;
            }
            else if (token.IsWord("where") && i + 1 < end && tokens[i + 1].Is("("))
            {
                i = FindClose(i + 1, "(", ")");
            }
            else if (expectTable && token.IsName)
            {
                result.Add(new AlName(token.Text, token.Span));
                expectTable = false;
            }
        }

        return result;
    }

    private AlType Type(int start, int end)
    {
        var first = tokens[start];
        string kind = Canonical(first.Text);
        int? length = null;
        string? subtype = null;
        int last = start;
        if (start + 2 < end && tokens[start + 1].Is("[") && tokens[start + 2].Kind == AlTokenKind.Number && int.TryParse(tokens[start + 2].Text, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            length = n;
            last = Math.Min(start + 3, end - 1);
        }
        else if (start + 1 < end && tokens[start + 1].IsName)
        {
            subtype = tokens[start + 1].Text;
            last = start + 1;
        }

        return new AlType(kind, length, subtype, new TextSpan(first.Span.Start, tokens[last].Span.End));
    }

    private static readonly string[] TypeNames =
    [
        "Code", "Text", "Integer", "BigInteger", "Decimal", "Boolean", "Date", "Time", "DateTime", "Duration", "DateFormula",
        "Guid", "Option", "Enum", "Blob", "Media", "MediaSet", "RecordId", "TableFilter",
    ];

    /// <summary>Type words in one spelling (AL is case-insensitive: <c>GUID</c>, <c>Datetime</c>, <c>BLOB</c>).</summary>
    private static string Canonical(string word) =>
        TypeNames.FirstOrDefault(t => t.Equals(word, StringComparison.OrdinalIgnoreCase)) ?? word;

    private int FindClose(int open, string opening, string closing)
    {
        int depth = 0;
        for (int i = open; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == AlTokenKind.End)
            {
                return i;
            }

            if (tokens[i].Is(opening))
            {
                depth++;
            }
            else if (tokens[i].Is(closing))
            {
                depth--;
                if (depth == 0)
                {
                    return i;
                }
            }
        }

        return tokens.Count - 1;
    }

    private void SkipBalanced(string opening, string closing) => position = Math.Min(FindClose(position, opening, closing) + 1, tokens.Count - 1);

    private void SkipBraces() => SkipBalanced("{", "}");

    private void SkipPast(string symbol)
    {
        while (!AtEnd && !Current.Is(symbol))
        {
            position++;
        }

        if (!AtEnd)
        {
            position++;
        }
    }

    /// <summary>Skips a property value up to its ';' (not beyond <paramref name="limit"/> or a closing brace).</summary>
    private void SkipStatement(int limit = int.MaxValue)
    {
        int depth = 0;
        while (!AtEnd && position < limit)
        {
            if (depth == 0 && Current.Is(";"))
            {
                position++;
                return;
            }

            if (depth == 0 && Current.Is("}"))
            {
                return;
            }

            // Braces count too: after a text left open, the value runs on, and must not close the object early.
            depth += Current.Is("(") || Current.Is("[") || Current.Is("{") ? 1 : Current.Is(")") || Current.Is("]") || Current.Is("}") ? -1 : 0;
            position++;
        }
    }
}
