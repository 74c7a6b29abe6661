using System.Globalization;
using System.Xml;

namespace MapLint.Text;

/// <summary>
/// MapLint's own words for a document the XML reader refused, for every XML reader ($metadata, solutions). The
/// reader's exception text is never passed on: it names the library's settings ("set the DtdProcessing property
/// on XmlReaderSettings") and quotes the document's names, which may be anything.
/// </summary>
public static class XmlProblem
{
    /// <summary>True when the reader refused a document type declaration (DTD processing is prohibited everywhere).</summary>
    public static bool DeclaresDtd(XmlException ex) => ex.Message.Contains("DTD", StringComparison.Ordinal);

    /// <summary>What is wrong, as a sentence without a final period.</summary>
    public static string Describe(XmlException ex)
    {
        string m = ex.Message;
        if (DeclaresDtd(ex))
        {
            return "it declares a document type (DTD), and MapLint never processes DTDs or resolves entities";
        }

        return m.Contains("Unexpected end of file", StringComparison.Ordinal) ? "it ends before its elements are closed"
            : m.Contains("Root element is missing", StringComparison.Ordinal) || m.Contains("Data at the root level", StringComparison.Ordinal) ? "it does not start with an XML element"
            : m.Contains("hexadecimal value", StringComparison.Ordinal) || m.Contains("Invalid character", StringComparison.Ordinal) ? "it holds a character XML does not allow"
            : m.Contains("does not match the end tag", StringComparison.Ordinal) ? "an end tag does not match its start tag"
            : m.Contains("multiple root elements", StringComparison.Ordinal) ? "it has more than one root element"
            : "its markup is broken";
    }

    /// <summary>The position the reader gave, as "line L, column C" (1-based), or null when it gave none.</summary>
    public static string? Position(XmlException ex) =>
        ex.LineNumber > 0 ? string.Format(CultureInfo.InvariantCulture, "line {0}, column {1}", ex.LineNumber, Math.Max(1, ex.LinePosition)) : null;
}
