using System.Diagnostics;
using Callout.Dashboard.Viewers;
using StackExchange.Redis;

namespace Callout.Dashboard.SharedState;

/// <summary>
/// The Redis server that holds what several dashboard servers must share (<c>ConnectionStrings:State</c>): the Data
/// Protection keys, the wall-display links and the ended sign-in sessions, under one key prefix. A change is announced
/// on one channel so the other servers take it in at once rather than at their next look.
/// </summary>
/// <remarks>
/// Commands fail at once while Redis is away instead of waiting in a backlog: pages read from memory and must never
/// wait on it, and an admin's "create link" is better refused now than after seconds.
/// </remarks>
public sealed partial class RedisState : IDisposable
{
    public const string ConnectionName = "State";

    private readonly ConnectionMultiplexer _redis;
    private readonly RedisChannel _channel;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly ILogger<RedisState> _logger;

    private RedisState(ConnectionMultiplexer redis, string endpoint, string prefix, ILogger<RedisState> logger)
    {
        _redis = redis;
        _logger = logger;
        Prefix = prefix;
        Endpoint = endpoint;
        _channel = Channel(prefix);
        redis.ConnectionFailed += (_, e) => LogLost(Endpoint, e.Exception?.Message ?? e.FailureType.ToString());
        redis.ConnectionRestored += (_, _) =>
        {
            LogRestored(Endpoint);
            // What was announced while away was missed: every document is read again.
            Restored?.Invoke();
        };
        redis.GetSubscriber().Subscribe(_channel, (_, message) =>
        {
            var (key, from) = Split(message.ToString());
            if (from != _instance)
            {
                Changed?.Invoke(key);
            }
        });
    }

    /// <summary>Every key starts with it (<c>State:KeyPrefix</c>, "callout:"), so one Redis can serve several dashboards.</summary>
    public string Prefix { get; }

    /// <summary>Host and port, for messages: never the password.</summary>
    public string Endpoint { get; }

    public IDatabase Database => _redis.GetDatabase();

    /// <summary>Another server changed the key (without the prefix).</summary>
    public event Action<string>? Changed;

    /// <summary>The connection came back after a loss.</summary>
    public event Action? Restored;

    /// <summary>Connects, waiting up to the connect timeout; a wrong setting or an unreachable server is told in one sentence.</summary>
    /// <exception cref="SharedStateException">The setting cannot be read, or Redis cannot be reached now.</exception>
    public static RedisState Connect(string configuration, string prefix, ILogger<RedisState> logger)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException ex)
        {
            throw new SharedStateException($"ConnectionStrings:State is not a Redis connection string ({ex.Message}). Example: \"redis:6379,password=...\".", ex);
        }
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= "callout-dashboard";
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 5000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 2000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 2000);
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        var redis = ConnectionMultiplexer.Connect(options);
        var where = string.Join(", ", options.EndPoints.Select(e => e.ToString()));
        SharedStateException Unreachable(Exception inner) =>
            new($"The shared state store (Redis at {where}, ConnectionStrings:State) cannot be reached. Start it, or check the address and password.", inner);
        if (!redis.IsConnected)
        {
            redis.Dispose();
            throw Unreachable(new RedisConnectionException(ConnectionFailureType.UnableToConnect, where));
        }
        // Connect returns once commands can be sent; the subscription has a connection of its own that may still be
        // coming up, and a subscribe fails at once while it is (seen in a test run).
        var subscriber = redis.GetSubscriber();
        var waited = Stopwatch.StartNew();
        while (!subscriber.IsConnected(Channel(prefix)) && waited.ElapsedMilliseconds < options.ConnectTimeout)
        {
            Thread.Sleep(50);
        }
        try
        {
            return new RedisState(redis, where, prefix, logger);
        }
        catch (RedisException ex)
        {
            redis.Dispose();
            throw Unreachable(ex);
        }
    }

    /// <summary>Tells the other servers that <paramref name="key"/> changed; a lost announcement is caught up by their periodic look.</summary>
    public void Announce(string key)
    {
        try
        {
            Database.Publish(_channel, key + "|" + _instance, CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
        }
    }

    public void Dispose() => _redis.Dispose();

    private static RedisChannel Channel(string prefix) => RedisChannel.Literal(prefix + "changed");

    private static (string Key, string From) Split(string message)
    {
        var bar = message.LastIndexOf('|');
        return bar < 0 ? (message, "") : (message[..bar], message[(bar + 1)..]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the shared state store (Redis at {Endpoint}): {Reason}. Boards stay live; wall links cannot be made or revoked everywhere until it is back.")]
    private partial void LogLost(string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The shared state store (Redis at {Endpoint}) is back.")]
    private partial void LogRestored(string endpoint);
}
