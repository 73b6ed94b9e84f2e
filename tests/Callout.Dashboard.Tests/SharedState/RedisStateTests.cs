using Callout.Dashboard.SharedState;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Callout.Dashboard.Tests.SharedState;

/// <summary>
/// Issue 18, shared state in Redis (a real redis-server): links and revokes reach every server at once, changes made
/// at the same moment are all kept, a Redis that lost its data gets the links back, and a wrong or unreachable
/// setting stops start-up with one sentence.
/// </summary>
public sealed class RedisStateTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("callout-redis-links-").FullName;
    private readonly EphemeralDataProtectionProvider _keys = new();
    private readonly List<RedisState> _connections = [];
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
        await _redis.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Store_TwoServersOnOneRedis_ARevokeReachesTheOtherWithoutItLooking()
    {
        var one = Store();
        var two = Store();
        var revokedOnTwo = new TaskCompletionSource<string>();
        two.Revoked += id => revokedOnTwo.TrySetResult(id);

        var (token, secret) = one.Create("TV", ["__Callout_Sales"], "ada");
        Assert.Equal(token.Id, (await Eventually.Until(() => Task.FromResult(two.Validate(secret)), t => t is not null, TimeSpan.FromSeconds(5), "the link on two"))!.Id);
        one.Revoke(token.Id, "ada");

        // Announced through Redis: no ReloadIfChanged is called on two.
        Assert.Equal(token.Id, await revokedOnTwo.Task.WaitAsync(TimeSpan.FromSeconds(1)));
        Assert.Null(two.Validate(secret));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Document_ManyChangesAtOnceFromTwoServers_KeepsThemAll()
    {
        var clock = TimeProvider.System;
        var one = new RedisDocument<List<int>>(Connect(), "numbers", () => [], "numbers", clock);
        var two = new RedisDocument<List<int>>(Connect(), "numbers", () => [], "numbers", clock);

        // Four writers at once, each adding ten numbers: their read-modify-writes collide and are made again. Each on
        // a thread of its own, as a server's would be: four blocking writers on the pool of a 2-core machine, beside
        // the other test classes, starve the client's own completions and time out (seen in a parallel run).
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Factory.StartNew(() =>
        {
            for (var i = w * 10; i < (w + 1) * 10; i++)
            {
                var n = i;
                (w % 2 == 0 ? one : two).Update(list => [.. list, n]);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

        Assert.Equal(Enumerable.Range(0, 40), one.Read().Order());
    }

    [Fact]
    public void Store_RedisCameBackEmpty_WritesItsLinksBack()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = Store(clock);
        var (token, _) = store.Create("TV", [], "ada");
        store.Revoke(store.Create("Old TV", [], "ada").Token.Id, "ada");
        Connect().Database.Execute("FLUSHALL");

        // The periodic look finds the key gone and writes back what this server holds.
        clock.Advance(TimeSpan.FromSeconds(16));
        store.ReloadIfChanged();

        var fresh = Store();
        Assert.False(fresh.Find(token.Id)!.IsRevoked);
        Assert.True(fresh.All().Single(t => t.Name == "Old TV").IsRevoked);
    }

    [Fact]
    public async Task Store_RedisAway_CreateRefusedWithTheReason_RevokeSavedByItselfOnceBack()
    {
        var store = Store();
        var (token, secret) = store.Create("TV", [], "ada");
        await _redis.StopAsync();

        var create = Assert.Throws<SharedStateException>(() => store.Create("New TV", [], "ada"));
        Assert.Throws<SharedStateException>(() => store.Revoke(token.Id, "ada"));

        Assert.Contains("shared state store", create.Message);
        Assert.Null(store.Validate(secret));
        Assert.True(store.IsRevokeUnsaved(token.Id));
        await _redis.StartAgainAsync();
        await Eventually.Until(() =>
        {
            store.SaveUnsaved();
            return !store.IsRevokeUnsaved(token.Id);
        }, TimeSpan.FromSeconds(15), "the revoke saved after Redis came back");
        Assert.True(Store().Find(token.Id)!.IsRevoked);
        Assert.DoesNotContain(Store().All(), t => t.Name == "New TV");
    }

    [Fact]
    public async Task EndedSessions_SignOutWhileRedisAway_KnownEverywhereOnceBack()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new AuthOptions { DataDirectory = _folder });
        var environment = new HostingEnvironment { ContentRootPath = _folder };
        var here = new EndedSessions(options, environment, TimeProvider.System, Connect());
        await _redis.StopAsync();

        Assert.Throws<SharedStateException>(() => here.End("session-1"));
        Assert.True(here.IsEnded("session-1"));
        await _redis.StartAgainAsync();
        await Eventually.Until(() =>
        {
            here.SaveUnsaved();
            return new EndedSessions(options, environment, TimeProvider.System, Connect()).IsEnded("session-1");
        }, TimeSpan.FromSeconds(15), "the sign-out saved after Redis came back");
    }

    [Theory]
    [InlineData("127.0.0.1:1", "cannot be reached")]
    [InlineData("127.0.0.1:6379,nonsense=1", "is not a Redis connection string")]
    public async Task Start_StateSettingWrongOrUnreachable_StopsWithOneSentence(string setting, string expected)
    {
        await using var db = await TestDatabase.CreatePostgresAsync();
        var run = await ProcessRunner.RunDotnetAsync(
            Path.Combine(AppContext.BaseDirectory, "Callout.Dashboard.dll"),
            ["--urls", $"http://127.0.0.1:{DashboardProcess.FreePort()}", "--contentRoot", _folder],
            TimeSpan.FromSeconds(90),
            _folder,
            new Dictionary<string, string>
            {
                ["RawData__Provider"] = "PostgreSQL",
                ["ConnectionStrings__RawData"] = db.ConnectionString,
                ["ConnectionStrings__State"] = setting,
                ["Auth__Mode"] = "None",
                ["Auth__AllowOpenAccess"] = "true",
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
            });

        Assert.Equal(1, run.Code);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Callout Dashboard did not start: ", line);
        Assert.Contains(expected, line);
        Assert.Contains("ConnectionStrings:State", line);
    }

    [Fact]
    public async Task Start_DamagedLinksInRedis_StopsWithTheKeysName()
    {
        Connect().Database.StringSet("callout:wall-tokens", "[{\"id\": \"half a");
        await using var db = await TestDatabase.CreatePostgresAsync();
        await using var app = DashboardApp.OnPostgres(db.ConnectionString, ("ConnectionStrings:State", _redis.ConnectionString));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("key callout:wall-tokens", error.ToString());
        Assert.Contains("are damaged", error.ToString());
    }

    private WallTokenStore Store(TimeProvider? clock = null) => new(
        _keys,
        Microsoft.Extensions.Options.Options.Create(new AuthOptions { DataDirectory = _folder }),
        new HostingEnvironment { ContentRootPath = _folder },
        clock ?? TimeProvider.System,
        NullLogger<WallTokenStore>.Instance,
        Connect());

    private RedisState Connect()
    {
        var connection = RedisState.Connect(_redis.ConnectionString + ",allowAdmin=true", "callout:", NullLogger<RedisState>.Instance);
        _connections.Add(connection);
        return connection;
    }
}
