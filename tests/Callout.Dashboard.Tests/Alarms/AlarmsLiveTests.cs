using System.Globalization;

namespace Callout.Dashboard.Tests.Alarms;

/// <summary>Alarms through the real host on a real PostgreSQL database: in GET /api/board, in hub deltas, in /metrics.</summary>
public sealed class AlarmsLiveTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private DashboardApp _app = null!;
    private DateTime _pausedAt;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreatePostgresAsync();
        var now = Oslo.Now();
        // Whole seconds: PostgreSQL keeps microseconds, not .NET's ticks.
        _pausedAt = now.AddMinutes(-12).AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        // Coffee warns past 10 minutes: two minutes ago. Stamped now, so the data is fresh (no data-age warning).
        await _db.Writer.WriteAgentEventsAsync([
            PuzzelRows.AgentEvent("i", now.AddHours(-2)) with { DteUpdated = now },
            PuzzelRows.AgentEvent("p", _pausedAt, pauseType: "Coffee") with { DteUpdated = now },
        ]);
        _app = DashboardApp.OnPostgres(_db.ConnectionString, ("Metrics:Anonymous", "true"));
        _app.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Api_PausedTooLong_ListsTheAlarmWithContractFields_AndTheAgentsActivity()
    {
        var board = await _app.WaitForBoardAsync(b => b.GetProperty("alarms").GetArrayLength() > 0);

        var alarm = Assert.Single(board.GetProperty("alarms").EnumerateArray(), a => a.GetProperty("rule").GetString() == "long-pause");
        Assert.Equal("warning", alarm.GetProperty("level").GetString());
        Assert.Equal(PuzzelRows.AgentId, alarm.GetProperty("agentId").GetInt32());
        Assert.Equal("Coffee", alarm.GetProperty("pauseType").GetString());
        Assert.Equal("seconds", alarm.GetProperty("unit").GetString());
        Assert.Equal(600, alarm.GetProperty("threshold").GetDouble());
        // Twelve minutes in whole minutes, thirteen if the host was slow to start.
        Assert.Contains(alarm.GetProperty("value").GetDouble(), new[] { 720.0, 780.0 });
        Assert.Equal(Oslo.At(_pausedAt.AddMinutes(10)), alarm.GetProperty("since").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, alarm.GetProperty("queueKey").ValueKind);
        var agent = Assert.Single(board.GetProperty("agents").EnumerateArray());
        Assert.Equal("paused", agent.GetProperty("activity").GetProperty("state").GetString());
        Assert.Equal("Coffee", agent.GetProperty("activity").GetProperty("pauseType").GetString());
        Assert.Equal(0, agent.GetProperty("today").GetProperty("callouts").GetInt32());
    }

    [Fact]
    public async Task Hub_CalloutPassesItsLimitWhileWatched_AlarmArrivesInADelta_WithoutNewRows()
    {
        await using var client = await HubClient.ConnectAsync(_app.Server);
        await client.SubscribeAsync("__Callout_A");
        var now = Oslo.Now();
        // Open for 9 min 57 s: the open-callout warning (10 min) starts by the clock alone three seconds from now.
        await _db.Writer.WriteCallAsync(new CallRows(501, now.AddMinutes(-10).AddSeconds(3), "__Callout_A").UpdatedAt(now).Order());
        var arrived = await client.WaitForDeltaAsync(d => HubClient.Mentions(d, "501"));
        Assert.Equal(0, arrived.GetProperty("alarms").GetArrayLength());

        var delta = await client.WaitForDeltaAsync(d => d.GetProperty("alarms").EnumerateArray().Any(a => a.GetProperty("callId").GetString() == "501"));

        var alarm = delta.GetProperty("alarms").EnumerateArray().Single(a => a.GetProperty("callId").GetString() == "501");
        Assert.Equal(("open-callout", "warning", "__Callout_A"), (alarm.GetProperty("rule").GetString(), alarm.GetProperty("level").GetString(), alarm.GetProperty("queueKey").GetString()));
        Assert.Empty(delta.GetProperty("activeCallouts").EnumerateArray());
        // The view of queue A shows no agent of its own, so the paused agent's alarm is not in it.
        Assert.DoesNotContain(client.Deltas, d => d.GetProperty("alarms").EnumerateArray().Any(a => a.GetProperty("rule").GetString() == "long-pause"));
    }

    [Fact]
    public async Task Metrics_AlarmsActive_CountsByLevel()
    {
        var http = _app.CreateClient();

        var text = await Eventually.Until(() => http.GetStringAsync("/metrics"), t => Gauge(t, "warning") >= 1, TimeSpan.FromSeconds(20), "a warning in /metrics");

        Assert.Equal(1, Gauge(text, "warning"));
        Assert.Equal(0, Gauge(text, "alarm"));
    }

    private static double Gauge(string metrics, string level) =>
        metrics.Split('\n').Where(l => l.StartsWith("callout_alarms_active{", StringComparison.Ordinal) && l.Contains($"level=\"{level}\"", StringComparison.Ordinal))
            .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Single();
}
