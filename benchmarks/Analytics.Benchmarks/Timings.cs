namespace Analytics.Benchmarks;

/// <summary>The durations of repeated runs of one thing, in milliseconds, and their percentiles.</summary>
public sealed class Timings
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public double Total => _milliseconds.Sum();

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double P99 => Percentile(0.99);

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public void Add(double milliseconds) => _milliseconds.Add(milliseconds);

    /// <summary>Linear interpolation between the closest ranks, so three samples give a p95 close to their maximum.</summary>
    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0) return double.NaN;
        var sorted = _milliseconds.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
