using MapLint.Syntax;
using MapLint.Text;

namespace MapLint.Model;

public enum DocumentKind
{
    TableMap,
    ConnectionSet,
    Project,
    EntityMetadata,
}

/// <summary>A bound MapLint document: its file, text and syntax, plus the typed view built by its binder.</summary>
public abstract class MapLintDocument
{
    protected MapLintDocument(SourceFile file, JsonObject root)
    {
        File = file;
        Root = root;
        var nameNode = root.Get("name") as JsonString;
        Name = nameNode?.Value ?? string.Empty;
        NameSpan = nameNode?.Span ?? root.AnchorSpan;
        Suppressions = Suppression.Read(root, root.Span);
    }

    public abstract DocumentKind Kind { get; }

    public SourceFile File { get; }

    public JsonObject Root { get; private protected set; }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    /// <summary>Suppressions written at the top of the document; they cover all of it.</summary>
    public IReadOnlyList<Suppression> Suppressions { get; }

    /// <summary>
    /// The top level of <paramref name="root"/> without one property, whose bound parts keep no syntax: what a
    /// document holds on to after binding, so the rest of its tree can be collected.
    /// </summary>
    private protected static JsonObject Without(JsonObject root, string name)
    {
        var trimmed = new JsonObject(root.Span) { OwnerProperty = root.OwnerProperty };
        foreach (var property in root.Properties)
        {
            if (property.Name != name)
            {
                property.Value.Parent = trimmed;
                trimmed.Add(property);
            }
        }

        return trimmed;
    }

    public override string ToString() => $"{Kind} '{Name}' ({File.DisplayPath})";
}

/// <summary>A file of the workspace: the path shown to users and its decoded text.</summary>
public sealed class SourceFile
{
    public SourceFile(string fullPath, string displayPath, SourceText text)
    {
        FullPath = fullPath;
        DisplayPath = displayPath;
        Text = text;
    }

    public string FullPath { get; }

    public string DisplayPath { get; }

    public SourceText Text { get; }
}

/// <summary>A name written in a document, with where it was written.</summary>
public readonly record struct NameReference(string Value, TextSpan Span)
{
    public static NameReference? From(JsonNode? node) => node is JsonString text ? new NameReference(text.Value, text.Span) : null;
}
