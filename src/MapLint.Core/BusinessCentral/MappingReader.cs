using System.Globalization;

namespace MapLint.BusinessCentral;

/// <summary>
/// Finds the integration table and field mappings an AL object creates, by walking its procedures from their
/// entry points (procedures no other procedure of the object calls: event subscribers such as
/// OnAfterResetConfiguration, triggers, public procedures). A call to a procedure of the same object is followed
/// with the values of its arguments, so a mapping name written as a literal at the call site and passed down as
/// a parameter (as CDS Setup Defaults does: <c>ResetCustomerAccountMapping('CUSTOMER', …)</c>) is known inside
/// the wrapper, at the literal's position. Record variables are followed as slots: <c>CreateRecord</c> or a
/// wrapper binds a slot to the mapping it creates, <c>Get('NAME')</c> to a mapping by name, <c>FindLast()</c> to
/// the last field mapping created; assignments to a bound slot (Dependency Filter, Direction, Not Null, Clear
/// Value on Failed Sync, Status) land on that mapping. What cannot be known without running the code (values
/// from RecordRef or computations, creation inside loops, parameters no call in the object passes) is recorded
/// as a dynamic mapping, never guessed.
/// </summary>
public sealed class MappingReader
{
    private const string TableMappingTable = "Integration Table Mapping";
    private const string FieldMappingTable = "Integration Field Mapping";
    private const int MaxDepth = 12;

    private readonly AlFile file;
    private readonly AlObject obj;
    private readonly AlTokenList tokens;
    private readonly Dictionary<string, List<AlProcedure>> procedures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Value> globals = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<AlProcedure> stack = [];
    private readonly HashSet<(int, string)> reportedDynamic = [];
    private IntegrationFieldMapping? lastFieldMapping;

    private MappingReader(AlFile file, AlObject obj)
    {
        this.file = file;
        this.obj = obj;
        tokens = file.Tokens;
        foreach (var procedure in obj.Procedures)
        {
            if (!procedures.TryGetValue(procedure.Name.Text, out var list))
            {
                procedures[procedure.Name.Text] = list = [];
            }

            list.Add(procedure);
        }

        foreach (var global in obj.Globals)
        {
            if (Declare(global) is { } value)
            {
                globals[global.Name.Text] = value;
            }
        }
    }

    /// <summary>What the object's code creates and sets.</summary>
    public sealed class Result
    {
        public List<IntegrationTableMapping> TableMappings { get; } = [];

        public List<IntegrationFieldMapping> FieldMappings { get; } = [];

        /// <summary>Settings on a mapping reached by name (<c>Get('PAYMENT TERMS')</c>), applied once every mapping is known.</summary>
        public List<(string Name, Action<IntegrationTableMapping> Apply)> ByName { get; } = [];

        public List<DynamicMapping> Dynamic { get; } = [];
    }

    private Result result = new();

    public static Result Read(AlFile file, AlObject obj)
    {
        var reader = new MappingReader(file, obj);
        if (!reader.MentionsMappings())
        {
            return reader.result;
        }

        // A local procedure nothing here calls is dead code (no other object can call it), unless an event or the
        // platform does: subscribers and triggers.
        var called = reader.CalledProcedures();
        foreach (var procedure in obj.Procedures.Where(p => !called.Contains(p) && (!p.IsLocal || p.SubscribesTo is not null || p.IsTrigger)))
        {
            // FindLast() means "the field mapping just created" only after one was created in this walk.
            reader.lastFieldMapping = null;
            reader.Walk(procedure, [], inLoop: false);
        }

        return reader.result;
    }

    /// <summary>Cheap test first: objects that never name the two mapping tables (or their wrappers) are skipped.</summary>
    private bool MentionsMappings()
    {
        foreach (var procedure in obj.Procedures)
        {
            for (int i = procedure.BodyStart; i < procedure.BodyEnd; i++)
            {
                if (tokens[i].IsName && (IsWrapper(tokens[i].Text, out _) || tokens[i].Text.Equals("CreateRecord", StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsWrapper(string name, out bool table)
    {
        table = name.Equals("InsertIntegrationTableMapping", StringComparison.OrdinalIgnoreCase);
        return table || name.Equals("InsertIntegrationFieldMapping", StringComparison.OrdinalIgnoreCase);
    }

    private HashSet<AlProcedure> CalledProcedures()
    {
        var called = new HashSet<AlProcedure>();
        foreach (var procedure in obj.Procedures)
        {
            for (int i = procedure.BodyStart; i + 1 < procedure.BodyEnd; i++)
            {
                if (tokens[i].IsName && tokens[i + 1].Is("(") && !tokens[i - 1].Is(".") && procedures.TryGetValue(tokens[i].Text, out var targets))
                {
                    foreach (var target in targets.Where(t => t != procedure))
                    {
                        called.Add(target);
                    }
                }
            }
        }

        return called;
    }

    // ---- values ----

    private abstract record Value(AlLocation Location);

    private sealed record TextValue(string Text, bool Literal, AlLocation Location) : Value(Location);

    private sealed record NumberValue(long Number, AlLocation Location) : Value(Location);

    private sealed record BoolValue(bool Flag, AlLocation Location) : Value(Location);

    private sealed record TableValue(string Table, AlLocation Location) : Value(Location);

    private sealed record FieldValue(FieldNoReference Reference) : Value(Reference.Location);

    private sealed record DirectionValue(SyncDirection Direction, AlLocation Location) : Value(Location);

    private sealed record SlotValue(Slot Slot, AlLocation Location) : Value(Location);

    private sealed record UnknownValue(string Reason, AlLocation Location) : Value(Location);

    /// <summary>A record variable during the walk: its table and what it holds now (a mapping, or a mapping's name).</summary>
    private sealed class Slot(string table)
    {
        public string Table { get; } = table;

        public object? Bound { get; set; }

        /// <summary>The mapping name a field-mapping record is filtered on (<c>SetRange("Integration Table Mapping Name", …)</c>).</summary>
        public string? FilterName { get; set; }
    }

    private Value? Declare(AlVariable variable)
    {
        var location = new AlLocation(file, variable.Name.Span);
        if (variable.IsRecord && variable.Subtype is { } table)
        {
            return new SlotValue(new Slot(table.Text), location);
        }

        if (variable.IsLabel && variable.Subtype is { } text)
        {
            return new TextValue(text.Text, true, new AlLocation(file, text.Span));
        }

        return null;
    }

    // ---- the walk ----

    private void Walk(AlProcedure procedure, IReadOnlyList<Value?> arguments, bool inLoop)
    {
        if (stack.Contains(procedure) || stack.Count >= MaxDepth)
        {
            return;
        }

        stack.Add(procedure);
        var env = new Dictionary<string, Value>(StringComparer.OrdinalIgnoreCase);
        for (int p = 0; p < procedure.Parameters.Count; p++)
        {
            var parameter = procedure.Parameters[p];
            if (p < arguments.Count && arguments[p] is { } argument)
            {
                env[parameter.Name.Text] = argument;
            }
            else if (Declare(parameter) is SlotValue slot)
            {
                env[parameter.Name.Text] = slot;
            }
            else
            {
                env[parameter.Name.Text] = new UnknownValue($"it is parameter '{parameter.Name.Text}' of '{procedure.Name.Text}', which no call in this object passes as a constant", new AlLocation(file, parameter.Name.Span));
            }
        }

        foreach (var local in procedure.Locals)
        {
            if (Declare(local) is { } value)
            {
                env[local.Name.Text] = value;
            }
            else
            {
                env.Remove(local.Name.Text);
            }
        }

        var loops = Loops(procedure.BodyStart, procedure.BodyEnd);
        int i = procedure.BodyStart;
        while (i < procedure.BodyEnd)
        {
            var token = tokens[i];
            bool looped = inLoop || loops.Any(l => l.Start <= i && i <= l.End);
            if (token.IsName && tokens[i + 1].Is(":="))
            {
                int end = ExpressionEnd(i + 2, procedure.BodyEnd);
                env[token.Text] = Evaluate(i + 2, end, env);
                i = end;
            }
            else if (token.IsName && !tokens[i - 1].Is(".") && tokens[i + 1].Is(".") && tokens[i + 2].IsName && Lookup(token.Text, env) is SlotValue receiver)
            {
                var member = tokens[i + 2];
                if (tokens[i + 3].Is(":="))
                {
                    int end = ExpressionEnd(i + 4, procedure.BodyEnd);
                    Assign(receiver.Slot, member, Evaluate(i + 4, end, env));
                    i = end;
                }
                else if (tokens[i + 3].Is("("))
                {
                    int close = Close(i + 3);
                    var ranges = Arguments(i + 3, close);
                    var args = ranges.Select(a => Evaluate(a.Start, a.End, env)).ToList();
                    string? firstWord = ranges.Count > 0 && tokens[ranges[0].Start].IsName ? tokens[ranges[0].Start].Text : null;
                    Method(receiver.Slot, member, args, firstWord, new AlLocation(file, member.Span), looped);
                    i = close + 1;
                }
                else
                {
                    i += 3;
                }
            }
            else if (token.IsName && tokens[i + 1].Is("(") && (!tokens[i - 1].Is(".") || IsWrapper(token.Text, out _)))
            {
                int close = Close(i + 1);
                var ranges = Arguments(i + 1, close);
                if (!tokens[i - 1].Is(".") && procedures.TryGetValue(token.Text, out var targets) && targets.FirstOrDefault(t => t.Parameters.Count == ranges.Count) is { } target)
                {
                    Walk(target, ranges.Select(a => (Value?)Evaluate(a.Start, a.End, env)).ToList(), looped);
                    i = close + 1;
                }
                else if (IsWrapper(token.Text, out bool table))
                {
                    var args = ranges.Select(a => Evaluate(a.Start, a.End, env)).ToList();
                    var site = new AlLocation(file, token.Span);
                    if (table)
                    {
                        // The wrapper of Microsoft's samples: (var Mapping, Name, TableNo, IntegrationTableNo, UID, ModifiedOn, templates…, SynchOnlyCoupled[, Direction]).
                        var slot = args.Count > 0 && args[0] is SlotValue s ? s.Slot : null;
                        CreateTableMapping(slot, Arg(args, 1), Arg(args, 2), Arg(args, 3), Arg(args, 4), Arg(args, 5), Arg(args, 9), site, looped);
                    }
                    else
                    {
                        CreateFieldMapping(null, Arg(args, 0), Arg(args, 1), Arg(args, 2), Arg(args, 3), Arg(args, 4), null, site, looped);
                    }

                    i = close + 1;
                }
                else
                {
                    i++;
                }
            }
            else
            {
                i++;
            }
        }

        stack.RemoveAt(stack.Count - 1);
    }

    private static Value? Arg(List<Value> args, int index) => index < args.Count ? args[index] : null;

    private Value? Lookup(string name, Dictionary<string, Value> env) =>
        env.TryGetValue(name, out var value) ? value : globals.GetValueOrDefault(name);

    private void Method(Slot slot, AlToken member, List<Value> args, string? firstWord, AlLocation site, bool looped)
    {
        bool tableMapping = slot.Table.Equals(TableMappingTable, StringComparison.OrdinalIgnoreCase);
        bool fieldMapping = slot.Table.Equals(FieldMappingTable, StringComparison.OrdinalIgnoreCase);
        if (member.IsWord("CreateRecord") && tableMapping)
        {
            // CreateRecord(Name, TableNo, IntegrationTableNo, UIDFieldNo, ModifiedOnFieldNo, TableConfigTemplate, IntTableConfigTemplate, SynchOnlyCoupled, Direction, Prefix[, SynchCodeunit, UncoupleCodeunit]).
            CreateTableMapping(slot, Arg(args, 0), Arg(args, 1), Arg(args, 2), Arg(args, 3), Arg(args, 4), Arg(args, 8), site, looped);
        }
        else if (member.IsWord("CreateRecord") && fieldMapping)
        {
            // CreateRecord(MappingName, TableFieldNo, IntegrationTableFieldNo, Direction, ConstValue, ValidateField, ValidateIntegrationTableField[, Enabled, TransformationRule, UserDefined]).
            CreateFieldMapping(slot, Arg(args, 0), Arg(args, 1), Arg(args, 2), Arg(args, 3), Arg(args, 4), Arg(args, 7), site, looped);
        }
        else if (member.IsWord("Get") && tableMapping)
        {
            slot.Bound = args.Count == 1 && args[0] is TextValue name ? name.Text : null;
        }
        else if (member.IsWord("FindLast") && fieldMapping)
        {
            // CDS Setup Defaults' SetIntegrationFieldMappingNotNull: FindLast on a fresh record is the field mapping just inserted.
            slot.Bound = lastFieldMapping;
        }
        else if (member.IsWord("SetRange") && fieldMapping && args.Count == 2 && string.Equals(firstWord, "Integration Table Mapping Name", StringComparison.OrdinalIgnoreCase))
        {
            slot.FilterName = args[1] is TextValue filter ? filter.Text : null;
        }
        else if (member.IsWord("ModifyAll") && fieldMapping && args.Count >= 2 && string.Equals(firstWord, "Direction", StringComparison.OrdinalIgnoreCase) && slot.FilterName is { } filtered && Direction(args[1]) is { } all)
        {
            // ResetOptionMappingConfiguration: every field mapping of the mapping gets the table's new direction.
            result.ByName.Add((filtered, m => m.FieldMappings.ForEach(f => f.Direction = all)));
        }
        else if (member.IsWord("Init") || member.IsWord("Reset") || member.IsWord("FindFirst") || member.IsWord("FindSet") || member.IsWord("SetRange") || member.IsWord("SetFilter"))
        {
            if (!member.IsWord("Reset") && !member.IsWord("SetRange") && !member.IsWord("SetFilter"))
            {
                slot.Bound = null;
            }
        }
    }

    private void Assign(Slot slot, AlToken member, Value value)
    {
        string name = member.Text;
        var location = new AlLocation(file, member.Span);
        switch (slot.Bound)
        {
            case IntegrationTableMapping mapping:
                ApplyToTable(mapping, name, value);
                break;
            case string mappingName:
                result.ByName.Add((mappingName, m => ApplyToTable(m, name, value)));
                break;
            case IntegrationFieldMapping field:
                if (name.Equals("Not Null", StringComparison.OrdinalIgnoreCase) && value is BoolValue notNull)
                {
                    field.NotNull = notNull.Flag ? location : null;
                }
                else if (name.Equals("Clear Value on Failed Sync", StringComparison.OrdinalIgnoreCase) && value is BoolValue clear)
                {
                    field.ClearValueOnFailedSync = clear.Flag ? location : null;
                }
                else if (name.Equals("Direction", StringComparison.OrdinalIgnoreCase))
                {
                    field.Direction = Direction(value);
                }

                break;
        }
    }

    private static void ApplyToTable(IntegrationTableMapping mapping, string member, Value value)
    {
        if (member.Equals("Dependency Filter", StringComparison.OrdinalIgnoreCase) && value is TextValue filter)
        {
            mapping.DependencyFilters.Add(new Located<string>(filter.Text, filter.Location));
        }
        else if (member.Equals("Direction", StringComparison.OrdinalIgnoreCase) && Direction(value) is { } direction)
        {
            mapping.Direction = direction;
        }
    }

    private static Located<SyncDirection>? Direction(Value? value) => value switch
    {
        DirectionValue d => new Located<SyncDirection>(d.Direction, d.Location),
        NumberValue { Number: >= 0 and <= 2 } n => new Located<SyncDirection>((SyncDirection)n.Number, n.Location),
        _ => null,
    };

    private void CreateTableMapping(Slot? slot, Value? name, Value? table, Value? integrationTable, Value? uid, Value? modifiedOn, Value? direction, AlLocation site, bool looped)
    {
        if (slot is not null)
        {
            slot.Bound = null;
        }

        var (problem, at) = looped ? ("it is created inside a loop", site) : Unknown(site, (name, "its name"), (table, "its table"), (integrationTable, "its integration table"));
        if (problem is null && (name is not TextValue || table is not TableValue || integrationTable is not TableValue))
        {
            problem = "its name or tables are not constants";
        }

        if (problem is not null)
        {
            Dynamic(at, "An integration table mapping", problem);
            return;
        }

        var mapping = new IntegrationTableMapping
        {
            Name = new Located<string>(((TextValue)name!).Text, name!.Location),
            Table = new Located<string>(((TableValue)table!).Table, table!.Location),
            IntegrationTable = new Located<string>(((TableValue)integrationTable!).Table, integrationTable!.Location),
            UidField = (uid as FieldValue)?.Reference,
            ModifiedOnField = (modifiedOn as FieldValue)?.Reference,
            Direction = Direction(direction),
            Site = site,
        };
        result.TableMappings.Add(mapping);
        if (slot is not null)
        {
            slot.Bound = mapping;
        }
    }

    private void CreateFieldMapping(Slot? slot, Value? name, Value? field, Value? integrationField, Value? direction, Value? constant, Value? enabled, AlLocation site, bool looped)
    {
        var (problem, at) = looped ? ("it is created inside a loop", site) : Unknown(site, (name, "its table mapping's name"), (field, "its field"), (integrationField, "its integration field"));
        if (problem is null && (name is not TextValue || !IsFieldOrZero(field) || !IsFieldOrZero(integrationField)))
        {
            problem = "its table mapping's name or fields are not constants";
        }

        if (problem is not null)
        {
            Dynamic(at, "An integration field mapping", problem);
            if (slot is not null)
            {
                slot.Bound = null;
            }

            return;
        }

        var mapping = new IntegrationFieldMapping
        {
            MappingName = new Located<string>(((TextValue)name!).Text, name!.Location),
            Field = (field as FieldValue)?.Reference,
            IntegrationField = (integrationField as FieldValue)?.Reference,
            Direction = Direction(direction),
            ConstantValue = constant is TextValue { } text && (!text.Literal || text.Text.Length > 0) ? new Located<string>(text.Text, text.Location) : null,
            Enabled = enabled is not BoolValue { Flag: false },
            Site = site,
        };
        result.FieldMappings.Add(mapping);
        lastFieldMapping = mapping;
        if (slot is not null)
        {
            slot.Bound = mapping;
        }
    }

    private static bool IsFieldOrZero(Value? value) => value is FieldValue || value is NumberValue { Number: 0 };

    /// <summary>
    /// The first argument that is not a constant, and where it is written (the RecordRef expression, the parameter
    /// no call passes): the finding points there, not at the wrapper that received it.
    /// </summary>
    private static (string? Problem, AlLocation At) Unknown(AlLocation site, params (Value? Value, string What)[] arguments)
    {
        foreach (var (value, what) in arguments)
        {
            if (value is UnknownValue unknown)
            {
                return ($"{what} is not a constant: {unknown.Reason}", unknown.Location);
            }
        }

        return (null, site);
    }

    private void Dynamic(AlLocation site, string what, string reason)
    {
        if (reportedDynamic.Add((site.Span.Start, reason)))
        {
            result.Dynamic.Add(new DynamicMapping(site, what, reason));
        }
    }

    // ---- expressions ----

    private Value Evaluate(int start, int end, Dictionary<string, Value> env)
    {
        while (end - start >= 2 && tokens[start].Is("(") && Close(start) == end - 1)
        {
            start++;
            end--;
        }

        var location = new AlLocation(file, new Text.TextSpan(tokens[Math.Min(start, tokens.Count - 1)].Span.Start, tokens[Math.Max(start, end - 1)].Span.End));
        int count = end - start;
        if (count <= 0)
        {
            return new UnknownValue("it is empty", location);
        }

        var first = tokens[start];
        if (count == 1)
        {
            switch (first.Kind)
            {
                case AlTokenKind.String:
                    return new TextValue(first.Text, true, location);
                case AlTokenKind.Number when long.TryParse(first.Text, NumberStyles.None, CultureInfo.InvariantCulture, out long number):
                    return new NumberValue(number, location);
                case AlTokenKind.Identifier when first.IsWord("true") || first.IsWord("false"):
                    return new BoolValue(first.IsWord("true"), location);
                case AlTokenKind.Identifier or AlTokenKind.QuotedIdentifier:
                    return Lookup(first.Text, env) ?? new UnknownValue($"'{first.Text}' is computed at run time", location);
            }
        }

        if (count == 3 && first.IsName && tokens[start + 1].Is(".") && tokens[start + 2].IsWord("Name") && Lookup(first.Text, env) is SlotValue { Slot.Bound: { } bound })
        {
            // IntegrationTableMapping.Name of a record bound to a mapping: its name.
            string? name = bound switch { IntegrationTableMapping m => m.Name.Value, string n => n, _ => null };
            if (name is not null)
            {
                return new TextValue(name, false, location);
            }
        }

        if (count == 3 && first.IsWord("Database") && tokens[start + 1].Is("::") && tokens[start + 2].IsName)
        {
            return new TableValue(tokens[start + 2].Text, location);
        }

        if (count >= 3 && tokens[end - 2].Is("::") && tokens[end - 1].IsName && Enum.TryParse<SyncDirection>(tokens[end - 1].Text, ignoreCase: true, out var direction) && Enum.IsDefined(typeof(SyncDirection), direction) && !int.TryParse(tokens[end - 1].Text, out _))
        {
            return new DirectionValue(direction, location);
        }

        if (count == 6 && first.IsName && tokens[start + 1].Is(".") && tokens[start + 2].IsWord("FieldNo") && tokens[start + 3].Is("(") && tokens[start + 4].IsName && tokens[start + 5].Is(")"))
        {
            if (Lookup(first.Text, env) is SlotValue record)
            {
                return new FieldValue(new FieldNoReference(record.Slot.Table, new AlName(tokens[start + 4].Text, tokens[start + 4].Span), location));
            }

            return new UnknownValue($"'{first.Text}' is not a record variable known here", location);
        }

        if (first.IsWord("Format") && count >= 3 && tokens[start + 1].Is("("))
        {
            // Format(CRMAccount.OwnerIdType::systemuser): a constant text, whatever its exact spelling.
            return new TextValue(tokens[end - 2].Text, false, location);
        }

        if (count == 2 && first.Is("-") && tokens[start + 1].Kind == AlTokenKind.Number)
        {
            return new NumberValue(-1, location);
        }

        string what = first.IsName && tokens[start + 1].Is(".") ? $"it comes from '{first.Text}.{tokens[start + 2].Text}'" : first.IsName && tokens[start + 1].Is("(") ? $"it is computed by '{first.Text}(…)'" : "it is computed by an expression";
        return new UnknownValue(what, location);
    }

    /// <summary>Where an expression after ':=' ends: ';' or a keyword that ends the statement (else, end, until).</summary>
    private int ExpressionEnd(int start, int limit)
    {
        int depth = 0;
        for (int i = start; i < limit; i++)
        {
            var token = tokens[i];
            if (token.Is("(") || token.Is("["))
            {
                depth++;
            }
            else if (token.Is(")") || token.Is("]"))
            {
                depth--;
            }
            else if (depth <= 0 && (token.Is(";") || token.IsWord("else") || token.IsWord("end") || token.IsWord("until")))
            {
                return i;
            }
        }

        return limit;
    }

    private int Close(int open)
    {
        int depth = 0;
        for (int i = open; i < tokens.Count; i++)
        {
            if (tokens[i].Is("(") || tokens[i].Is("["))
            {
                depth++;
            }
            else if (tokens[i].Is(")") || tokens[i].Is("]"))
            {
                depth--;
                if (depth == 0)
                {
                    return i;
                }
            }
            else if (tokens[i].Kind == AlTokenKind.End)
            {
                return i;
            }
        }

        return tokens.Count - 1;
    }

    private List<(int Start, int End)> Arguments(int open, int close)
    {
        var ranges = new List<(int, int)>();
        if (close == open + 1)
        {
            return ranges;
        }

        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < close; i++)
        {
            if (tokens[i].Is("(") || tokens[i].Is("["))
            {
                depth++;
            }
            else if (tokens[i].Is(")") || tokens[i].Is("]"))
            {
                depth--;
            }
            else if (depth == 0 && tokens[i].Is(","))
            {
                ranges.Add((start, i));
                start = i + 1;
            }
        }

        ranges.Add((start, close));
        return ranges;
    }

    /// <summary>Token ranges of loop statements (repeat…until, for/foreach/while … do …) in a body.</summary>
    private List<(int Start, int End)> Loops(int start, int end)
    {
        var loops = new List<(int, int)>();
        for (int i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.IsWord("repeat"))
            {
                int depth = 0;
                for (int j = i; j < end; j++)
                {
                    depth += tokens[j].IsWord("repeat") ? 1 : tokens[j].IsWord("until") ? -1 : 0;
                    if (depth == 0)
                    {
                        loops.Add((i, j));
                        break;
                    }
                }
            }
            else if (token.IsWord("for") || token.IsWord("foreach") || token.IsWord("while"))
            {
                int j = i;
                while (j < end && !tokens[j].IsWord("do"))
                {
                    j++;
                }

                loops.Add((i, StatementEnd(j + 1, end)));
            }
        }

        return loops;
    }

    private int StatementEnd(int start, int end)
    {
        int depth = 0;
        for (int i = start; i < end; i++)
        {
            if (tokens[i].IsWord("begin") || tokens[i].IsWord("case"))
            {
                depth++;
            }
            else if (tokens[i].IsWord("end"))
            {
                depth--;
                if (depth <= 0)
                {
                    return i;
                }
            }
            else if (depth == 0 && tokens[i].Is(";"))
            {
                return i;
            }
        }

        return end;
    }
}
