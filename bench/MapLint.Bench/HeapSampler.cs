using System.Diagnostics;
using System.Globalization;

namespace MapLint.Bench;

/// <summary>
/// `warm --alloc`: what the heap held at its fullest during a run. Every 50 ms it reads the last full collection's
/// figures (what survived it is what was live then) and the committed bytes and working set now, and keeps the
/// largest: the live heap at peak, set beside what the process held (peak RSS less the live heap is what the
/// collector's budgets and the runtime cost).
/// </summary>
internal sealed class HeapSampler : IDisposable
{
    private readonly Thread thread;
    private volatile bool stop;
    private long live, committed, workingSet, lastIndex = -1;

    public HeapSampler()
    {
        thread = new Thread(Sample) { IsBackground = true };
        thread.Start();
    }

    public void Report()
    {
        stop = true;
        thread.Join();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    at most: {live / 1048576.0:0} MB live after a full collection, {committed / 1048576.0:0} MB committed by the GC, {workingSet / 1048576.0:0} MB working set"));
    }

    public void Dispose() => stop = true;

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        while (!stop)
        {
            var full = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            if (full.Index != lastIndex)
            {
                lastIndex = full.Index;
                live = Math.Max(live, full.PromotedBytes);
            }

            committed = Math.Max(committed, GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes);
            process.Refresh();
            workingSet = Math.Max(workingSet, process.WorkingSet64);
            Thread.Sleep(50);
        }
    }
}
