using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace MapLint.Tests.Fuzzing;

/// <summary>
/// Numbered fuzz cases: everything a case does derives from its number, so a run is any range of numbers, split
/// over workers and resumed where the last batch ended, and a failure is replayed from its number alone.
/// <list type="bullet">
/// <item><c>MAPLINT_FUZZ_CASES=N</c>: how many (CI: each property's own count).</item>
/// <item><c>MAPLINT_FUZZ_FROM=K</c>: the first number (default 0); the next batch starts where this one ended.</item>
/// <item><c>MAPLINT_FUZZ_WORKERS=W</c>: cases run at once (default: one per core from 1,000 cases, else 1).</item>
/// <item><c>MAPLINT_FUZZ_REPLAY=n</c>: only case n, as a failure prints it.</item>
/// <item><c>MAPLINT_FUZZ_LOG=FILE</c>: a line per 1,000 cases done, for a long run watched from outside.</item>
/// </list>
/// </summary>
internal static class FuzzCases
{
    public readonly record struct Outcome(string Kind, string? Violation);

    private static long? Number(string name) =>
        long.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : null;

    /// <summary>Runs the cases of one property; fails with the lowest failing case's number and what broke there. Returns the cases per kind.</summary>
    public static Dictionary<string, int> Run(ITestOutputHelper output, string property, int ciCount, Func<long, Outcome> run)
    {
        long from = Number("MAPLINT_FUZZ_REPLAY") ?? Number("MAPLINT_FUZZ_FROM") ?? 0;
        int count = Number("MAPLINT_FUZZ_REPLAY") is null ? (int)(Number("MAPLINT_FUZZ_CASES") ?? ciCount) : 1;
        int workers = (int)(Number("MAPLINT_FUZZ_WORKERS") ?? (count >= 1_000 ? Environment.ProcessorCount : 1));
        string? log = Environment.GetEnvironmentVariable("MAPLINT_FUZZ_LOG") is { Length: > 0 } l ? l : null;
        var perKind = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var failures = new ConcurrentBag<(long Case, string What)>();
        int done = 0;
        var timer = Stopwatch.StartNew();
        Parallel.For(from, from + count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, workers) }, (n, state) =>
        {
            Outcome outcome;
            try
            {
                outcome = run(n);
            }
            catch (Exception ex)
            {
                outcome = new Outcome("?", "threw " + ex);
            }

            if (outcome.Violation is { } broke)
            {
                failures.Add((n, broke));
                state.Stop();
                return;
            }

            perKind.AddOrUpdate(outcome.Kind, 1, (_, c) => c + 1);
            int finished = Interlocked.Increment(ref done);
            if (log is not null && finished % 1_000 == 0)
            {
                lock (perKind)
                {
                    File.AppendAllText(log, string.Format(CultureInfo.InvariantCulture, "{0}: {1} of {2} cases from {3}, {4:F0} s\n", property, finished, count, from, timer.Elapsed.TotalSeconds));
                }
            }
        });

        if (!failures.IsEmpty)
        {
            var (first, what) = failures.MinBy(f => f.Case);
            Assert.Fail($"{property}, case {first} (replay: MAPLINT_FUZZ_REPLAY={first} dotnet test tests/MapLint.Core.Tests --filter FullyQualifiedName~{property}): {what}");
        }

        string summary = string.Format(
            CultureInfo.InvariantCulture,
            "{0}: cases {1} to {2} ({3}) in {4:F1} s with {5} worker(s): {6:F1} ms a case, {7:F1} ms of a worker; oracles held",
            property, from, from + count - 1, count, timer.Elapsed.TotalSeconds, workers, timer.Elapsed.TotalMilliseconds / Math.Max(1, count), timer.Elapsed.TotalMilliseconds * workers / Math.Max(1, count));
        output.WriteLine(summary);
        output.WriteLine("cases per kind: " + string.Join(", ", perKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}")));
        if (log is not null)
        {
            File.AppendAllText(log, summary + "\n");
        }

        Assert.Equal(count, perKind.Values.Sum());
        return new Dictionary<string, int>(perKind, StringComparer.Ordinal);
    }

    /// <summary>A well-mixed 64-bit number from a case number (SplitMix64), so neighbouring cases choose unrelated inputs.</summary>
    public static ulong Mix(long n)
    {
        ulong z = unchecked((ulong)n + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
