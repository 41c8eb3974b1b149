using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Analytics.Tests.Infrastructure;

/// <summary>
/// The built web app as a real child process (<c>dotnet Analytics.Web.dll</c>) on a SQLite file: its admin commands,
/// or the server on a free loopback port, which a test may kill hard and start again on the same file.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly Lazy<string> WebDll = new(LocateWebDll);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private AppProcess(Process process, ConcurrentQueue<string> output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the server wrote so far, stdout and stderr interleaved: for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Runs one admin command (e.g. <c>tenant create acme</c>) to its end.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(
        string databasePath, IReadOnlyList<string> args, CancellationToken ct)
    {
        using var process = new Process { StartInfo = StartInfo(databasePath, args) };
        process.Start();
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Starts the server on a free port and returns once <c>GET /health</c> answers <c>Healthy</c>.</summary>
    public static async Task<AppProcess> StartAsync(string databasePath, CancellationToken ct)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var info = StartInfo(databasePath, []);
        info.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, output, baseAddress);
        try
        {
            await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), ct);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient(string key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Ends the server at once, as a crash or <c>kill -9</c> would: no shutdown, no flushing.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        var last = "no answer";
        while (deadline.Elapsed < timeout)
        {
            ct.ThrowIfCancellationRequested();
            if (_process.HasExited)
                throw new InvalidOperationException($"The server exited with {_process.ExitCode} before it was healthy:{Environment.NewLine}{Output}");
            try
            {
                using var response = await client.GetAsync("/health", ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode == HttpStatusCode.OK && body == "Healthy") return;
                last = $"{(int)response.StatusCode} {body}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
            {
                last = e.Message;
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"The server at {BaseAddress} was not healthy within {timeout.TotalSeconds:0} s (last: {last}):{Environment.NewLine}{Output}");
    }

    private static ProcessStartInfo StartInfo(string databasePath, IReadOnlyList<string> args)
    {
        var dll = WebDll.Value;
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            // The content root: the build output's appsettings.json, and no developer's appsettings.Local.json.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["Database__ConnectionString"] = $"Data Source={databasePath}";
        info.Environment["Seed__Demo__Enabled"] = "false";
        info.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("URLS");
        return info;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>The web app the build put next to this one: same configuration as the test assembly.</summary>
    private static string LocateWebDll()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Analytics.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"No Analytics.sln above {AppContext.BaseDirectory}.");
        var separator = Path.DirectorySeparatorChar;
        var configuration = AppContext.BaseDirectory.Contains($"{separator}Release{separator}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(root.FullName, "Analytics.Web", "bin", configuration, "net10.0", "Analytics.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the solution first: {dll} is missing.", dll);
    }
}
