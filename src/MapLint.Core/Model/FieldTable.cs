using System.Collections;

namespace MapLint.Model;

/// <summary>
/// The fields of one entity as columns. Metadata is most of a large repository (2 million field definitions over
/// 10,000 generated maps), and an object, a dictionary entry and a list slot per field were most of a full check's
/// live heap. A row is a name, one byte (type and flags) and two ints; what few fields have (a lookup's targets, a
/// choice's values, a decimal's precision) sits in side tables of the rows that have it; an open-addressed index of
/// row numbers (16 bits each below 65,535 fields) finds a name case-insensitively, as the dictionary did. <see cref="FieldDefinition"/> is a view of one row, made when
/// asked for and let go with the map that asked.
/// </summary>
internal sealed class FieldTable
{
    public static readonly FieldTable Empty = new Builder().Build();

    private const int TypeMask = 0x0F;
    private const byte RequiredFlag = 0x10;
    private const byte ReadOnlyFlag = 0x20;
    private const byte VirtualFlag = 0x40;

    // Sentinel of a missing maxLength or precision (as two long? they cost 24 bytes a field more).
    internal const int None = int.MinValue;

    private readonly string[] names;
    private readonly byte[] kinds;
    private readonly int[] maxLengths;
    private readonly int[] precisionRows;
    private readonly int[] precisionValues;
    private readonly int[] extraRows;
    private readonly FieldExtra[] extras;
    private readonly ushort[]? shortIndex;
    private readonly int[]? index;

    // The name a row is found by, where a later field of the same name in another case replaced its values (the
    // dictionary kept the first key and the last value); empty in any real export.
    private readonly Dictionary<int, string>? keyNames;

    private FieldTable(Builder builder)
    {
        int count = builder.Count;
        names = Trimmed(builder.Names, count);
        kinds = Trimmed(builder.Kinds, count);
        maxLengths = Trimmed(builder.MaxLengths, count);
        var withPrecision = new List<int>();
        for (int row = 0; row < count; row++)
        {
            if (builder.Precisions[row] != None)
            {
                withPrecision.Add(row);
            }
        }

        precisionRows = [.. withPrecision];
        precisionValues = withPrecision.Select(row => builder.Precisions[row]).ToArray();
        var rows = new List<int>();
        for (int row = 0; row < count; row++)
        {
            if (builder.Extras[row] is not null)
            {
                rows.Add(row);
            }
        }

        extraRows = [.. rows];
        extras = rows.Select(row => builder.Extras[row]!).ToArray();
        keyNames = builder.KeyNames;
        int size = 4;
        while (size * 3 < count * 4 + 4)
        {
            size *= 2;
        }

        if (count < ushort.MaxValue)
        {
            shortIndex = new ushort[size];
        }
        else
        {
            index = new int[size];
        }

        for (int row = 0; row < count; row++)
        {
            for (int slot = StringComparer.OrdinalIgnoreCase.GetHashCode(KeyName(row)) & (size - 1); ; slot = (slot + 1) & (size - 1))
            {
                if ((shortIndex is not null ? shortIndex[slot] : index![slot]) == 0)
                {
                    if (shortIndex is not null)
                    {
                        shortIndex[slot] = (ushort)(row + 1);
                    }
                    else
                    {
                        index![slot] = row + 1;
                    }

                    break;
                }
            }
        }

        builder.Release();
        Count = count;
        Rows = new RowList(this);
    }

    public int Count { get; }

    /// <summary>Every field in the order written (a name defined twice keeps its first place).</summary>
    public IReadOnlyCollection<FieldDefinition> Rows { get; }

    /// <summary>The names fields are found by, in the order written.</summary>
    public IEnumerable<string> KeyNames
    {
        get
        {
            for (int row = 0; row < Count; row++)
            {
                yield return KeyName(row);
            }
        }
    }

    public FieldDefinition? Find(string name) => Row(name) is var row and >= 0 ? new FieldDefinition(this, row) : null;

    public string Name(int row) => names[row];

    public FieldType Type(int row) => (FieldType)(kinds[row] & TypeMask);

    public int MaxLength(int row) => maxLengths[row];

    public int Precision(int row) => Array.BinarySearch(precisionRows, row) is var at and >= 0 ? precisionValues[at] : None;

    public bool Required(int row) => (kinds[row] & RequiredFlag) != 0;

    public bool ReadOnly(int row) => (kinds[row] & ReadOnlyFlag) != 0;

    public bool Virtual(int row) => (kinds[row] & VirtualFlag) != 0;

    public FieldExtra? Extra(int row) => Array.BinarySearch(extraRows, row) is var at and >= 0 ? extras[at] : null;

    private string KeyName(int row) => keyNames is not null && keyNames.TryGetValue(row, out var key) ? key : names[row];

    private int Row(string name)
    {
        int mask = (shortIndex?.Length ?? index!.Length) - 1;
        for (int slot = StringComparer.OrdinalIgnoreCase.GetHashCode(name) & mask; ; slot = (slot + 1) & mask)
        {
            int row = (shortIndex is not null ? shortIndex[slot] : index![slot]) - 1;
            if (row < 0)
            {
                return -1;
            }

            if (string.Equals(KeyName(row), name, StringComparison.OrdinalIgnoreCase))
            {
                return row;
            }
        }
    }

    private static int Probe(int[] index, string[] names, Dictionary<int, string>? keyNames, string name)
    {
        int mask = index.Length - 1;
        for (int slot = StringComparer.OrdinalIgnoreCase.GetHashCode(name) & mask; ; slot = (slot + 1) & mask)
        {
            int row = index[slot] - 1;
            if (row < 0)
            {
                return -1;
            }

            string key = keyNames is not null && keyNames.TryGetValue(row, out var first) ? first : names[row];
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return row;
            }
        }
    }

    private static T[] Trimmed<T>(T[] items, int count)
    {
        var trimmed = new T[count];
        Array.Copy(items, trimmed, count);
        return trimmed;
    }

    private static byte Kind(FieldType type, bool required, bool readOnly, bool isVirtual) =>
        (byte)((int)type | (required ? RequiredFlag : 0) | (readOnly ? ReadOnlyFlag : 0) | (isVirtual ? VirtualFlag : 0));

    private static int Pack(long? value) => value is { } v ? (int)Math.Clamp(v, None + 1L, int.MaxValue) : None;

    /// <summary>
    /// Adds fields one at a time, as a dictionary keyed by name (case-insensitive) did: a name written again keeps
    /// its place and takes the later field's values.
    /// </summary>
    internal sealed class Builder
    {
        internal string[] Names = [];
        internal byte[] Kinds = [];
        internal int[] MaxLengths = [];
        internal int[] Precisions = [];
        internal FieldExtra?[] Extras = [];
        internal Dictionary<int, string>? KeyNames;
        private int[] index;

        // The last built table's arrays, for the next builder on the thread: grown field by field, they were most of
        // what binding metadata allocated (a table's columns are copied out at their final size anyway).
        [ThreadStatic]
        private static Builder? spare;

        public Builder()
        {
            index = new int[4];
            if (spare is { } arrays)
            {
                spare = null;
                Names = arrays.Names;
                Kinds = arrays.Kinds;
                MaxLengths = arrays.MaxLengths;
                Precisions = arrays.Precisions;
                Extras = arrays.Extras;
                // A large index is not cleared for a small table: a fresh one grows to what this table needs.
                if (arrays.index.Length <= 1024)
                {
                    index = arrays.index;
                }
            }
        }

        public int Count { get; private set; }

        /// <summary>Hands the arrays on to the thread's next builder, once the table has copied what it keeps.</summary>
        internal void Release()
        {
            Array.Clear(Names, 0, Count);
            Array.Clear(Extras, 0, Count);
            Array.Clear(index, 0, index.Length);
            var arrays = new Builder(Names, Kinds, MaxLengths, Precisions, Extras, index);
            Names = [];
            Kinds = [];
            MaxLengths = [];
            Precisions = [];
            Extras = [];
            index = new int[4];
            KeyNames = null;
            Count = 0;
            if (spare is null || spare.Names.Length < arrays.Names.Length)
            {
                spare = arrays;
            }
        }

        private Builder(string[] names, byte[] kinds, int[] maxLengths, int[] precisions, FieldExtra?[] extras, int[] index)
        {
            Names = names;
            Kinds = kinds;
            MaxLengths = maxLengths;
            Precisions = precisions;
            Extras = extras;
            this.index = index;
        }

        /// <summary>A builder holding the rows of <paramref name="basis"/>, to add another definition's fields to.</summary>
        public static Builder From(FieldTable basis)
        {
            var builder = new Builder();
            for (int row = 0; row < basis.Count; row++)
            {
                builder.Append(basis.KeyName(row), basis.names[row], basis.kinds[row], basis.maxLengths[row], basis.Precision(row), basis.Extra(row));
            }

            return builder;
        }

        public void Add(string name, in FieldValues values)
        {
            var type = FieldDefinition.TypeOf(values.Type);
            string? target = values.Target ?? values.Targets?.FirstOrDefault();
            FieldExtra? extra = target is null && values.Values is null
                ? null
                : new FieldExtra(target, values.Targets is { Count: > 0 } targets ? targets : target is { } single ? new[] { single } : Array.Empty<string>(), values.Values);
            Set(name, Kind(type, values.Required ?? false, values.ReadOnly ?? false, values.Virtual ?? false), Pack(values.MaxLength), Pack(values.Precision), extra);
        }

        /// <summary>
        /// Joins a field of another definition of the entity: added when this one lacks it, else given its values
        /// when only the other lists them.
        /// </summary>
        public void Join(FieldTable other, int row)
        {
            string name = other.names[row];
            int known = Probe(index, Names, KeyNames, name);
            if (known < 0)
            {
                Append(name, name, other.kinds[row], other.maxLengths[row], other.Precision(row), other.Extra(row));
            }
            else if (Extras[known]?.Values is null && other.Extra(row)?.Values is { } values)
            {
                var extra = Extras[known];
                Extras[known] = new FieldExtra(extra?.Target, extra?.Targets ?? Array.Empty<string>(), values);
            }
        }

        public FieldTable Build() => new(this);

        private void Set(string name, byte kind, int maxLength, int precision, FieldExtra? extra)
        {
            int known = Probe(index, Names, KeyNames, name);
            if (known < 0)
            {
                Append(name, name, kind, maxLength, precision, extra);
                return;
            }

            // The first key stays what the field is found and listed by; the later field gives the values.
            if (!string.Equals(Names[known], name, StringComparison.Ordinal))
            {
                KeyNames ??= [];
                KeyNames.TryAdd(known, Names[known]);
                Names[known] = name;
            }

            Kinds[known] = kind;
            MaxLengths[known] = maxLength;
            Precisions[known] = precision;
            Extras[known] = extra;
        }

        private void Append(string key, string name, byte kind, int maxLength, int precision, FieldExtra? extra)
        {
            if (Count == Names.Length)
            {
                int size = Math.Max(8, Count * 2);
                Array.Resize(ref Names, size);
                Array.Resize(ref Kinds, size);
                Array.Resize(ref MaxLengths, size);
                Array.Resize(ref Precisions, size);
                Array.Resize(ref Extras, size);
            }

            int row = Count++;
            Names[row] = name;
            Kinds[row] = kind;
            MaxLengths[row] = maxLength;
            Precisions[row] = precision;
            Extras[row] = extra;
            if (!string.Equals(key, name, StringComparison.Ordinal))
            {
                KeyNames ??= [];
                KeyNames[row] = key;
            }

            if (Count * 4 > index.Length * 3)
            {
                index = new int[index.Length * 2];
                for (int i = 0; i < Count; i++)
                {
                    Insert(i);
                }
            }
            else
            {
                Insert(row);
            }
        }

        private void Insert(int row)
        {
            string key = KeyNames is not null && KeyNames.TryGetValue(row, out var first) ? first : Names[row];
            int mask = index.Length - 1;
            for (int slot = StringComparer.OrdinalIgnoreCase.GetHashCode(key) & mask; ; slot = (slot + 1) & mask)
            {
                if (index[slot] == 0)
                {
                    index[slot] = row + 1;
                    return;
                }
            }
        }
    }

    /// <summary>The rows as <see cref="FieldDefinition"/> views, made as they are enumerated.</summary>
    private sealed class RowList(FieldTable table) : IReadOnlyCollection<FieldDefinition>
    {
        public int Count => table.Count;

        public IEnumerator<FieldDefinition> GetEnumerator()
        {
            for (int row = 0; row < table.Count; row++)
            {
                yield return new FieldDefinition(table, row);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>What few fields have: a lookup's targets, a choice's values.</summary>
internal sealed record FieldExtra(string? Target, IReadOnlyList<string> Targets, IReadOnlyList<string>? Values);
