namespace QmsPortal.Benchmarks.Harness;

/// <summary>What the operating system charges the process (RSS) and what the managed heap holds.</summary>
internal sealed record MemorySnapshot(long RssBytes, long GcHeapBytes)
{
    public double RssMb => RssBytes / 1048576.0;

    public double GcHeapMb => GcHeapBytes / 1048576.0;
}

internal static class ProcessMemory
{
    /// <summary>
    /// After a full blocking, compacting collection, so the heap figure is what is still alive (caches,
    /// compiled queries, Razor views) rather than garbage waiting for the next GC.
    /// </summary>
    public static MemorySnapshot AfterFullGc()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return new MemorySnapshot(ResidentSetBytes(), GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes);
    }

    /// <summary>VmRSS from /proc/self/status (Linux); the working set elsewhere.</summary>
    public static long ResidentSetBytes()
    {
        const string StatusFile = "/proc/self/status";
        if (File.Exists(StatusFile))
        {
            foreach (var line in File.ReadLines(StatusFile))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kilobytes = long.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(),
                        System.Globalization.CultureInfo.InvariantCulture);
                    return kilobytes * 1024;
                }
            }
        }

        return Environment.WorkingSet;
    }
}
