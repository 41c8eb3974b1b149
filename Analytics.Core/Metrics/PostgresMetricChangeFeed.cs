using System.Text.Json;
using System.Threading.Channels;
using Analytics.Core.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Analytics.Core.Metrics;

/// <summary>
/// The change feed of several nodes on one PostgreSQL database. A node delivers its own changes to its subscribers at
/// once (through the in-process feed, which coalesces them to one notification per second) and tells the other nodes
/// with <c>NOTIFY</c>; a listening connection with reconnect hands their changes to the same in-process feed.
/// A node that was disconnected misses what was sent meanwhile; dashboards refresh on their next change or reload.
/// </summary>
public sealed partial class PostgresMetricChangeFeed : BackgroundService, IMetricChangeFeed
{
    public const string Channel = "analytics_metric_changes";

    /// <summary>The application name of the listening connections, to find them in <c>pg_stat_activity</c>.</summary>
    public const string ListenerName = "analytics-change-feed";

    /// <summary>NOTIFY payloads must stay under 8000 bytes: longer name lists go out in several notifications.</summary>
    private const int MaxPayloadBytes = 7000;

    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(30);

    private readonly InProcessMetricChangeFeed _local;
    private readonly ILogger<PostgresMetricChangeFeed> _logger;
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _listenConnectionString;
    private readonly Channel<(int TenantId, string[] Names)> _outbox =
        System.Threading.Channels.Channel.CreateBounded<(int, string[])>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
    private TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PostgresMetricChangeFeed(InProcessMetricChangeFeed local, IOptions<DatabaseOptions> options, ILogger<PostgresMetricChangeFeed> logger)
    {
        _local = local;
        _logger = logger;
        var connectionString = options.Value.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(connectionString);
        // The listening connection lives for hours: keepalives notice a dead server, and it stays out of the pool.
        _listenConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 15, ApplicationName = ListenerName }.ToString();
    }

    /// <summary>A node's own id in its notifications, so it does not deliver its own changes twice.</summary>
    public Guid NodeId { get; } = Guid.NewGuid();

    /// <summary>Completes once this node listens (again): for tests and readiness.</summary>
    public Task Listening => Volatile.Read(ref _listening).Task;

    public void Publish(int tenantId, IReadOnlyCollection<string> names)
    {
        if (names.Count == 0) return;
        _local.Publish(tenantId, names);
        _outbox.Writer.TryWrite((tenantId, names.ToArray()));
    }

    public IDisposable Subscribe(int tenantId, Func<MetricChange, Task> onChange) => _local.Subscribe(tenantId, onChange);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SendAsync(stoppingToken), ListenAsync(stoppingToken));

    private async Task SendAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var (tenantId, names) in _outbox.Reader.ReadAllAsync(ct))
            {
                try
                {
                    await using var command = _dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
                    var channel = command.Parameters.AddWithValue("channel", Channel);
                    var payload = command.Parameters.AddWithValue("payload", "");
                    foreach (var part in Payloads(NodeId, tenantId, names))
                    {
                        payload.Value = part;
                        await command.ExecuteNonQueryAsync(ct);
                    }
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    LogSendFailed(_logger, e, tenantId);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_listenConnectionString);
                connection.Notification += (_, e) => Receive(e.Payload);
                await connection.OpenAsync(ct);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                LogListening(_logger, NodeId);
                delay = TimeSpan.FromMilliseconds(250);
                Volatile.Read(ref _listening).TrySetResult();
                while (true) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Anything that breaks the connection — a restarted server, a network cut — ends in a new one.
                if (Volatile.Read(ref _listening).Task.IsCompleted)
                    Volatile.Write(ref _listening, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                LogListenFailed(_logger, e, delay.TotalSeconds);
                try { await Task.Delay(delay, ct); }
                catch (OperationCanceledException) { return; }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
            }
        }
    }

    private void Receive(string payload)
    {
        try
        {
            var message = JsonSerializer.Deserialize<Notification>(payload);
            if (message is null || message.Node == NodeId || message.Names is not { Length: > 0 } names) return;
            _local.Publish(message.Tenant, names);
        }
        catch (JsonException e)
        {
            LogBadPayload(_logger, e);
        }
    }

    /// <summary>One or more JSON payloads <c>{"node","tenant","names"}</c>, each under the NOTIFY size limit.</summary>
    internal static IEnumerable<string> Payloads(Guid node, int tenantId, IReadOnlyList<string> names)
    {
        var part = new List<string>();
        var size = 0;
        foreach (var name in names)
        {
            var length = JsonEncodedText.Encode(name).EncodedUtf8Bytes.Length + 3; // quoted, escaped as the serializer does, a comma
            if (part.Count > 0 && size + length > MaxPayloadBytes)
            {
                yield return JsonSerializer.Serialize(new Notification(node, tenantId, [.. part]));
                part.Clear();
                size = 0;
            }
            part.Add(name);
            size += length;
        }
        if (part.Count > 0) yield return JsonSerializer.Serialize(new Notification(node, tenantId, [.. part]));
    }

    public override void Dispose()
    {
        base.Dispose();
        _dataSource.Dispose();
    }

    private sealed record Notification(Guid Node, int Tenant, string[] Names);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeId} listens to metric changes of the other nodes")]
    private static partial void LogListening(ILogger logger, Guid nodeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The metric change listener lost its connection; trying again in {Seconds} s")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other nodes about changes of tenant {TenantId}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, int tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a metric change notification that is not ours")]
    private static partial void LogBadPayload(ILogger logger, Exception exception);
}
