using System.Diagnostics;

namespace Analytics.Benchmarks;

/// <summary>
/// What one export costs: wall and CPU time (the process's, all threads; under load the wall time also holds waits for
/// a core), and memory apart from what the process held before it: the bytes the GC handed out while it
/// ran, the managed heap's growth (garbage included, sampled) and what is still held after a full collection, and the
/// process's working set above the level it had after a full collection just before the export began.
/// </summary>
public sealed class ExportCost : IDisposable
{
    private readonly Timer _timer;
    private readonly long _startAllocated;
    private readonly int _startGen0, _startGen1, _startGen2;
    private long _peakSet;
    private long _peakHeap;
    private readonly Stopwatch _watch;
    private readonly TimeSpan _startCpu;
    private bool _stopped;

    private ExportCost()
    {
        StartSet = Environment.WorkingSet;
        StartHeap = GC.GetTotalMemory(false);
        _peakSet = StartSet;
        _peakHeap = StartHeap;
        (_startGen0, _startGen1, _startGen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        _startAllocated = GC.GetTotalAllocatedBytes(precise: true);
        _timer = new Timer(_ => Sample(), null, 0, 10);
        _startCpu = Process.GetCurrentProcess().TotalProcessorTime;
        _watch = Stopwatch.StartNew();
    }

    /// <summary>Collects everything collectable, then starts measuring.</summary>
    public static ExportCost Start()
    {
        Collect();
        return new ExportCost();
    }

    public TimeSpan Wall { get; private set; }
    public TimeSpan Cpu { get; private set; }
    public long StartSet { get; }
    public long StartHeap { get; }
    public long Allocated { get; private set; }
    public long PeakSetAbove => _peakSet - StartSet;
    public long PeakHeapAbove => _peakHeap - StartHeap;
    public long RetainedAfter { get; private set; }
    public (int Gen0, int Gen1, int Gen2) Collections { get; private set; }

    /// <summary>Stops measuring: the export has returned.</summary>
    public void Stop()
    {
        if (_stopped) return;
        _watch.Stop();
        Cpu = Process.GetCurrentProcess().TotalProcessorTime - _startCpu;
        Wall = _watch.Elapsed;
        Sample();
        Allocated = GC.GetTotalAllocatedBytes(precise: true) - _startAllocated;
        Collections = (GC.CollectionCount(0) - _startGen0, GC.CollectionCount(1) - _startGen1, GC.CollectionCount(2) - _startGen2);
        _timer.Dispose();
        _stopped = true;
        Collect();
        RetainedAfter = GC.GetTotalMemory(false) - StartHeap;
    }

    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"allocated {Allocated / 1048576.0:N1} MiB (GCs gen0/1/2: {Collections.Gen0}/{Collections.Gen1}/{Collections.Gen2}), " +
        $"managed heap peak {PeakHeapAbove / 1048576.0:+0.0;-0.0;0.0} MiB, retained {RetainedAfter / 1048576.0:+0.0;-0.0;0.0} MiB; " +
        $"working set peak {PeakSetAbove / 1048576.0:+0.0;-0.0;0.0} MiB above {StartSet / 1048576.0:N0} MiB (peak {(StartSet + PeakSetAbove) / 1048576.0:N0} MiB)");

    /// <summary>Time and allocations only, for a run whose memory is not the point.</summary>
    public string Brief() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Wall.TotalSeconds:N2} s, CPU {Cpu.TotalSeconds:N2} s, allocated {Allocated / 1048576.0:N1} MiB");

    private static void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private void Sample()
    {
        Max(ref _peakSet, Environment.WorkingSet);
        Max(ref _peakHeap, GC.GetTotalMemory(false));
    }

    private static void Max(ref long peak, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen) { }
    }

    public void Dispose() => Stop();
}
