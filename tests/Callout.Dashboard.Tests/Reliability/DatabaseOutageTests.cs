using System.Net.Http.Json;
using System.Text.Json;
using Callout.Dashboard.LiveBoard;
using Callout.Dashboard.RawData.Tests.TestDatabases;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Callout.Dashboard.Tests.Reliability;

/// <summary>
/// The Raw data database goes away while the app runs (or before it starts): the app stays up, says the
/// data is stale, backs off, and when the database is back catches up with every row written meanwhile.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly CountingReader _reader = new();
    private TestDatabase _db = null!;
    private TcpProxy _proxy = null!;
    private DashboardApp _app = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreatePostgresAsync();
        (_proxy, var throughProxy) = TcpProxy.For(_db.ConnectionString);
        _app = DashboardApp.OnPostgres(throughProxy, ("RawData:MaxBackoff", "00:00:04"), ("RawData:CommandTimeout", "00:00:03"));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _proxy.DisposeAsync();
        await _db.DisposeAsync();
    }

    /// <summary>Local midnight passes during the outage: "today" is counted as the board says it is when the data is back.</summary>
    [Fact]
    public async Task Outage_ThirtySeconds_StaleMeanwhile_BacksOff_ThenCatchesUpWithEveryRowOnce()
    {
        var clock = new PinnedClock(PinnedClock.Oslo(new DateTime(2026, 11, 27, 23, 59, 45)));
        using var app = _app.WithWebHostBuilder(builder =>
        {
            _reader.InstallIn(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
        var http = app.CreateClient();
        var now = clock.OsloNow();
        var ordered = new List<DateTime> { now.AddMinutes(-2) };
        var first = new CallRows(1, ordered[0]).UpdatedAt(now);
        await _db.Writer.WriteCallAsync(first.Order());
        await DashboardApp.WaitForJsonAsync(http, "/api/board", b => b.GetProperty("activeCallouts").GetArrayLength() == 1);

        _proxy.Cut();
        var stale = await DashboardApp.WaitForJsonAsync(http, "/api/board", b => !b.GetProperty("freshness").GetProperty("lastPollOk").GetBoolean());
        var pollsAtCut = _reader.Polls;
        // Puzzel keeps writing while we cannot read: the first call ends, more calls start and end.
        for (var i = 2; i <= 6; i++)
        {
            var at = clock.OsloNow();
            ordered.Add(at.AddMinutes(-1));
            await _db.Writer.WriteCallAsync(new CallRows(i, ordered[^1]).UpdatedAt(at).Completed());
        }
        await _db.Writer.WriteCallAsync(first.UpdatedAt(clock.OsloNow()).Completed());
        var health = await http.GetFromJsonAsync<JsonElement>("/healthz");
        var during = await http.GetFromJsonAsync<JsonElement>("/api/board");
        await Task.Delay(TimeSpan.FromSeconds(30));
        var pollsDuringOutage = _reader.Polls - pollsAtCut;
        _proxy.Restore();

        var after = await DashboardApp.WaitForJsonAsync(http, "/api/board", b => b.GetProperty("recentCallouts").GetArrayLength() == 6, timeoutSeconds: 30);

        Assert.Equal(JsonValueKind.String, stale.GetProperty("freshness").GetProperty("staleSince").ValueKind);
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal(1, during.GetProperty("activeCallouts").GetArrayLength());
        // Without backing off, a 200 ms interval would have made ~150 attempts in 30 s.
        Assert.InRange(pollsDuringOutage, 3, 20);
        Assert.True(after.GetProperty("freshness").GetProperty("lastPollOk").GetBoolean());
        Assert.Empty(after.GetProperty("activeCallouts").EnumerateArray());
        Assert.Equal(["1", "2", "3", "4", "5", "6"], after.GetProperty("recentCallouts").EnumerateArray().Select(c => c.GetProperty("callId").GetString()).Order());
        // CallRows' legs end 97 s after the order.
        var today = after.GetProperty("asOf").GetDateTimeOffset().Date;
        Assert.Equal(ordered.Count(o => o.AddSeconds(97) >= today), after.GetProperty("queues")[0].GetProperty("answeredToday").GetInt32());
    }

    [Fact]
    public async Task Outage_AtStartUp_AppStartsSaysSoAndRecovers()
    {
        _proxy.Cut();
        await _db.Writer.WriteCallAsync(new CallRows(42, DashboardApp.OsloNow().AddMinutes(-1)).UpdatedAt(DashboardApp.OsloNow()).Order());
        var http = _app.CreateClient();

        var down = await DashboardApp.WaitForJsonAsync(http, "/api/board", b => b.GetProperty("freshness").GetProperty("lastPollAt").ValueKind == JsonValueKind.String);
        var health = await http.GetFromJsonAsync<JsonElement>("/healthz");
        _proxy.Restore();
        var up = await DashboardApp.WaitForJsonAsync(http, "/api/board", b => b.GetProperty("activeCallouts").GetArrayLength() == 1, timeoutSeconds: 30);

        Assert.False(down.GetProperty("freshness").GetProperty("lastPollOk").GetBoolean());
        Assert.Contains("Raw data poll failing", health.GetProperty("reason").GetString());
        Assert.Equal("42", up.GetProperty("activeCallouts")[0].GetProperty("callId").GetString());
    }

    [Fact]
    public async Task SlowDatabase_PollsNeverOverlap_AndTheStatementTimeoutBoundsThem()
    {
        using var app = _app.WithWebHostBuilder(_reader.InstallIn);
        var http = app.CreateClient();
        await DashboardApp.WaitForJsonAsync(http, "/api/board", b => b.GetProperty("freshness").GetProperty("lastPollOk").GetBoolean());

        // Another session holds call_events locked: every poll waits until the 3 s statement timeout.
        await using (var blocker = new NpgsqlConnection(_db.ConnectionString))
        {
            await blocker.OpenAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var lockTable = new NpgsqlCommand("LOCK TABLE call_events IN ACCESS EXCLUSIVE MODE", blocker, transaction))
            {
                await lockTable.ExecuteNonQueryAsync();
            }
            var failed = await DashboardApp.WaitForJsonAsync(http, "/api/board", b => !b.GetProperty("freshness").GetProperty("lastPollOk").GetBoolean(), timeoutSeconds: 15);
            Assert.Equal(PollFailure.TimedOut, failed.GetProperty("freshness").GetProperty("lastError").GetString());
            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        await _db.Writer.WriteCallAsync(new CallRows(7, DashboardApp.OsloNow().AddMinutes(-1)).UpdatedAt(DashboardApp.OsloNow()).Order());
        await DashboardApp.WaitForJsonAsync(http, "/api/board", b => b.GetProperty("activeCallouts").GetArrayLength() == 1, timeoutSeconds: 20);
        Assert.Equal(1, _reader.MaxConcurrent);
    }
}
