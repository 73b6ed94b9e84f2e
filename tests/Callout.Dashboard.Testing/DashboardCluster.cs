using System.Globalization;
using System.Text.RegularExpressions;

namespace Callout.Dashboard.Testing;

/// <summary>
/// More than one dashboard server as an operator runs them (issue 18): each polls the same PostgreSQL Raw data
/// database, all share one Redis for links, sessions and keys, and nginx (the repo's own config) is in front. Local
/// sign-in with an admin and a team lead (password <see cref="Password"/>).
/// </summary>
public sealed partial class DashboardCluster : IAsyncDisposable
{
    public const string Password = "pw";

    private readonly Dictionary<string, string> _settings;
    private readonly DashboardProcess?[] _servers;
    private readonly int[] _ports;
    private readonly string? _app;

    private DashboardCluster(TestDatabase db, RedisServer redis, Dictionary<string, string> settings, int servers, string? app)
    {
        Database = db;
        Redis = redis;
        _settings = settings;
        _app = app;
        _servers = new DashboardProcess?[servers];
        _ports = [.. Enumerable.Range(0, servers).Select(_ => DashboardProcess.FreePort())];
    }

    public TestDatabase Database { get; }

    public RedisServer Redis { get; }

    public NginxProxy Proxy { get; private set; } = null!;

    public IReadOnlyList<DashboardProcess> Servers => [.. _servers.Select(s => s ?? throw new InvalidOperationException("a server is down"))];

    /// <param name="passwordHash">
    /// The hash of <see cref="Password"/> (LocalUsers.Hash), which this kit cannot make itself; null for open access.
    /// </param>
    /// <param name="app">The dashboard to run (default: the one built beside the caller).</param>
    public static async Task<DashboardCluster> StartAsync(string? passwordHash, int servers = 2, IReadOnlyDictionary<string, string>? extra = null, string? app = null)
    {
        var db = await TestDatabase.CreatePostgresAsync();
        var redis = await RedisServer.StartAsync();
        var hash = passwordHash ?? "";
        var settings = new Dictionary<string, string>
        {
            ["RawData__Provider"] = "PostgreSQL",
            ["ConnectionStrings__RawData"] = db.ConnectionString,
            ["RawData__TimeZone"] = "Europe/Oslo",
            ["RawData__PollInterval"] = "00:00:00.500",
            ["ConnectionStrings__State"] = redis.ConnectionString,
            ["Auth__Mode"] = "Local",
            ["Auth__Users__0__UserName"] = "ada",
            ["Auth__Users__0__PasswordHash"] = hash,
            ["Auth__Users__0__Roles__0"] = "Admin",
            ["Auth__Users__1__UserName"] = "lead",
            ["Auth__Users__1__PasswordHash"] = hash,
            ["Auth__Users__1__Roles__0"] = "TeamLead",
        };
        if (passwordHash is null)
        {
            settings["Auth__Mode"] = "None";
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        var cluster = new DashboardCluster(db, redis, settings, servers, app);
        for (var i = 0; i < servers; i++)
        {
            cluster._servers[i] = DashboardProcess.Start(settings, cluster._ports[i], app: app);
        }
        await cluster.WaitUntilAllServeAsync();
        cluster.Proxy = await NginxProxy.StartAsync(cluster._ports);
        return cluster;
    }

    /// <summary>Starts again, on its port, every server that is down, and waits until all serve.</summary>
    public async Task EnsureAllRunningAsync()
    {
        for (var i = 0; i < _servers.Length; i++)
        {
            if (_servers[i] is not { HasExited: false })
            {
                if (_servers[i] is { } dead)
                {
                    await dead.DisposeAsync();
                }
                _servers[i] = DashboardProcess.Start(_settings, _ports[i], app: _app);
            }
        }
        await WaitUntilAllServeAsync();
    }

    /// <summary>Kills <paramref name="server"/> the hard way, as a crash would; <see cref="EnsureAllRunningAsync"/> starts it again.</summary>
    public async Task KillAsync(DashboardProcess server) => await server.KillAsync();

    /// <summary>A fresh server on the same settings, outside the proxy: it knows only what the shared store holds.</summary>
    public DashboardProcess StartNewcomer() => DashboardProcess.Start(_settings, app: _app);

    /// <summary>The one running server whose <paramref name="metric"/> (Prometheus name) is above zero, e.g. open circuits.</summary>
    public async Task<DashboardProcess> HoldingAsync(string metric, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        return await Eventually.Until(async () =>
        {
            var holding = new List<DashboardProcess>();
            foreach (var server in _servers.OfType<DashboardProcess>().Where(s => !s.HasExited))
            {
                if (await AnswerAsync(http, server, "/metrics") is { } text && Value(text, metric) > 0)
                {
                    holding.Add(server);
                }
            }
            return holding;
        }, holding => holding.Count == 1, timeout, $"exactly one server with {metric} > 0") is [var one] ? one : throw new InvalidOperationException();
    }

    /// <summary>
    /// The running server that is process <paramref name="instance"/> (a page's body data-instance, /healthz's
    /// instance). A server that was just killed, or is slow to answer on a busy machine, is looked at again.
    /// </summary>
    public async Task<DashboardProcess> WithInstanceAsync(string instance)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var found = await Eventually.Until(async () =>
        {
            foreach (var server in _servers.OfType<DashboardProcess>().Where(s => !s.HasExited))
            {
                if (await AnswerAsync(http, server, "/healthz") is { } text)
                {
                    using var health = System.Text.Json.JsonDocument.Parse(text);
                    if (health.RootElement.GetProperty("details").GetProperty("instance").GetString() == instance)
                    {
                        return server;
                    }
                }
            }
            return null;
        }, server => server is not null, TimeSpan.FromSeconds(20), $"a running server that is instance {instance}", every: TimeSpan.FromMilliseconds(500));
        return found!;
    }

    /// <summary>The body <paramref name="server"/> answers at <paramref name="path"/>, whatever the status; null when it refuses or times out.</summary>
    private static async Task<string?> AnswerAsync(HttpClient http, DashboardProcess server, string path)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(server.Address, path));
            return await response.Content.ReadAsStringAsync();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    private static double Value(string metrics, string name) =>
        MetricLine().Matches(metrics).Where(m => m.Groups["name"].Value == name)
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    private async Task WaitUntilAllServeAsync()
    {
        foreach (var server in _servers.OfType<DashboardProcess>())
        {
            await server.WaitUntilServingAsync(TimeSpan.FromSeconds(90));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }
        foreach (var server in _servers.OfType<DashboardProcess>())
        {
            await server.DisposeAsync();
        }
        await Redis.DisposeAsync();
        await Database.DisposeAsync();
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)(?:\{[^}]*\})? (?<value>[-0-9.eE+]+)", RegexOptions.Multiline)]
    private static partial Regex MetricLine();
}
