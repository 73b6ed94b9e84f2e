namespace Callout.Dashboard.Tests.Security;

/// <summary>
/// Hardening item 9, the bounds: one viewer cannot hold more hub connections than allowed, and views for many
/// filters do not grow the snapshot cache without end.
/// </summary>
public sealed class BoundsTests
{
    [Fact]
    public async Task Hub_ViewerOpensMoreConnectionsThanAllowed_TheExtraOneIsClosed_TheOthersStayLive()
    {
        await using var db = await TestDatabase.CreatePostgresAsync();
        await using var app = DashboardApp.OnPostgres(db.ConnectionString, ("Streaming:ConnectionsPerViewer", "3"));
        var allowed = new List<HubClient>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add(await HubClient.ConnectAsync(app.Server));
            await allowed[^1].SubscribeAsync();
        }
        await using var extra = await HubClient.ConnectAsync(app.Server);

        await Eventually.Until(() => extra.Connection.State == HubConnectionState.Disconnected, TimeSpan.FromSeconds(10),
            "the fourth connection closed", () => extra.Connection.State.ToString());
        await db.Writer.WriteCallAsync(new CallRows(501, Oslo.Now().AddSeconds(-10)).UpdatedAt(Oslo.Now()).Order());
        foreach (var client in allowed)
        {
            await client.WaitForDeltaAsync(d => HubClient.Mentions(d, "501"));
            await client.DisposeAsync();
        }
    }

    [Fact]
    public void SnapshotCache_HundredsOfFilters_StaysBounded_AndStillServesTheViewInUse()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        var board = new Board(new BoardRules { TimeZone = Oslo.Zone }, clock);
        board.Apply(new PollBatch([.. PuzzelRows.Ordered(7001, new DateTime(2026, 12, 2, 9, 59, 0), queueKey: "__Callout_Sales")], []));
        var cache = new SnapshotCache(board, clock, maxEntries: 8);
        var inUse = new QueueFilter(["__Callout_Sales"]);

        for (var i = 0; i < 200; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("7001", Assert.Single(cache.Get(inUse, maskNumbers: true).ActiveCallouts).CallId);
            foreach (var other in new[] { $"__Callout_A{i}", $"__Callout_B{i}", $"__Callout_C{i}" })
            {
                cache.Get(new QueueFilter([other]), maskNumbers: false);
                Assert.InRange(cache.Count, 1, 8);
            }
        }
    }
}
