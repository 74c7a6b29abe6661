using System.Globalization;
using System.Text;
using System.Xml;
using MapLint.Diagnostics;

namespace MapLint.Reporting;

/// <summary>
/// JUnit XML, the format test-report tabs read (Azure DevOps PublishTestResults, GitLab, Jenkins): one test suite
/// per checked file, one failing test case per error or warning, one passing case for a file without any.
/// </summary>
public static class JUnitReporter
{
    public static string Write(LintResult result)
    {
        var findings = result.Diagnostics.Where(d => !d.IsSuppressed && d.Severity is Severity.Error or Severity.Warning).ToList();
        var files = findings.Select(d => d.Location.Path)
            .Concat(result.DocumentPaths)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var byFile = findings.ToLookup(d => d.Location.Path, StringComparer.Ordinal);
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(new StringWriter(builder, CultureInfo.InvariantCulture), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "MapLint");
            xml.WriteAttributeString("tests", Count(files.Sum(f => Math.Max(1, byFile[f].Count()))));
            xml.WriteAttributeString("failures", Count(findings.Count));
            foreach (var file in files)
            {
                var cases = byFile[file].ToList();
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", Clean(file));
                xml.WriteAttributeString("tests", Count(Math.Max(1, cases.Count)));
                xml.WriteAttributeString("failures", Count(cases.Count));
                xml.WriteAttributeString("errors", "0");
                if (cases.Count == 0)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", Clean(file));
                    xml.WriteAttributeString("name", "no findings");
                    xml.WriteEndElement();
                }

                foreach (var d in cases)
                {
                    var start = d.Location.LineSpan.Start;
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", Clean(file));
                    xml.WriteAttributeString("name", string.Format(CultureInfo.InvariantCulture, "{0} ({1},{2})", d.Id, start.Line, start.Column));
                    xml.WriteAttributeString("file", Clean(file));
                    xml.WriteAttributeString("line", Count(start.Line));
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("type", d.Severity == Severity.Error ? "error" : "warning");
                    xml.WriteAttributeString("message", Clean(d.Message));
                    xml.WriteString(Clean(d.ToString()) + (d.Descriptor.HelpLink is { } help ? "\n" + help : string.Empty));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"") + "\n";
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The shared escaping first (the report is often printed to a CI log: an ESC, a bidirectional override or an
    /// Azure DevOps '##vso[' in a name must not act there, fuzzing found), then characters XML 1.0 cannot hold
    /// (a lone surrogate) become U+FFFD.
    /// </summary>
    private static string Clean(string text)
    {
        text = OutputText.Line(text);
        if (!text.Any(c => !XmlConvert.IsXmlChar(c)))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return builder.ToString();
    }
}
