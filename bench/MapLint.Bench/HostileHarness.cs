using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MapLint.Bench;

/// <summary>
/// `hostile [--size N]`: the paths that were quadratic on hostile input (issue 16), each at N and 2N, in-process,
/// with the processor time of the check (engine and text report with source lines) and the ratio of the two: about
/// 2 is linear, about 4 quadratic. Cases: one map with N mappings that each break a rule (the per-file findings
/// cap), the same map minified onto one line with --show-source (source windows), and a connection set whose N/10
/// connections each name an unknown environment among N/10 (the environment index and the capped hints).
/// </summary>
public static class HostileHarness
{
    public static int Run(string[] args)
    {
        int size = int.Parse(args.SkipWhile(a => a != "--size").Skip(1).FirstOrDefault() ?? "20000", CultureInfo.InvariantCulture);
        Console.WriteLine("case | N | findings | processor s | ratio 2N/N");
        foreach (var (name, make) in new (string, Func<int, (string Path, string Text)>)[]
        {
            ("findings cap (one map, N broken mappings)", n => ("map.json", Map(n, minified: false))),
            ("--show-source on a minified 1-line map", n => ("map.json", Map(n, minified: true))),
            ("connections x environments (N/10 each)", n => ("connection-set.json", ConnectionSet(n / 10))),
        })
        {
            Measure(make(size / 4)); // JIT and type loading, not measured
            var small = Measure(make(size));
            var large = Measure(make(2 * size));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} | {1} | {2} | {3:F2} | ", name, size, small.Findings, small.Seconds));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} | {1} | {2} | {3:F2} | {4:F2}", name, 2 * size, large.Findings, large.Seconds, large.Seconds / small.Seconds));
        }

        return 0;
    }

    private static (int Findings, double Seconds) Measure((string Path, string Text) file)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = Linter.Run([(file.Path, Encoding.UTF8.GetBytes(file.Text))]);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        Reporting.TextReporter.Write(result, text, showSource: true);
        return (result.Diagnostics.Count, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>A table map (README, Documents) whose mappings all lack a source field.</summary>
    private static string Map(int mappings, bool minified)
    {
        string separator = minified ? " " : "\n    ";
        var text = new StringBuilder("{ \"kind\": \"tableMap\", \"name\": \"Customers\", \"source\": { \"app\": \"financeAndOperations\", \"entity\": \"CustomersV3\" }, \"destination\": { \"app\": \"dataverse\", \"entity\": \"account\" }, \"mappings\": [");
        for (int i = 0; i < mappings; i++)
        {
            text.Append(i == 0 ? separator : "," + separator).Append("{ \"direction\": \"=\", \"destination\": \"field").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\" }");
        }

        return text.Append(minified ? " ] }" : "\n  ]\n}\n").ToString();
    }

    /// <summary>A connection set (the shape of tests/MapLint.Core.Tests/Infrastructure/Fixture.cs) whose connections name environments it does not define.</summary>
    private static string ConnectionSet(int count)
    {
        var text = new StringBuilder("{\n  \"kind\": \"connectionSet\",\n  \"name\": \"Contoso\",\n  \"environments\": [\n");
        for (int i = 0; i < count; i++)
        {
            text.Append(string.Format(CultureInfo.InvariantCulture, "    {{ \"name\": \"env{0}\", \"app\": \"dataverse\", \"url\": \"https://contoso{0}.crm.dynamics.com\" }}{1}\n", i, i + 1 < count ? "," : string.Empty));
        }

        text.Append("  ],\n  \"connections\": [\n");
        for (int i = 0; i < count; i++)
        {
            text.Append(string.Format(CultureInfo.InvariantCulture, "    {{ \"name\": \"c{0}\", \"app\": \"dataverse\", \"environment\": \"missing{0}\" }}{1}\n", i, i + 1 < count ? "," : string.Empty));
        }

        return text.Append("  ],\n  \"organizationMappings\": [ { \"legalEntity\": \"USMF\", \"businessUnit\": \"USMF\" } ]\n}\n").ToString();
    }
}
