using System.Globalization;
using System.Runtime.CompilerServices;

namespace Analytics.Benchmarks;

/// <summary>
/// Report rows as the writers take them, from a small set of cells made once: one row array is reused and every cell
/// is a string or a box made up front, so reading a million rows allocates nothing and what a measurement sees is the
/// writer's own cost.
/// </summary>
public sealed class BenchmarkRows
{
    private const int Days = 730, Values = 977, Counts = 97;

    private readonly string[] _periods = new string[Days];
    private readonly object[] _starts = new object[Days];
    private readonly object[][] _values = new object[Values][];
    private readonly object[] _counts = new object[Counts];
    private readonly object _change = 0.111;

    public BenchmarkRows()
    {
        var start = new DateTime(2024, 1, 1);
        for (var d = 0; d < Days; d++)
        {
            _periods[d] = start.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _starts[d] = start.AddDays(d);
        }
        for (var v = 0; v < Values; v++)
        {
            var value = 1000 + v * 1.25;
            // The value, then the previous period, min, max and average of the workbook's rows.
            _values[v] = [value, value * 0.9, value / 10, value * 2, value / 3];
        }
        for (var c = 0; c < Counts; c++) _counts[c] = (long)c;
    }

    /// <summary>CSV rows: metric, module, aggregate, period, start, value, events.</summary>
    public async IAsyncEnumerable<IReadOnlyList<object?>> CsvAsync(long count, [EnumeratorCancellation] CancellationToken ct)
    {
        var row = new object?[7];
        row[0] = "order_value";
        row[1] = "fulfillment";
        row[2] = "sum";
        for (long i = 0; i < count; i++)
        {
            if (i % 65_536 == 0)
            {
                ct.ThrowIfCancellationRequested();
                await Task.Yield();
            }
            row[3] = _periods[i % Days];
            row[4] = _starts[i % Days];
            row[5] = _values[i % Values][0];
            row[6] = _counts[i % Counts];
            yield return row;
        }
    }

    /// <summary>Workbook rows of 10 cells: metric, period, start, value, previous, change, min, max, average, events.</summary>
    public IEnumerable<IReadOnlyList<object?>> Xlsx(int count)
    {
        var row = new object?[10];
        row[0] = "order_value";
        row[5] = _change;
        for (var i = 0; i < count; i++)
        {
            var values = _values[i % Values];
            row[1] = _periods[i % Days];
            row[2] = _starts[i % Days];
            row[3] = values[0];
            row[4] = values[1];
            row[6] = values[2];
            row[7] = values[3];
            row[8] = values[4];
            row[9] = _counts[i % Counts];
            yield return row;
        }
    }
}
