using System.Globalization;
using MapLint.Syntax;

namespace MapLint.Fixes;

/// <summary>Walks the JSON paths diagnostics carry (<c>$.a.b[2]</c>, <c>$['a b']</c>) down a syntax tree.</summary>
internal static class JsonPaths
{
    public static JsonNode? Find(JsonNode root, string path)
    {
        if (!path.StartsWith("$", StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode? node = root;
        int i = 1;
        while (node is not null && i < path.Length)
        {
            if (path[i] == '.')
            {
                int end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }

                node = (node as JsonObject)?.Get(path.Substring(i + 1, end - i - 1));
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                int end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                node = (node as JsonObject)?.Get(path.Substring(i + 2, end - i - 2).Replace("\\'", "'"));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                int end = path.IndexOf(']', i);
                if (end < 0 || !int.TryParse(path.Substring(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                {
                    return null;
                }

                node = node is JsonArray array && index < array.Items.Count ? array.Items[index] : null;
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return node;
    }
}
