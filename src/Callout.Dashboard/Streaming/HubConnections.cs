using System.Collections.Concurrent;
using System.Security.Claims;
using System.Threading.Channels;
using Callout.Dashboard.Metrics;
using Callout.Dashboard.Viewers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Streaming;

/// <summary>
/// Every open hub connection, each with its own bounded send queue, so no screen can stall the others: messages are
/// queued without waiting, a pump per connection sends them, and a client that stops reading until its queue is
/// full is disconnected (it reconnects and gets a fresh snapshot). It also closes connections whose viewer may no
/// longer look (a revoked wall link at once, a signed-out or removed user within the revalidation interval), and
/// bounds the connections one viewer may hold.
/// </summary>
public sealed partial class HubConnections : BackgroundService
{
    /// <summary>Messages waiting for one client: more than a minute of deltas at the busiest.</summary>
    public const int QueueLength = 64;

    private readonly ConcurrentDictionary<string, Connection> _connections = new(StringComparer.Ordinal);
    private readonly IHubContext<BoardHub> _hub;
    private readonly SessionCheck _sessions;
    private readonly IOptions<AuthOptions> _auth;
    private readonly int _perViewer;
    private readonly TimeProvider _clock;
    private readonly ILogger<HubConnections> _logger;

    public HubConnections(IHubContext<BoardHub> hub, WallTokenStore tokens, SessionCheck sessions, IOptions<AuthOptions> auth,
        IOptions<StreamingOptions> streaming, TimeProvider clock, DashboardMeter meter, ILogger<HubConnections> logger)
    {
        _hub = hub;
        _sessions = sessions;
        _auth = auth;
        _perViewer = streaming.Value.ConnectionsPerViewer;
        _clock = clock;
        _logger = logger;
        tokens.Revoked += CloseToken;
        meter.ObserveHubConnections(() => _connections.Count);
    }

    public int Count => _connections.Count;

    /// <summary>Takes a new connection; false (and closed) when its viewer already holds as many as allowed.</summary>
    public bool Open(HubCallerContext context, string viewer)
    {
        if (_connections.Values.Count(c => c.Viewer == viewer) >= _perViewer)
        {
            LogTooMany(viewer, _perViewer);
            context.Abort();
            return false;
        }
        var connection = new Connection(context, viewer);
        _connections[context.ConnectionId] = connection;
        _ = PumpAsync(connection);
        return true;
    }

    public void Close(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out var connection))
        {
            connection.Queue.Writer.TryComplete();
        }
    }

    /// <summary>Queues a message for one client without waiting; a client whose queue is full is disconnected.</summary>
    public void Send(string connectionId, string method, object message)
    {
        if (_connections.TryGetValue(connectionId, out var connection) && !connection.Queue.Writer.TryWrite((method, message)))
        {
            LogStalled(connection.Viewer);
            Close(connectionId);
            connection.Context.Abort();
        }
    }

    /// <summary>The viewer a connection counts against: the signed-in user, the wall link, else the client address.</summary>
    public static string ViewerOf(HubCallerContext context)
    {
        var user = context.User;
        return user?.FindFirst(CalloutClaims.WallToken)?.Value is { } token ? "wall:" + token
            : user?.FindFirst(ClaimTypes.NameIdentifier)?.Value is { } id ? "user:" + id
            : "address:" + (context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_auth.Value.RevalidationInterval, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var connection in _connections.Values.Where(c => !_sessions.IsCurrent(c.Context.User)))
                {
                    Close(connection.Context.ConnectionId);
                    connection.Context.Abort();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PumpAsync(Connection connection)
    {
        var client = _hub.Clients.Client(connection.Context.ConnectionId);
        try
        {
            await foreach (var (method, message) in connection.Queue.Reader.ReadAllAsync())
            {
                await client.SendAsync(method, message);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The connection went away mid-send; its queue is dropped with it.
            Close(connection.Context.ConnectionId);
        }
    }

    private void CloseToken(string tokenId)
    {
        foreach (var connection in _connections.Values.Where(c => c.Viewer == "wall:" + tokenId))
        {
            Close(connection.Context.ConnectionId);
            connection.Context.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A hub client of {Viewer} stopped reading; it was disconnected so others are not held up.")]
    private partial void LogStalled(string viewer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Viewer} opened more than {Limit} hub connections (Streaming:ConnectionsPerViewer); the new one was refused.")]
    private partial void LogTooMany(string viewer, int limit);

    private sealed class Connection(HubCallerContext context, string viewer)
    {
        public HubCallerContext Context => context;
        public string Viewer => viewer;
        public Channel<(string Method, object Message)> Queue { get; } =
            Channel.CreateBounded<(string, object)>(new BoundedChannelOptions(QueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }
}

/// <summary>The <c>Streaming</c> section: bounds on what one viewer may hold open on the hub.</summary>
public sealed class StreamingOptions
{
    public const string Section = "Streaming";

    /// <summary>Hub connections one signed-in user, wall link or (without sign-in) client address may hold.</summary>
    public int ConnectionsPerViewer { get; set; } = 100;
}
