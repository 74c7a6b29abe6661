using System.Diagnostics;

namespace MapLint.Util;

/// <summary>
/// Where a run's time goes, phase by phase, printed to standard error when MAPLINT_TIMINGS=1 (profiling a hook run
/// or a build without a profiler). Off, it costs one flag test per phase; its output is never part of a report.
/// </summary>
public static class Timings
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private static readonly List<(string Phase, double Ms, double CpuMs)> Marks = [];
    private static double last;
    private static double lastCpu;

    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("MAPLINT_TIMINGS") == "1";

    /// <summary>The time since the previous mark (or since this class was first used) was spent on <paramref name="phase"/>.</summary>
    public static void Mark(string phase)
    {
        if (!Enabled)
        {
            return;
        }

        lock (Marks)
        {
            double now = Clock.Elapsed.TotalMilliseconds;
            double cpu = Cpu();
            Marks.Add((phase, now - last, cpu - lastCpu));
            last = now;
            lastCpu = cpu;
        }
    }

    /// <summary>Records a phase timed elsewhere (the engine's own laps), without moving the clock.</summary>
    public static void Add(string phase, TimeSpan elapsed)
    {
        if (Enabled)
        {
            lock (Marks)
            {
                Marks.Add(("  " + phase, elapsed.TotalMilliseconds, double.NaN));
            }
        }
    }

    /// <summary>The process's CPU time so far (user and system, all threads): on a shared machine the wall time is mostly waiting.</summary>
    private static double Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    /// <summary>Prints the marks, with the time from the process's start to the first use of this class.</summary>
    public static void Report(TextWriter writer)
    {
        if (!Enabled)
        {
            return;
        }

        lock (Marks)
        {
            double start;
            try
            {
                using var process = Process.GetCurrentProcess();
                start = (DateTime.Now - process.StartTime).TotalMilliseconds - Clock.Elapsed.TotalMilliseconds;
            }
            catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
            {
                start = double.NaN;
            }

            writer.Write(FormattableString.Invariant($"maplint timings: {start,8:0.0} ms  process start to Main\n"));
            foreach (var (phase, ms, cpu) in Marks)
            {
                writer.Write(FormattableString.Invariant($"maplint timings: {ms,8:0.0} ms {cpu,8:0.0} ms CPU  {phase}\n"));
            }

            writer.Write(FormattableString.Invariant($"maplint timings: {Clock.Elapsed.TotalMilliseconds,8:0.0} ms {Cpu(),8:0.0} ms CPU  Main to report (CPU: the whole process)\n"));
#if NET
            // What the run allocated and how long the GC stopped it (the bench's cold mode reads this line).
            writer.Write(FormattableString.Invariant($"maplint timings: GC allocated {GC.GetTotalAllocatedBytes(precise: false) / 1048576.0:0.0} MB paused {GC.GetTotalPauseDuration().TotalSeconds:0.000} s gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}\n"));
#endif
        }
    }
}
