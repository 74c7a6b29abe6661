using MapLint.Text;

namespace MapLint.Model;

/// <summary>
/// One saved version of a dual-write map as the service stores it: a <c>msdyn_dualwriteentitymap</c> record, from a
/// Web API export or a solution. Only the facts the record rules need, each with where it is written.
/// </summary>
public sealed class MapRecord
{
    /// <summary>msdyn_name, which every saved version of one map shares.</summary>
    public required NameReference Name { get; init; }

    /// <summary>msdyn_displayname when the record has one, else the name: what the map is called in findings.</summary>
    public required NameReference DisplayName { get; init; }

    public string? Id { get; init; }

    public NameReference? Version { get; init; }

    public bool? IsManaged { get; init; }

    public TextSpan ManagedSpan { get; init; }

    /// <summary>0 active, 1 inactive; null when the export did not select statecode.</summary>
    public int? StateCode { get; init; }

    public string? CreatedOn { get; init; }

    /// <summary>The record itself (its object or element).</summary>
    public TextSpan Span { get; init; }

    /// <summary>
    /// A parked version such as 9.9.9.9: every part of it nines. It outranks any real version numerically, which is
    /// why it is parked there, and it is never the one MapLint checks while another exists.
    /// </summary>
    public bool IsSentinel => Version is { } version && IsSentinelVersion(version.Value);

    public static bool IsSentinelVersion(string version)
    {
        var parts = version.Split('.');
        return parts.Length > 1 && parts.All(p => p.Length > 0 && p.All(c => c == '9'));
    }

    public override string ToString() => Version is { } v ? $"{Name.Value} {v.Value}" : Name.Value;
}

/// <summary>
/// The records of one map (one <c>msdyn_name</c>) in one export: the version MapLint checks and the others, which
/// the service keeps but cannot run at the same time.
/// </summary>
public sealed class MapRecordSet
{
    public MapRecordSet(MapRecord checkedRecord, IReadOnlyList<MapRecord> others)
    {
        Checked = checkedRecord;
        Others = others;
    }

    public MapRecord Checked { get; }

    /// <summary>The other records of the same name, in file order.</summary>
    public IReadOnlyList<MapRecord> Others { get; }

    public IEnumerable<MapRecord> All => Others.Prepend(Checked);
}

/// <summary>A DIPV code the service itself already reported in a project document's <c>validationIssues</c>.</summary>
public sealed record ServiceValidationIssue(string Code, string Message, string? TaskName, TextSpan Span);
