using System.Globalization;
using System.Text;

namespace MapLint.Bench;

/// <summary>
/// Writes a realistic workspace, deterministic from a seed: N table maps of 50–150 field mappings (some one way,
/// some through lookups into other maps' tables), a connection set, and metadata for every entity on both sides
/// (split into files of 250 entities so no file nears the size limit). With <c>oneTable</c> every map writes the
/// same Dataverse table, whose lookups point back into it: the shape that made the sync rules quadratic.
/// </summary>
public static class CorpusGenerator
{
    public static void Write(string folder, int maps, int seed, bool oneTable = false)
    {
        var random = new Random(seed);
        Directory.CreateDirectory(Path.Combine(folder, "maps"));
        Directory.CreateDirectory(Path.Combine(folder, "metadata"));
        var fieldCounts = Enumerable.Range(0, maps).Select(_ => random.Next(50, 151)).ToArray();
        for (int i = 0; i < maps; i++)
        {
            var text = new StringBuilder();
            text.Append("{\n  \"kind\": \"tableMap\",\n  \"name\": \"Entity ").Append(N(i)).Append(" (tbl").Append(N(oneTable ? 0 : i)).Append(")\",\n");
            text.Append("  \"source\": { \"app\": \"financeAndOperations\", \"entity\": \"Entity").Append(N(i)).Append("\" },\n");
            text.Append("  \"destination\": { \"app\": \"dataverse\", \"entity\": \"tbl").Append(N(oneTable ? 0 : i)).Append("\" },\n");
            text.Append("  \"mappings\": [\n");
            for (int k = 0; k < fieldCounts[i]; k++)
            {
                string destination = IsLookup(i, k, out _) ? $"lkp{N(k)}.fld0" : $"fld{N(k)}";
                string direction = k == 0 || k % 7 != 3 ? "=" : ">";
                text.Append("    { \"source\": \"FIELD").Append(N(k)).Append("\", \"direction\": \"").Append(direction).Append("\", \"destination\": \"").Append(destination).Append("\" }");
                text.Append(k + 1 < fieldCounts[i] ? ",\n" : "\n");
            }

            text.Append("  ]\n}\n");
            File.WriteAllText(Path.Combine(folder, "maps", $"map{N(i)}.json"), text.ToString());
        }

        for (int start = 0; start < maps; start += 250)
        {
            int end = Math.Min(maps, start + 250);
            File.WriteAllText(Path.Combine(folder, "metadata", $"fo-{N(start)}.json"), Metadata("financeAndOperations", start, end, fieldCounts, dataverse: false));
            if (!oneTable)
            {
                File.WriteAllText(Path.Combine(folder, "metadata", $"dataverse-{N(start)}.json"), Metadata("dataverse", start, end, fieldCounts, dataverse: true));
            }
        }

        if (oneTable)
        {
            File.WriteAllText(Path.Combine(folder, "metadata", "dataverse-one-table.json"), OneTable());
        }

        File.WriteAllText(Path.Combine(folder, "connection-set.json"), """
            { "kind": "connectionSet", "name": "Benchmark",
              "environments": [
                { "name": "fo", "app": "financeAndOperations", "url": "https://bench.operations.dynamics.com" },
                { "name": "dv", "app": "dataverse", "url": "https://bench.crm.dynamics.com" } ],
              "connections": [ { "name": "fo", "app": "financeAndOperations", "environment": "fo" }, { "name": "dv", "app": "dataverse", "environment": "dv" } ] }
            """);
    }

    /// <summary>About one mapping in sixteen is a lookup, into a table of an earlier map (so the graph is a DAG).</summary>
    private static bool IsLookup(int map, int field, out int target)
    {
        target = map == 0 ? 0 : (map * 31 + field * 17) % map;
        return map > 0 && field > 0 && field % 16 == 5;
    }

    private static string Metadata(string app, int start, int end, int[] fieldCounts, bool dataverse)
    {
        var text = new StringBuilder();
        text.Append("{\n  \"kind\": \"entityMetadata\",\n  \"app\": \"").Append(app).Append("\",\n  \"entities\": {\n");
        for (int i = start; i < end; i++)
        {
            text.Append("    \"").Append(dataverse ? "tbl" : "Entity").Append(N(i)).Append("\": {\n");
            if (dataverse)
            {
                text.Append("      \"keys\": [[\"fld0\"]],\n");
            }

            text.Append("      \"fields\": {\n");
            for (int k = 0; k < fieldCounts[i]; k++)
            {
                bool lookup = dataverse && IsLookup(i, k, out _);
                IsLookup(i, k, out int t);
                string name = dataverse ? (lookup ? $"lkp{N(k)}" : $"fld{N(k)}") : $"FIELD{N(k)}";
                string type = lookup ? $"{{ \"type\": \"lookup\", \"target\": \"tbl{N(t)}\" }}" : "{ \"type\": \"string\", \"maxLength\": 60 }";
                text.Append("        \"").Append(name).Append("\": ").Append(type).Append(k + 1 < fieldCounts[i] ? ",\n" : "\n");
            }

            text.Append("      }\n    }").Append(i + 1 < end ? ",\n" : "\n");
        }

        text.Append("  }\n}\n");
        return text.ToString();
    }

    /// <summary>The one table every map writes: every field any map names, its lookups pointing into itself.</summary>
    private static string OneTable()
    {
        var text = new StringBuilder();
        text.Append("{\n  \"kind\": \"entityMetadata\",\n  \"app\": \"dataverse\",\n  \"entities\": {\n    \"tbl0\": {\n      \"keys\": [[\"fld0\"]],\n      \"fields\": {\n");
        for (int k = 0; k <= 150; k++)
        {
            text.Append("        \"fld").Append(N(k)).Append("\": { \"type\": \"string\", \"maxLength\": 60 },\n");
            text.Append("        \"lkp").Append(N(k)).Append("\": { \"type\": \"lookup\", \"target\": \"tbl0\" }").Append(k < 150 ? ",\n" : "\n");
        }

        text.Append("      }\n    }\n  }\n}\n");
        return text.ToString();
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
