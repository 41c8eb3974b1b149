using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Analytics.Benchmarks;

/// <summary>The real app (a Release <c>Analytics.Web.dll</c>) run as its own process, and its admin command line.</summary>
public static class AppUnderTest
{
    /// <summary>The app named by <c>--app</c>, else the repository's Release build; null (with a message) when it is missing.</summary>
    public static string? Locate(CommandOptions options)
    {
        var app = options.Text("app") ?? Path.Combine(RepositoryRoot(), "Analytics.Web", "bin", "Release", "net10.0", "Analytics.Web.dll");
        if (File.Exists(app)) return app;
        Console.Error.WriteLine($"{app} is missing: run 'dotnet build -c Release Analytics.Web' first, or pass --app <path to Analytics.Web.dll>.");
        return null;
    }

    public static async Task<string> RunCliAsync(string app, IReadOnlyDictionary<string, string> environment, string[] args, CancellationToken ct)
    {
        using var process = Start(app, environment, args, out var log);
        await process.WaitForExitAsync(ct);
        process.WaitForExit(); // lets the asynchronous output readers drain
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{string.Join(' ', args)}' exited with {process.ExitCode}:\n{log}");
        return log.ToString();
    }

    public static Process Start(string app, IReadOnlyDictionary<string, string> environment, string[] args, out StringBuilder log)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            // The app reads appsettings.json from its content root, the folder it runs in.
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(app);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
        var captured = new StringBuilder();
        // Drained continuously, so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (captured) captured.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (captured) captured.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        log = captured;
        return process;
    }

    public static async Task WaitHealthyAsync(HttpClient http, Process server, StringBuilder log, CancellationToken ct, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(60)))
        {
            if (server.HasExited) throw new InvalidOperationException($"The app exited with {server.ExitCode}:\n{log}");
            try
            {
                using var response = await http.GetAsync("health", ct);
                if (await response.Content.ReadAsStringAsync(ct) == "Healthy") return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException($"/health did not answer Healthy in time:\n{log}");
    }

    public static string PeakMemory(Process server)
    {
        try { return $"{server.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MiB"; }
        catch (InvalidOperationException) { return "n/a"; }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Analytics.sln"))) return folder.FullName;
        return Directory.GetCurrentDirectory();
    }
}
