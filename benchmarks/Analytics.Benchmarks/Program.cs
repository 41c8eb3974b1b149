using Analytics.Benchmarks;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

const string usage = """
    Usage (from the repository root):
      dotnet run -c Release --project benchmarks/Analytics.Benchmarks -- ingest [--batches 100] [--batch-size 10000] [--requests 5000] [--connections 8] [--window-minutes 43200] [--app <Analytics.Web.dll>]
      dotnet run -c Release --project benchmarks/Analytics.Benchmarks -- dashboard [--events 10000000] [--reps 30] [--raw-reps 3] [--core-raw-reps 2] [--duck-reps 5]
      dotnet run -c Release --project benchmarks/Analytics.Benchmarks -- reports [--csv-rows 1000000] [--xlsx-rows 100000] [--pdf-reps 10] [--demo-days 120] [--out <folder>]
      dotnet run -c Release --project benchmarks/Analytics.Benchmarks -- soak [--minutes 10] [--demo-days 365] [--app <Analytics.Web.dll>]
    """;

try
{
    switch (args)
    {
        case ["ingest", .. var rest]:
            await MachineReport.WriteAsync(Console.Out, cancel.Token);
            return await new IngestBenchmark(CommandOptions.Parse(rest)).RunAsync(Console.Out, cancel.Token);
        case ["dashboard", .. var rest]:
            await MachineReport.WriteAsync(Console.Out, cancel.Token);
            return await new DashboardBenchmark(CommandOptions.Parse(rest)).RunAsync(Console.Out, cancel.Token);
        case ["reports", .. var rest]:
            await MachineReport.WriteAsync(Console.Out, cancel.Token);
            return await new ReportsBenchmark(CommandOptions.Parse(rest)).RunAsync(Console.Out, cancel.Token);
        case ["soak", .. var rest]:
            await MachineReport.WriteAsync(Console.Out, cancel.Token);
            return await new SoakBenchmark(CommandOptions.Parse(rest)).RunAsync(Console.Out, cancel.Token);
        default:
            Console.Error.WriteLine(usage);
            return 2;
    }
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
