using MapLint.Diagnostics;
using MapLint.Syntax;

namespace MapLint.BusinessCentral;

/// <summary>
/// Reads one .al file: decodes it (UTF-8, with or without a byte order mark; anything else is DIPV2006),
/// tokenizes it and reads its objects. What cannot be read is reported on the file (DIPV2500) and the rest is
/// still read; a file without integration mappings costs nothing more and reports nothing.
/// </summary>
public static class AlFileReader
{
    /// <summary>At most this many syntax findings per file: a file that is not AL at all says so without a flood.</summary>
    public const int MaxProblemsPerFile = 10;

    public static bool IsAlFile(string path) => path.EndsWith(".al", StringComparison.OrdinalIgnoreCase);

    public static AlFile? Read(string displayPath, byte[] bytes, DiagnosticBag bag)
    {
        var text = SourceDecoder.Decode(bytes, bag);
        if (text is null)
        {
            return null;
        }

        var problems = new List<AlSyntaxProblem>();
        var tokens = AlTokenizer.Tokenize(text.Utf8, problems);
        var objects = AlObjectReader.Read(tokens, problems);
        foreach (var problem in problems.OrderBy(p => p.Span.Start).Take(MaxProblemsPerFile))
        {
            bag.Add(BusinessCentralRules.AlSyntax, problem.Span, null, problem.Message);
        }

        return new AlFile(displayPath, text, tokens, objects);
    }
}
