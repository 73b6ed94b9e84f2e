namespace Callout.Dashboard.Tests.Api;

/// <summary>GET /api/board through the real host against real PostgreSQL: the DESIGN.md contract.</summary>
public sealed class BoardApiTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private DashboardApp _app = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreatePostgresAsync();
        _app = DashboardApp.OnPostgres(_db.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    /// <summary>
    /// Every list of the contract, at moments around local midnight (§9.6): a host started just after midnight
    /// still shows what ended or was cancelled minutes before it, and "today" starts at midnight.
    /// </summary>
    [Theory]
    [MemberData(nameof(PinnedClock.AroundMidnight), MemberType = typeof(PinnedClock))]
    public async Task GetBoard_EveryKindOfCallout_MatchesContract(string moment)
    {
        var clock = PinnedClock.At(moment);
        await using var app = DashboardApp.OnPostgres(_db.ConnectionString, clock);
        DateTime Ago(int minutes) => clock.OsloAgo(TimeSpan.FromMinutes(minutes));
        await _db.Writer.WriteLookupsAsync([new AgentRow(1001, "kari", "Kari Nordmann", 1, "Sales", false)], [new QueueRow("__Callout_Sales", "Sales callouts")]);
        await _db.Writer.WriteAgentEventsAsync(
        [
            new AgentEventRow { AgentId = 1001, EventType = "i", DteStart = Ago(30), DteUpdated = Ago(30) },
            new AgentEventRow { AgentId = 1001, EventType = "p", DteStart = Ago(1), PauseType = "Lunch", DteUpdated = Ago(1) },
        ]);
        // §9.3: Pause clicked after the callout was ordered, while connected: Connected-and-Pause.
        await _db.Writer.WriteCallAsync(new CallRows(9876543210987654321m, Ago(2)).UpdatedAt(Ago(2)).Order(agentId: 1001));
        var answered = new CallRows(2, Ago(10)).UpdatedAt(Ago(7));
        await _db.Writer.WriteCallAsync(answered.Completed("k", talkSeconds: 80));
        var scheduledAt = Ago(5);
        await _db.Writer.WriteCallAsync(new CallRows(3, scheduledAt).UpdatedAt(scheduledAt).Order(initiationSeconds: 7_200));
        var deleted = new CallRows(4, Ago(20)).UpdatedAt(Ago(3));
        await _db.Writer.WriteCallAsync([.. deleted.Order(initiationSeconds: 7_200), deleted.Row(3, PuzzelCodes.Queue, Ago(3), 0) with { QueueKey = "__Callout_Sales", ResultCode = "d" }]);
        // The answered call's legs end 97 s after its order: today's count has it only if that is after midnight.
        var answeredToday = clock.OsloAgo(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(97)).Date == clock.OsloNow().Date ? 1 : 0;

        var board = await app.WaitForBoardAsync(b => b.GetProperty("recentCancelled").GetArrayLength() == 1 && b.GetProperty("agents").GetArrayLength() == 1
            && b.GetProperty("recentCallouts").GetArrayLength() == 1);

        var offset = FormatOffset(Oslo.Zone.GetUtcOffset(clock.GetUtcNow()));
        Assert.Superset(new HashSet<string> { "asOf", "freshness", "activeCallouts", "recentCallouts", "scheduledPending", "recentCancelled", "agents", "queues", "agentToAgentToday" }, Names(board));
        Assert.EndsWith(offset, board.GetProperty("asOf").GetString());
        Assert.Superset(new HashSet<string> { "lastPollAt", "lastPollOk", "newestRowAt" }, Names(board.GetProperty("freshness")));
        Assert.True(board.GetProperty("freshness").GetProperty("lastPollOk").GetBoolean());

        var active = Single(board, "activeCallouts");
        Assert.Superset(new HashSet<string> { "callId", "queueKey", "agentId", "destination", "orderedAt", "state" }, Names(active));
        Assert.Equal("9876543210987654321", active.GetProperty("callId").GetString());
        Assert.Equal("in-progress", active.GetProperty("state").GetString());
        Assert.Equal(1001, active.GetProperty("agentId").GetInt32());
        // Masked by default, in the JSON too (AccessControlTests cover who sees full numbers).
        Assert.Equal(CallRows.MaskedDestination, active.GetProperty("destination").GetString());
        Assert.EndsWith(offset, active.GetProperty("orderedAt").GetString());

        var recent = Single(board, "recentCallouts");
        Assert.Superset(new HashSet<string> { "callId", "queueKey", "agentId", "destination", "orderedAt", "endedAt", "outcome", "talkSeconds", "transferred" }, Names(recent));
        Assert.Equal(("2", "answered", 80, false), (recent.GetProperty("callId").GetString(), recent.GetProperty("outcome").GetString(), recent.GetProperty("talkSeconds").GetInt32(), recent.GetProperty("transferred").GetBoolean()));

        var scheduled = Single(board, "scheduledPending");
        Assert.Superset(new HashSet<string> { "callId", "queueKey", "destination", "orderedAt", "dueAt", "overdue", "agentId" }, Names(scheduled));
        Assert.Equal(("3", false, JsonValueKind.Null), (scheduled.GetProperty("callId").GetString(), scheduled.GetProperty("overdue").GetBoolean(), scheduled.GetProperty("agentId").ValueKind));
        // Due at the Initiation's end: the order's moment, however long the board took to show it, plus two hours.
        Assert.Equal((double)Oslo.At(scheduledAt).AddSeconds(7_200).ToUnixTimeSeconds(), scheduled.GetProperty("dueAt").GetDateTimeOffset().ToUnixTimeSeconds(), tolerance: 1);

        var cancelled = Single(board, "recentCancelled");
        Assert.Superset(new HashSet<string> { "callId", "queueKey", "kind", "at", "agentId" }, Names(cancelled));
        Assert.Equal(("4", "deleted"), (cancelled.GetProperty("callId").GetString(), cancelled.GetProperty("kind").GetString()));

        var agent = Single(board, "agents");
        Assert.Superset(new HashSet<string> { "agentId", "name", "status", "pauseType", "since", "connectedAndPause" }, Names(agent));
        Assert.Equal(("Kari Nordmann", "paused", "Lunch", true), (agent.GetProperty("name").GetString(), agent.GetProperty("status").GetString(), agent.GetProperty("pauseType").GetString(), agent.GetProperty("connectedAndPause").GetBoolean()));

        var queue = Single(board, "queues");
        Assert.Superset(new HashSet<string> { "queueKey", "name", "active", "scheduled", "cancelledRecent", "answeredToday", "notAnsweredToday" }, Names(queue));
        Assert.Equal(("__Callout_Sales", "Sales callouts", 1, 1, 1, answeredToday, 0), (queue.GetProperty("queueKey").GetString(), queue.GetProperty("name").GetString(),
            queue.GetProperty("active").GetInt32(), queue.GetProperty("scheduled").GetInt32(), queue.GetProperty("cancelledRecent").GetInt32(),
            queue.GetProperty("answeredToday").GetInt32(), queue.GetProperty("notAnsweredToday").GetInt32()));
        Assert.Equal(0, board.GetProperty("agentToAgentToday").GetInt32());
    }

    /// <summary>The seed page's rules (§9.1–9.4) as the JSON tells them, written as Puzzel writes the rows.</summary>
    [Fact]
    public async Task GetBoard_SeedRules_CancelWhileRinging_TransferToAgent_ScheduledMadeByAnother()
    {
        await using var app = DashboardApp.OnPostgres(_db.ConnectionString);
        var now = Oslo.Now();
        // Cancel clicked while the destination rang: agent leg answered, contact leg cut, then the 'd' Queue event.
        var cancelled = new CallRows(1, now.AddMinutes(-6)).UpdatedAt(now.AddMinutes(-5));
        await _db.Writer.WriteCallAsync([.. cancelled.Completed("h", talkSeconds: 0), cancelled.Row(5, PuzzelCodes.Queue, now.AddMinutes(-5), 0) with { QueueKey = "__Callout_Sales", ResultCode = "d" }]);
        // Handed to agent 1002 in the same ciq session, with no call_transfer flag.
        var transferred = new CallRows(2, now.AddMinutes(-9)).UpdatedAt(now.AddMinutes(-4));
        await _db.Writer.WriteCallAsync([.. transferred.Completed(), transferred.Row(5, PuzzelCodes.Conversation, now.AddMinutes(-8), 120) with { Ciq = "a", AgentId = 1002, ResultCode = "k", DurationSpeakSec = 110 }]);
        // Scheduled "to me" by 1001 an hour ahead, made by 1003 at the due time.
        var scheduled = new CallRows(3, now.AddMinutes(-65)).UpdatedAt(now.AddMinutes(-3));
        await _db.Writer.WriteCallAsync([.. scheduled.Order(initiationSeconds: 3600, agentId: 1001),
            .. scheduled.Completed(agentId: 1003).Skip(2).Select(leg => leg with { DteStart = leg.DteStart.AddHours(1) })]);

        var board = await app.WaitForBoardAsync(b => b.GetProperty("recentCallouts").GetArrayLength() == 2 && b.GetProperty("recentCancelled").GetArrayLength() == 1);

        Assert.Equal("cancelled", board.GetProperty("recentCancelled")[0].GetProperty("kind").GetString());
        var recent = board.GetProperty("recentCallouts").EnumerateArray().ToDictionary(c => c.GetProperty("callId").GetString()!);
        Assert.Equal((true, "agent", 1001), (recent["2"].GetProperty("transferred").GetBoolean(), recent["2"].GetProperty("transferredTo").GetString(), recent["2"].GetProperty("agentId").GetInt32()));
        Assert.Equal((1003, 1001, JsonValueKind.Null), (recent["3"].GetProperty("agentId").GetInt32(), recent["3"].GetProperty("orderedByAgentId").GetInt32(), recent["3"].GetProperty("transferredTo").ValueKind));
    }

    [Fact]
    public async Task GetBoard_QueueFilter_ShowsOnlyThoseQueues_UnknownQueueGivesEmptyBoard()
    {
        var now = Oslo.Now();
        await _db.Writer.WriteCallAsync(new CallRows(1, now.AddMinutes(-1), "__Callout_Sales").Order());
        await _db.Writer.WriteCallAsync(new CallRows(2, now.AddMinutes(-1), "__Callout_Support").Order());
        await _db.Writer.WriteCallAsync(new CallRows(3, now.AddMinutes(-1), "__Callout_Billing").Order());
        await _app.WaitForBoardAsync(b => b.GetProperty("activeCallouts").GetArrayLength() == 3);
        var client = _app.CreateClient();

        var filtered = await client.GetFromJsonAsync<JsonElement>("/api/board?queue=__Callout_Sales&queue=__Callout_Billing");
        var unknown = await client.GetFromJsonAsync<JsonElement>("/api/board?queue=__Callout_Nope");
        var hostile = await client.GetAsync("/api/board?queue=" + Uri.EscapeDataString("x' OR 1=1; DROP TABLE call_events; --") + "&queue=" + new string('ø', 10_000));

        Assert.Equal(["1", "3"], filtered.GetProperty("activeCallouts").EnumerateArray().Select(c => c.GetProperty("callId").GetString()).Order());
        Assert.Equal(["__Callout_Billing", "__Callout_Sales"], filtered.GetProperty("queues").EnumerateArray().Select(q => q.GetProperty("queueKey").GetString()).Order(StringComparer.Ordinal));
        foreach (var list in new[] { "activeCallouts", "recentCallouts", "scheduledPending", "recentCancelled", "agents", "queues" })
        {
            Assert.Equal(0, unknown.GetProperty(list).GetArrayLength());
        }
        Assert.True(hostile.IsSuccessStatusCode);
        Assert.Equal(3, (await _app.WaitForBoardAsync(b => true)).GetProperty("activeCallouts").GetArrayLength());
    }

    [Fact]
    public async Task Healthz_PollsSucceeding_IsHealthy()
    {
        await _app.WaitForBoardAsync(b => b.GetProperty("freshness").GetProperty("lastPollOk").GetBoolean());

        var health = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Equal("healthy", health.GetProperty("status").GetString());
    }

    private static JsonElement Single(JsonElement board, string list) => Assert.Single(board.GetProperty(list).EnumerateArray());

    private static HashSet<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToHashSet();

    private static string FormatOffset(TimeSpan offset) => (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm");
}
