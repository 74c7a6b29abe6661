using System.Diagnostics.Tracing;

namespace MapLint.Bench;

/// <summary>
/// Samples allocations by type in-process (the runtime's AllocationTick event, one per ~100 KB allocated): where
/// a stage's allocation goes, without an external profiler. Used by `warm --alloc`.
/// </summary>
public sealed class AllocationListener : EventListener
{
    private readonly Dictionary<string, long> bytesByType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> collections = new(StringComparer.Ordinal);

    // The runtime's GCStart reasons (GCReason in the runtime's event manifest), by number.
    private static readonly string[] Reasons = ["small allocation", "induced", "low memory", "empty", "large allocation", "out of space (SOH)", "out of space (LOH)", "induced, not forced", "stress", "low memory, host", "induced, compacting", "low memory, host, blocking", "bgc tuning (SOH)", "bgc tuning (LOH)", "bgc stepping", "induced, aggressive"];

    /// <summary>Collections by generation and the reason the runtime gave (what made a gen2 collection happen).</summary>
    public IReadOnlyList<(string Collection, int Count)> Collections()
    {
        lock (collections)
        {
            return collections.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList();
        }
    }

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
        if (data.EventName is { } start && start.StartsWith("GCStart", StringComparison.Ordinal) && data.Payload is not null && data.PayloadNames is not null)
        {
            int depth = data.PayloadNames.IndexOf("Depth"), reason = data.PayloadNames.IndexOf("Reason");
            if (depth >= 0 && reason >= 0)
            {
                int r = Convert.ToInt32(data.Payload[reason], System.Globalization.CultureInfo.InvariantCulture);
                string key = $"gen{data.Payload[depth]}: {(r >= 0 && r < Reasons.Length ? Reasons[r] : r.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
                lock (collections)
                {
                    collections[key] = collections.GetValueOrDefault(key) + 1;
                }
            }

            return;
        }

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

        // Large-object-heap allocations apart: they count toward the LOH budget, whose overrun is a gen2 collection.
        int kindIndex = data.PayloadNames.IndexOf("AllocationKind");
        string type = (data.Payload[typeIndex] as string ?? "?") + (kindIndex >= 0 && Convert.ToInt32(data.Payload[kindIndex], System.Globalization.CultureInfo.InvariantCulture) == 1 ? " (LOH)" : string.Empty);
        long amount = Convert.ToInt64(data.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture);
        lock (bytesByType)
        {
            bytesByType[type] = bytesByType.GetValueOrDefault(type) + amount;
        }
    }
}
