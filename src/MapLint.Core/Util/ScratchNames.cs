namespace MapLint.Util;

/// <summary>
/// A set of names (case ignored) that each thread empties and uses again, for the distinct columns every map is
/// asked for on each side while it is checked and compacted: a set made per call was a large part of what a
/// 10,000-map check allocated. Only for code that fills it and is done with it before calling anything that
/// could take it again.
/// </summary>
internal static class ScratchNames
{
    [ThreadStatic]
    private static HashSet<string>? set;

    public static HashSet<string> Take()
    {
        var names = set ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        names.Clear();
        return names;
    }
}
