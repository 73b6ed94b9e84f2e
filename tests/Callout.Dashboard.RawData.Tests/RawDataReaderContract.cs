namespace Callout.Dashboard.RawData.Tests;

/// <summary>The reader's behaviour, run unchanged against real PostgreSQL and SQLite.</summary>
public abstract class RawDataReaderContract(string provider) : IAsyncLifetime
{
    private static readonly DateTime s_today = new(2026, 11, 27);
    private static readonly DateTime s_morning = s_today.AddHours(9);

    protected TestDatabase Db { get; private set; } = null!;

    /// <summary>A start-up whose "recent" and "open" horizons are both <paramref name="from"/>, with a 30-day look-back.</summary>
    private static StartupWindow StartingAt(DateTime from) => new(from, from, from.AddDays(-30), TimeSpan.FromMinutes(1));

    public async Task InitializeAsync() => Db = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await Db.DisposeAsync();

    [Fact]
    public async Task ReadChangedCalls_CallIdAbove2Pow63_SurvivesExactly()
    {
        const decimal bigId = 9876543210987654321m;
        await Db.Writer.WriteCallAsync(new CallRows(bigId, s_morning).Order());

        var rows = (await Db.Reader().ReadChangedCallsAsync(s_today, default)).Rows;

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(bigId, r.CallId));
        Assert.Equal("9876543210987654321", rows[0].CallId.ToString("0", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ReadChangedCalls_OneRowChanged_ReturnsWholeCall()
    {
        var call = new CallRows(7001, s_morning);
        await Db.Writer.WriteCallAsync(call.Order());
        await Db.Writer.AppendRowsAsync([call.Row(3, PuzzelCodes.Conversation, s_morning.AddMinutes(1), 30) with { Ciq = "a", ResultCode = "h", DteUpdated = s_morning.AddMinutes(10) }]);

        var rows = (await Db.Reader().ReadChangedCallsAsync(s_morning.AddMinutes(5), default)).Rows;

        Assert.Equal(3, rows.Count);
        Assert.Equal(["c", "i", "q"], rows.Select(r => r.EventType).Order());
    }

    [Fact]
    public async Task ReadChangedCalls_NothingNewer_ReturnsNothing()
    {
        await Db.Writer.WriteCallAsync(new CallRows(7001, s_morning).Order());

        var rows = (await Db.Reader().ReadChangedCallsAsync(s_morning.AddHours(1), default)).Rows;

        Assert.Empty(rows);
    }

    [Fact]
    public async Task ReadChangedCalls_RewrittenCall_HasNewRecIdsAndSessionTwoRows()
    {
        var call = new CallRows(7001, s_morning);
        await Db.Writer.WriteCallAsync(call.Order());
        var before = (await Db.Reader().ReadChangedCallsAsync(s_today, default)).Rows;

        await Db.Writer.WriteCallAsync(call.UpdatedAt(s_morning.AddMinutes(4)).Completed());
        var after = (await Db.Reader().ReadChangedCallsAsync(s_morning.AddMinutes(1), default)).Rows;

        Assert.Equal(4, after.Count);
        Assert.Empty(after.Select(r => r.RecId).Intersect(before.Select(r => r.RecId)));
        Assert.All(after, r => Assert.Equal(s_morning.AddMinutes(4), r.DteUpdated));
    }

    [Fact]
    public async Task ReadChangedCalls_InboundAndDiallerCalls_AreNotRead()
    {
        await Db.Writer.WriteCallAsync(new CallRows(1, s_morning, "Inbound_Sales").Order());
        await Db.Writer.WriteCallAsync(new CallRows(2, s_morning, "__Dial_Campaign").Order());
        // '_' is a LIKE wildcard: this key would match an unescaped '__Callout_%'.
        await Db.Writer.WriteCallAsync(new CallRows(3, s_morning, "XXCalloutX").Order());
        await Db.Writer.WriteCallAsync(new CallRows(4, s_morning, "__Callout_Sales").Order());

        var rows = (await Db.Reader().ReadChangedCallsAsync(s_today, default)).Rows;

        Assert.Equal([4m], rows.Select(r => r.CallId).Distinct());
    }

    [Fact]
    public async Task ReadChangedCalls_ConfiguredPrefixes_AllMatch()
    {
        await Db.Writer.WriteCallAsync(new CallRows(1, s_morning, "__Callout_Sales").Order());
        await Db.Writer.WriteCallAsync(new CallRows(2, s_morning, "OUT%_Support").Order());
        await Db.Writer.WriteCallAsync(new CallRows(3, s_morning, "OUTX_Support").Order());

        var reader = Db.Reader(new RawDataOptions { CalloutQueuePrefixes = ["__Callout_", "OUT%_"] });
        var rows = (await reader.ReadChangedCallsAsync(s_today, default)).Rows;

        Assert.Equal([1m, 2m], rows.Select(r => r.CallId).Distinct().Order());
    }

    [Fact]
    public async Task ReadChangedCalls_AgentToAgentCalls_AreReadWithTheirFlag()
    {
        var flagged = new CallRows(10, s_morning);
        await Db.Writer.WriteCallAsync([flagged.Row(1, PuzzelCodes.Initiation, s_morning, 1) with { Source = "4790000002", Agent2Agent = 1 }]);
        var bySource = new CallRows(11, s_morning);
        await Db.Writer.WriteCallAsync([bySource.Row(1, PuzzelCodes.Initiation, s_morning, 1) with { Source = PuzzelCodes.AgentToAgentSource }]);
        var ordinary = new CallRows(12, s_morning);
        await Db.Writer.WriteCallAsync([ordinary.Row(1, PuzzelCodes.Initiation, s_morning, 1) with { Source = "4790000002", Agent2Agent = 0 }]);

        var rows = (await Db.Reader().ReadChangedCallsAsync(s_today, default)).Rows;

        Assert.Equal([10m, 11m], rows.Select(r => r.CallId).Order());
        Assert.Equal((short)1, rows.Single(r => r.CallId == 10).Agent2Agent);
        Assert.Null(rows.Single(r => r.CallId == 11).Agent2Agent);
    }

    [Fact]
    public async Task ReadChangedCalls_AllColumns_RoundTrip()
    {
        var session = Guid.NewGuid();
        var scheduled = new DateTimeOffset(2026, 11, 27, 14, 30, 0, TimeSpan.FromHours(1));
        var call = new CallRows(7001, s_morning);
        var written = call.Row(3, PuzzelCodes.Conversation, s_morning.AddSeconds(2.5), 95) with
        {
            DurationSpeakSec = 90, Source = "src", Destination = "4790000001", QueueKey = "__Callout_Sales", AgentId = 1001,
            ResultCode = "k", Ciq = "a", CallTransfer = true, InternalIqSessionId = session, DteScheduledCallback = scheduled,
            LegType = "Agent", Originating = "4799999999",
        };
        await Db.Writer.WriteCallAsync([.. call.Order(), written]);

        var read = (await Db.Reader().ReadChangedCallsAsync(s_today, default)).Rows.Single(r => r.CallSequence == 3);

        Assert.Equal(written with { RecId = read.RecId, DteScheduledCallback = read.DteScheduledCallback }, read);
        Assert.Equal(scheduled.UtcDateTime, read.DteScheduledCallback!.Value.UtcDateTime);
    }

    [Fact]
    public async Task ReadChangedCalls_NullableColumnsNull_ReadAsNull()
    {
        var call = new CallRows(7001, s_morning);
        await Db.Writer.WriteCallAsync([call.Row(1, PuzzelCodes.Initiation, s_morning, 1), call.Row(2, PuzzelCodes.Queue, s_morning, 0) with { QueueKey = "__Callout_Sales" }]);

        var rows = (await Db.Reader().ReadChangedCallsAsync(s_today, default)).Rows;

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Null(r.ResultCode);
            Assert.Null(r.Ciq);
            Assert.Null(r.Source);
            Assert.Null(r.AgentId);
            Assert.Null(r.CallTransfer);
            Assert.Null(r.DteScheduledCallback);
            Assert.Null(r.InternalIqSessionId);
        });
    }

    [Fact]
    public async Task ReadStartupCalls_TodayAndPendingScheduled_AreLoaded_OldFinishedAreNot()
    {
        var today = new CallRows(1, s_morning);
        await Db.Writer.WriteCallAsync(today.Order());
        var pending = new CallRows(2, s_today.AddDays(-10).AddHours(9));
        await Db.Writer.WriteCallAsync(pending.Order(initiationSeconds: 12 * 86_400));
        var executed = new CallRows(3, s_today.AddDays(-10).AddHours(9));
        await Db.Writer.WriteCallAsync(executed.Order(initiationSeconds: 3_600).Concat(executed.Completed().Skip(2)).ToList());
        var deleted = new CallRows(4, s_today.AddDays(-10).AddHours(9));
        await Db.Writer.WriteCallAsync([.. deleted.Order(initiationSeconds: 86_400), deleted.Row(3, PuzzelCodes.Queue, s_today.AddDays(-9), 0) with { QueueKey = "__Callout_Sales", ResultCode = "d " }]);
        var tooOld = new CallRows(5, s_today.AddDays(-40));
        await Db.Writer.WriteCallAsync(tooOld.Order(initiationSeconds: 50 * 86_400));
        var yesterday = new CallRows(6, s_today.AddDays(-1).AddHours(9));
        await Db.Writer.WriteCallAsync(yesterday.Completed());

        var rows = (await Db.Reader().ReadStartupCallsAsync(StartingAt(s_today), default)).Rows;

        Assert.Equal([1m, 2m], rows.Select(r => r.CallId).Distinct().Order());
    }

    [Fact]
    public async Task ReadStartupCalls_CallsTouchedToday_AreLoadedWhole_OtherQueuesAreNot()
    {
        var overMidnight = new CallRows(1, s_today.AddMinutes(-2));
        await Db.Writer.WriteCallAsync([.. overMidnight.Order(), overMidnight.Row(3, PuzzelCodes.Conversation, s_today.AddMinutes(1), 60) with { Ciq = "a", QueueKey = "__Callout_Sales", ResultCode = "k" }]);
        var rewrittenToday = new CallRows(2, s_today.AddDays(-3).AddHours(9)).UpdatedAt(s_morning);
        await Db.Writer.WriteCallAsync(rewrittenToday.Completed());
        await Db.Writer.WriteCallAsync(new CallRows(3, s_morning, "Inbound_Sales").Completed());
        var agentToAgent = new CallRows(4, s_morning);
        await Db.Writer.WriteCallAsync([agentToAgent.Row(1, PuzzelCodes.Initiation, s_morning, 30) with { Source = PuzzelCodes.AgentToAgentSource }]);
        var agentToAgentYesterday = new CallRows(5, s_today.AddDays(-1).AddHours(9));
        await Db.Writer.WriteCallAsync([agentToAgentYesterday.Row(1, PuzzelCodes.Initiation, s_today.AddDays(-1).AddHours(9), 30) with { Source = PuzzelCodes.AgentToAgentSource }]);

        var rows = (await Db.Reader().ReadStartupCallsAsync(StartingAt(s_today), default)).Rows;

        Assert.Equal([1m, 2m, 4m], rows.Select(r => r.CallId).Distinct().Order());
        Assert.Equal(3, rows.Count(r => r.CallId == 1));
        Assert.Equal(4, rows.Count(r => r.CallId == 2));
    }

    [Fact]
    public async Task ReadStartupCalls_OlderCallouts_OnlyScheduledOnesStillWaitingAreLoaded()
    {
        var dayAgo = s_today.AddDays(-5).AddHours(9);
        // Scheduled by dte_scheduled_callback alone: its Initiation is as short as an immediate callout's.
        var byCallbackTime = new CallRows(1, dayAgo);
        await Db.Writer.WriteCallAsync([.. byCallbackTime.Order().Select(r => r.EventType == PuzzelCodes.Initiation ? r with { DteScheduledCallback = new DateTimeOffset(dayAgo.AddDays(1), TimeSpan.Zero) } : r)]);
        // Never made, never scheduled: an old immediate callout is not in the waiting room.
        await Db.Writer.WriteCallAsync(new CallRows(2, dayAgo).Order());
        // Made, but its Conversation row carries no queue key (a transfer leg): still not pending.
        var madeWithoutQueueKey = new CallRows(3, dayAgo);
        await Db.Writer.WriteCallAsync([.. madeWithoutQueueKey.Order(initiationSeconds: 3_600), madeWithoutQueueKey.Row(3, PuzzelCodes.Conversation, dayAgo.AddHours(1), 60) with { Ciq = "c", ResultCode = "k" }]);
        // Deleted today, long after it was ordered: touched today, so loaded with its 'd' row.
        var deletedToday = new CallRows(4, dayAgo);
        await Db.Writer.WriteCallAsync([.. deletedToday.Order(initiationSeconds: 86_400), deletedToday.Row(3, PuzzelCodes.Queue, s_morning, 0) with { QueueKey = "__Callout_Sales", ResultCode = "d" }]);
        // Waiting in a queue of a second configured prefix.
        await Db.Writer.WriteCallAsync(new CallRows(5, dayAgo, "OUT_Support").Order(initiationSeconds: 86_400));

        var reader = Db.Reader(new RawDataOptions { CalloutQueuePrefixes = ["__Callout_", "OUT_"] });
        var rows = (await reader.ReadStartupCallsAsync(StartingAt(s_today), default)).Rows;

        Assert.Equal([1m, 4m, 5m], rows.Select(r => r.CallId).Distinct().Order());
        Assert.Equal(3, rows.Count(r => r.CallId == 4));
    }

    [Fact]
    public async Task ReadCodes_PaddedOrUntrimmed_AreTrimmed()
    {
        var call = new CallRows(7001, s_morning);
        await Db.Writer.WriteCallAsync([.. call.Order().Select(r => r.ResultCode == "q" ? r with { ResultCode = "q " } : r)]);

        var rows = (await Db.Reader().ReadChangedCallsAsync(s_today, default)).Rows;

        Assert.Equal("q", rows.Single(r => r.EventType == PuzzelCodes.Queue).ResultCode);
    }

    [Fact]
    public async Task ReadAgentEvents_StatusEventsOnly_ByUpdateAndByStart()
    {
        await Db.Writer.WriteAgentEventsAsync(
        [
            new AgentEventRow { AgentId = 1001, EventType = "i", DteStart = s_morning, DteUpdated = s_morning.AddMinutes(1) },
            new AgentEventRow { AgentId = 1001, EventType = "p", DteStart = s_morning.AddHours(1), PauseType = "Lunch", DteUpdated = s_morning.AddHours(1).AddMinutes(1) },
            new AgentEventRow { AgentId = 1001, EventType = "c", DteStart = s_morning.AddHours(2), DteUpdated = s_morning.AddHours(2) },
            new AgentEventRow { AgentId = 1002, EventType = "o", DteStart = s_today.AddDays(-2), DteUpdated = s_today.AddDays(-2) },
        ]);

        var changed = (await Db.Reader().ReadChangedAgentEventsAsync(s_morning.AddMinutes(30), default)).Rows;
        var fromToday = (await Db.Reader().ReadAgentEventsFromAsync(s_today, default)).Rows;

        var pause = Assert.Single(changed);
        Assert.Equal(("p", "Lunch", 1001), (pause.EventType, pause.PauseType, pause.AgentId));
        Assert.Equal(["i", "p"], fromToday.Select(e => e.EventType).Order());
    }

    [Fact]
    public async Task ReadNewestUpdates_EmptyThenFilled_ReportsMaxima()
    {
        var empty = await Db.Reader().ReadNewestUpdatesAsync(default);
        await Db.Writer.WriteCallAsync(new CallRows(1, s_morning).UpdatedAt(s_morning.AddMinutes(7)).Order());
        await Db.Writer.WriteAgentEventsAsync([new AgentEventRow { AgentId = 1, EventType = "i", DteStart = s_morning, DteUpdated = s_morning.AddMinutes(3) }]);

        var filled = await Db.Reader().ReadNewestUpdatesAsync(default);

        Assert.Equal(new Watermarks(null, null), empty);
        Assert.Equal(new Watermarks(s_morning.AddMinutes(7), s_morning.AddMinutes(3)), filled);
    }

    [Fact]
    public async Task ReadLookups_AgentsAndQueues_AreRead()
    {
        await Db.Writer.WriteLookupsAsync(
            [new AgentRow(1001, "kari", "Kari Nordmann", 7, "Team Sales", false), new AgentRow(1002, null, null, null, null, true)],
            [new QueueRow("__Callout_Sales", "Sales callouts"), new QueueRow("Inbound_Sales", null)]);

        var agents = (await Db.Reader().ReadAgentsAsync(default)).Rows;
        var queues = (await Db.Reader().ReadQueuesAsync(default)).Rows;

        Assert.Equal([new AgentRow(1001, "kari", "Kari Nordmann", 7, "Team Sales", false), new AgentRow(1002, null, null, null, null, true)], agents.OrderBy(a => a.AgentId));
        Assert.Equal([new QueueRow("Inbound_Sales", null), new QueueRow("__Callout_Sales", "Sales callouts")], queues.OrderBy(q => q.QueueKey, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ApplySchema_Twice_IsHarmless()
    {
        await using var connection = await Db.Connections.OpenAsync(default);
        await SchemaScripts.ApplyAsync(connection, provider);
        await Db.Writer.WriteCallAsync(new CallRows(1, s_morning).Order());

        Assert.Equal(2, (await Db.Reader().ReadChangedCallsAsync(s_today, default)).Rows.Count);
    }
}

public sealed class PostgreSqlRawDataReaderTests() : RawDataReaderContract(RawDataProvider.PostgreSql);

public sealed class SqliteRawDataReaderTests() : RawDataReaderContract(RawDataProvider.Sqlite);
