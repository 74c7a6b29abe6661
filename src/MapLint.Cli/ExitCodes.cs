namespace MapLint.Cli;

/// <summary>The exit codes every front of MapLint uses.</summary>
public static class ExitCodes
{
    /// <summary>No errors (warnings allowed unless --warnaserror).</summary>
    public const int Success = 0;

    /// <summary>Errors were found (or warnings with --warnaserror).</summary>
    public const int DiagnosticsFound = 1;

    /// <summary>Bad usage, a path that does not exist, or nothing to check.</summary>
    public const int UsageError = 2;
}
