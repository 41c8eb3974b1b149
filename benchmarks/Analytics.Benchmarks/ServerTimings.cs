using System.Globalization;

namespace Analytics.Benchmarks;

/// <summary>The entries of the <c>Server-Timing</c> headers of many responses, e.g. <c>read;dur=12.3, record;dur=80.1</c>, by name.</summary>
public sealed class ServerTimings
{
    private readonly Dictionary<string, Timings> _byName = [];
    private readonly Lock _gate = new();

    public void Add(string header)
    {
        foreach (var entry in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split(';', StringSplitOptions.TrimEntries);
            var duration = parts.FirstOrDefault(p => p.StartsWith("dur=", StringComparison.Ordinal));
            if (duration is null || !double.TryParse(duration[4..], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)) continue;
            lock (_gate)
            {
                if (!_byName.TryGetValue(parts[0], out var timings)) _byName[parts[0]] = timings = new Timings();
                timings.Add(ms);
            }
        }
    }

    public override string ToString() =>
        _byName.Count == 0 ? "none reported" : string.Join(", ", _byName.Select(t => FormattableString.Invariant($"{t.Key} {t.Value.P50:N1} ms")));
}
