namespace MapLint.LanguageServer;

/// <summary>
/// Runs the analysis on its own thread once edits pause for the debounce interval: typing a word costs one
/// analysis, not one per keystroke. Requests while it runs are not lost: another analysis follows.
/// </summary>
internal sealed class AnalysisScheduler : IDisposable
{
    private readonly Action analyze;
    private readonly Action<Exception> failed;
    private readonly object gate = new();
    private readonly Thread thread;
    private DateTime? due;
    private bool stopped;

    public AnalysisScheduler(TimeSpan debounce, Action analyze, Action<Exception> failed)
    {
        Debounce = debounce;
        this.analyze = analyze;
        this.failed = failed;
        thread = new Thread(Loop) { IsBackground = true, Name = "maplint analysis" };
        thread.Start();
    }

    public TimeSpan Debounce { get; set; }

    public void Request()
    {
        lock (gate)
        {
            due = DateTime.UtcNow + Debounce;
            Monitor.Pulse(gate);
        }
    }

    private void Loop()
    {
        while (true)
        {
            lock (gate)
            {
                while (!stopped && (due is null || due > DateTime.UtcNow))
                {
                    var wait = due is { } d ? d - DateTime.UtcNow : Timeout.InfiniteTimeSpan;
                    Monitor.Wait(gate, wait < TimeSpan.Zero ? TimeSpan.Zero : wait);
                }

                if (stopped)
                {
                    return;
                }

                due = null;
            }

            try
            {
                analyze();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failed(ex);
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            stopped = true;
            Monitor.Pulse(gate);
        }
    }
}
