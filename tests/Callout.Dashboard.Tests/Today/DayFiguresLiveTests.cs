using Callout.Dashboard.Tests.Streaming;

namespace Callout.Dashboard.Tests.Today;

/// <summary>
/// The day at a glance through the real host on a real PostgreSQL database: <c>intraday</c>, <c>funnel</c> and
/// <c>dueSoon</c> in GET /api/board, the same figures after a restart (worked out again from the start-up read of
/// today's rows), and a new callout's quarter hour in a hub delta.
/// </summary>
public sealed class DayFiguresLiveTests : IAsyncLifetime
{
    private const string Queue = "__Callout_Sales";
    private TestDatabase _db = null!;
    private DateTime _now;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreatePostgresAsync();
        _now = Oslo.Now();
        await _db.Writer.WriteCallAsync(new CallRows(601, OrderedToday(150), Queue).UpdatedAt(_now).Completed());
        await _db.Writer.WriteCallAsync(new CallRows(602, OrderedToday(140), Queue).UpdatedAt(_now).Completed("t"));
        // Ordered two hours ago for ten minutes from now, not yet made.
        var scheduledFrom = _now.AddHours(-2);
        await _db.Writer.WriteCallAsync(new CallRows(603, scheduledFrom, Queue).UpdatedAt(_now).Order((int)(_now.AddMinutes(10) - scheduledFrom).TotalSeconds));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>Some seconds ago, but not before local midnight: the figures are today's whenever the test runs.</summary>
    private DateTime OrderedToday(int secondsAgo)
    {
        var at = _now.AddSeconds(-secondsAgo);
        return at < _now.Date ? _now.Date.AddSeconds(1) : at;
    }

    [Fact]
    public async Task Api_CalloutsOfToday_AreInTheQuarterHoursTheFunnelAndTheCallsComingDue_AlsoAfterARestart()
    {
        string before;
        await using (var app = DashboardApp.OnPostgres(_db.ConnectionString))
        {
            var board = await app.WaitForBoardAsync(b => b.GetProperty("intraday").EnumerateArray().Sum(q => q.GetProperty("total").GetInt32()) == 2);
            var intraday = board.GetProperty("intraday").EnumerateArray().ToList();
            var midnight = intraday[0].GetProperty("start").GetDateTimeOffset();
            Assert.Equal(Oslo.At(_now.Date), midnight);
            Assert.Equal(1, intraday.Sum(b => b.GetProperty("answered").GetInt32()));
            Assert.Equal(1, intraday.Sum(b => b.GetProperty("noAnswer").GetInt32()));
            var funnel = Assert.Single(board.GetProperty("funnel").EnumerateArray());
            Assert.Equal((Queue, 2, 2, 1, 1), (funnel.GetProperty("queueKey").GetString(), funnel.GetProperty("ordered").GetInt32(),
                funnel.GetProperty("dialled").GetInt32(), funnel.GetProperty("answered").GetInt32(), funnel.GetProperty("noAnswer").GetInt32()));
            var due = Assert.Single(board.GetProperty("dueSoon").EnumerateArray());
            Assert.Equal((1, 1, 0), (due.GetProperty("within15").GetInt32(), due.GetProperty("within60").GetInt32(), due.GetProperty("overdue").GetInt32()));
            before = Figures(board);
        }

        await using var restarted = DashboardApp.OnPostgres(_db.ConnectionString);
        var after = await restarted.WaitForBoardAsync(b => b.GetProperty("funnel").GetArrayLength() > 0);

        Assert.Equal(before, Figures(after));
    }

    [Fact]
    public async Task Hub_CalloutEnds_DeltaCarriesItsQuarterHourAndTheQueuesFunnel()
    {
        await using var app = DashboardApp.OnPostgres(_db.ConnectionString);
        await app.WaitForBoardAsync(b => b.GetProperty("funnel").GetArrayLength() > 0);
        await using var client = await HubClient.ConnectAsync(app.Server);
        await client.SubscribeAsync(Queue);

        await _db.Writer.WriteCallAsync(new CallRows(604, OrderedToday(120), Queue).UpdatedAt(Oslo.Now()).Completed("b"));

        var delta = await client.WaitForDeltaAsync(d => d.GetProperty("funnel").GetArrayLength() > 0 && d.GetProperty("intraday").GetArrayLength() > 0);
        Assert.Equal(3, delta.GetProperty("funnel")[0].GetProperty("ordered").GetInt32());
        var bucket = Assert.Single(delta.GetProperty("intraday").EnumerateArray());
        Assert.Equal(1, bucket.GetProperty("busy").GetInt32());
    }

    /// <summary>The figures a restart must give again, as text: the quarter hours with a callout, and the funnel.</summary>
    private static string Figures(JsonElement board) =>
        string.Join('\n', board.GetProperty("intraday").EnumerateArray().Where(b => b.GetProperty("total").GetInt32() > 0).Select(b => b.GetRawText()))
        + '\n' + board.GetProperty("funnel").GetRawText();
}
