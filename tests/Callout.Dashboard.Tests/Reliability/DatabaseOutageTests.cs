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

    /// <summary>
    /// Local midnight passes during the outage: "today" is counted as the board says it is when the data is back. The
    /// host's clock is pinned and moved by the test, so the 30 s outage takes a few seconds and the count of tries in
    /// it does not depend on how busy the machine is.
    /// </summary>
    [Fact]
    public async Task Outage_ThirtySeconds_StaleMeanwhile_BacksOff_ThenCatchesUpWithEveryRowOnce()
    {
        var clock = new FakeTimeProvider(Oslo.At(new DateTime(2026, 11, 27, 23, 59, 45)));
        using var app = _app.WithWebHostBuilder(builder =>
        {
            _reader.InstallIn(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
        var http = app.CreateClient();
        DateTime OsloNow() => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Oslo.Zone).DateTime;
        // Each look moves the host's clock on by one poll interval, so the poller takes its next turn.
        Task<JsonElement> BoardWhen(Func<JsonElement, bool> condition) => Eventually.Until(
            () =>
            {
                clock.Advance(TimeSpan.FromMilliseconds(200));
                return http.GetFromJsonAsync<JsonElement>("/api/board");
            },
            condition, TimeSpan.FromSeconds(30), "the board reaching the expected state");
        var now = OsloNow();
        var ordered = new List<DateTime> { now.AddMinutes(-2) };
        var first = new CallRows(1, ordered[0]).UpdatedAt(now);
        await _db.Writer.WriteCallAsync(first.Order());
        await BoardWhen(b => b.GetProperty("activeCallouts").GetArrayLength() == 1);

        _proxy.Cut();
        var stale = await BoardWhen(b => !b.GetProperty("freshness").GetProperty("lastPollOk").GetBoolean());
        var pollsAtCut = _reader.Polls;
        // Puzzel keeps writing while we cannot read: the first call ends, more calls start and end.
        for (var i = 2; i <= 6; i++)
        {
            var at = OsloNow();
            ordered.Add(at.AddMinutes(-1));
            await _db.Writer.WriteCallAsync(new CallRows(i, ordered[^1]).UpdatedAt(at).Completed());
        }
        await _db.Writer.WriteCallAsync(first.UpdatedAt(OsloNow()).Completed());
        var health = await http.GetFromJsonAsync<JsonElement>("/healthz");
        var during = await http.GetFromJsonAsync<JsonElement>("/api/board");
        // 30 s of the host's time in 50 ms steps; a failed try ends in milliseconds, well within a step.
        for (var step = 0; step < 600; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(5);
        }
        var pollsDuringOutage = _reader.Polls - pollsAtCut;
        _proxy.Restore();

        var after = await BoardWhen(b => b.GetProperty("recentCallouts").GetArrayLength() == 6);

        Assert.Equal(JsonValueKind.String, stale.GetProperty("freshness").GetProperty("staleSince").ValueKind);
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal(1, during.GetProperty("activeCallouts").GetArrayLength());
        // Without backing off, a 200 ms interval would have made 150 tries in 30 s; backing off to 4 s makes about 11.
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
        await _db.Writer.WriteCallAsync(new CallRows(42, Oslo.Now().AddMinutes(-1)).UpdatedAt(Oslo.Now()).Order());
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
            // Two more tries run into the timeout while the lock is held: had they overlapped, the reader would see it.
            var pollsAtFailure = _reader.Polls;
            await Eventually.Until(() => _reader.Polls >= pollsAtFailure + 2, TimeSpan.FromSeconds(30), "two more timed-out polls",
                () => $"{_reader.Polls - pollsAtFailure} more");
        }

        await _db.Writer.WriteCallAsync(new CallRows(7, Oslo.Now().AddMinutes(-1)).UpdatedAt(Oslo.Now()).Order());
        await DashboardApp.WaitForJsonAsync(http, "/api/board", b => b.GetProperty("activeCallouts").GetArrayLength() == 1, timeoutSeconds: 20);
        Assert.Equal(1, _reader.MaxConcurrent);
    }
}
