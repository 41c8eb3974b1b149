using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Analytics.Benchmarks;

/// <summary>What the figures were measured on, printed before them.</summary>
public static class MachineReport
{
    public static async Task WriteAsync(TextWriter output, CancellationToken ct)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        var sqlite = await command.ExecuteScalarAsync(ct);
        output.WriteLine($"Date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}; {Environment.ProcessorCount} cores; {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}");
        output.WriteLine($".NET {RuntimeInformation.FrameworkDescription}; server GC {GCSettings.IsServerGC}; SQLite {sqlite}");
        // Other work on the machine shares its cores: the load average says how much.
        if (File.Exists("/proc/loadavg"))
            output.WriteLine($"Load average (1, 5, 15 min): {string.Join(", ", (await File.ReadAllTextAsync("/proc/loadavg", ct)).Split(' ').Take(3))}");
        output.WriteLine();
    }
}
