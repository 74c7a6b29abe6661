using System.Diagnostics.Tracing;

namespace MapLint.Bench;

/// <summary>
/// Samples allocations by type in-process (the runtime's AllocationTick event, one per ~100 KB allocated): where
/// a stage's allocation goes, without an external profiler. Used by `warm --alloc`.
/// </summary>
public sealed class AllocationListener : EventListener
{
    private readonly Dictionary<string, long> bytesByType = new(StringComparer.Ordinal);

    public IReadOnlyList<(string Type, long Bytes)> Top(int count)
    {
        lock (bytesByType)
        {
            return bytesByType.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value)).ToList();
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (data.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || data.Payload is null || data.PayloadNames is null)
        {
            return;
        }

        int typeIndex = data.PayloadNames.IndexOf("TypeName");
        int amountIndex = data.PayloadNames.IndexOf("AllocationAmount64");
        if (typeIndex < 0 || amountIndex < 0)
        {
            return;
        }

        string type = data.Payload[typeIndex] as string ?? "?";
        long amount = Convert.ToInt64(data.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture);
        lock (bytesByType)
        {
            bytesByType[type] = bytesByType.GetValueOrDefault(type) + amount;
        }
    }
}
