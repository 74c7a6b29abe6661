using System.Text.RegularExpressions;

namespace MapLint.Util;

/// <summary>
/// The options of patterns that run over whole lines and values of user files: without backtracking, so matching
/// stays linear whatever the file holds. .NET Framework (the MSBuild task inside Visual Studio) has no such engine;
/// there the patterns run as written.
/// </summary>
internal static class LinearRegex
{
#if NET
    public const RegexOptions Options = RegexOptions.NonBacktracking;
#else
    public const RegexOptions Options = RegexOptions.None;
#endif
}
