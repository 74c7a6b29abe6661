using MapLint.Model;
using MapLint.Text;

namespace MapLint.Semantics;

/// <summary>
/// A field of a map's integration key that the map must map, where to report about it (the map's own
/// integrationKey entry, else the key side's entity), and the mappings that touch it on the key side.
/// </summary>
public sealed record IntegrationKeyField(string Name, TextSpan Span, string JsonPath, IReadOnlyList<FieldMapping> Mappings, MapSide Side);
