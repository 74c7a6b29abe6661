using System.Text;
using MapLint.Diagnostics;
using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Fixes;

/// <summary>
/// The text a fix edits and its syntax tree, parsed again from the text (the bound model lets its tree go), with
/// what an edit needs to look like its neighbours: the line break in use and the indentation of a line.
/// </summary>
public sealed class FixDocument
{
    private readonly Lazy<JsonNode?> root;

    public FixDocument(byte[] utf8)
    {
        Utf8 = utf8;
        Text = new SourceText(utf8);
        root = new Lazy<JsonNode?>(() => JsonParser.Parse(Text, new DiagnosticBag(string.Empty, Text)));
    }

    public byte[] Utf8 { get; }

    public SourceText Text { get; }

    public JsonNode? Root => root.Value;

    /// <summary>"\r\n" when the document's first line ends so, else "\n".</summary>
    public string LineBreak
    {
        get
        {
            int newline = Array.IndexOf(Utf8, (byte)'\n');
            return newline > 0 && Utf8[newline - 1] == (byte)'\r' ? "\r\n" : "\n";
        }
    }

    public string GetText(TextSpan span) => Text.GetText(span);

    /// <summary>The spaces and tabs that start the line holding <paramref name="offset"/>.</summary>
    public string IndentationAt(int offset)
    {
        int start = Text.GetLineStart(Text.GetLineIndex(offset));
        int end = start;
        while (end < Utf8.Length && (Utf8[end] == (byte)' ' || Utf8[end] == (byte)'\t'))
        {
            end++;
        }

        return Encoding.UTF8.GetString(Utf8, start, end - start);
    }

    /// <summary>True when only spaces and tabs stand between the start of its line and <paramref name="offset"/>.</summary>
    public bool StartsLine(int offset) => IndentationAt(offset).Length == offset - Text.GetLineStart(Text.GetLineIndex(offset));

    /// <summary>The node a JSON path such as <c>$.mappings[2].transform.valueMap[0]</c> names, or null.</summary>
    public JsonNode? Find(string? path) => path is null || Root is null ? null : JsonPaths.Find(Root, path);
}
