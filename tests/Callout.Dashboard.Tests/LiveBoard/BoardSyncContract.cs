namespace Callout.Dashboard.Tests.LiveBoard;

/// <summary>The sync rule of §8.3 end to end: real database, real reader, real Board, pinned clock.</summary>
public abstract class BoardSyncContract(string provider) : IAsyncLifetime
{
    // 10:00 in Oslo (UTC+1 in November).
    private static readonly DateTime s_now = new(2026, 11, 27, 10, 0, 0);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(s_now, TimeSpan.FromHours(1)));
    private readonly FakeLogger<AnomalyLog> _anomalyLogger = new();
    private TestDatabase _db = null!;
    private Board _board = null!;
    private BoardSync _sync = null!;
    private AnomalyLog _anomalies = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _board = new Board(new BoardRules { TimeZone = Oslo.Zone }, _clock);
        _anomalies = new AnomalyLog(_anomalyLogger);
        _sync = new BoardSync(_db.Reader(), _board, Options.Create(new RawDataOptions()), _clock, _anomalies, new SchemaReport(new FakeLogger<SchemaReport>()));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Poll_RowCommittedLateWithOlderStamp_IsStillPickedUp()
    {
        await _db.Writer.WriteCallAsync(new CallRows(1, s_now.AddMinutes(-3)).UpdatedAt(s_now.AddSeconds(-1)).Order());
        await _sync.PollOnceAsync(default);

        // Stamped 2 s before the watermark, but committed only after the poll that set it.
        await _db.Writer.WriteCallAsync(new CallRows(2, s_now.AddMinutes(-2)).UpdatedAt(s_now.AddSeconds(-3)).Order());
        _clock.Advance(TimeSpan.FromSeconds(2));
        await _sync.PollOnceAsync(default);

        Assert.Equal(["1", "2"], _board.Snapshot(QueueFilter.All).ActiveCallouts.Select(c => c.CallId));
    }

    /// <summary>§9.5: a load transaction or a mirror's batch copy makes a row visible minutes after its dte_updated.</summary>
    [Fact]
    public async Task Poll_RowVisibleThreeMinutesAfterItsStamp_IsShown()
    {
        await _db.Writer.WriteCallAsync(new CallRows(1, s_now.AddMinutes(-5)).UpdatedAt(s_now).Order());
        await _sync.PollOnceAsync(default);
        for (var i = 0; i < 90; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(2));
            await _sync.PollOnceAsync(default);
        }

        // Stamped when the first poll ran, visible only three minutes of polls later.
        await _db.Writer.WriteCallAsync(new CallRows(2, s_now.AddMinutes(-4)).UpdatedAt(s_now.AddSeconds(1)).Order());
        _clock.Advance(TimeSpan.FromSeconds(2));
        var delta = await _sync.PollOnceAsync(default);

        Assert.NotNull(delta);
        Assert.Equal(["1", "2"], _board.Snapshot(QueueFilter.All).ActiveCallouts.Select(c => c.CallId));
    }

    /// <summary>§9.5 within one call: a mirror copies a call's Conversation row in a later batch, stamped as the order rows were.</summary>
    [Fact]
    public async Task Poll_RowOfAKnownCallVisibleLateWithTheSameStamp_IsFoldedIn()
    {
        var call = new CallRows(1, s_now.AddMinutes(-5)).UpdatedAt(s_now.AddMinutes(-1));
        await _db.Writer.WriteCallAsync(call.Order());
        await _sync.PollOnceAsync(default);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await _sync.PollOnceAsync(default);
        Assert.Single(_board.Snapshot(QueueFilter.All).ActiveCallouts);

        await _db.Writer.AppendRowsAsync([call.Row(3, PuzzelCodes.Conversation, s_now.AddMinutes(-4), 20) with { Ciq = "a", QueueKey = "__Callout_Sales", AgentId = 1001, ResultCode = "b" }]);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await _sync.PollOnceAsync(default);

        var snapshot = _board.Snapshot(QueueFilter.All);
        Assert.Empty(snapshot.ActiveCallouts);
        Assert.Equal(CalloutOutcome.AgentNotReached, Assert.Single(snapshot.RecentCallouts).Outcome);
    }

    /// <summary>The long overlap costs nothing when nothing changed: calls already seen are not read again.</summary>
    [Fact]
    public async Task Poll_NothingNew_ReadsNoCallAgain()
    {
        var counting = new CountingCalls(_db.Reader());
        var sync = new BoardSync(counting, _board, Options.Create(new RawDataOptions()), _clock, _anomalies, new SchemaReport(new FakeLogger<SchemaReport>()));
        await _db.Writer.WriteCallAsync(new CallRows(1, s_now.AddMinutes(-3)).UpdatedAt(s_now.AddSeconds(-1)).Order());
        await sync.PollOnceAsync(default);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await sync.PollOnceAsync(default); // the first incremental poll takes the window once
        var before = counting.CallsRead.Count;

        _clock.Advance(TimeSpan.FromSeconds(2));
        await sync.PollOnceAsync(default);
        await _db.Writer.WriteCallAsync(new CallRows(2, s_now.AddMinutes(-1)).UpdatedAt(s_now.AddSeconds(3)).Order());
        _clock.Advance(TimeSpan.FromSeconds(2));
        await sync.PollOnceAsync(default);

        Assert.Equal([2m], counting.CallsRead.Skip(before));
    }

    /// <summary>§9.6: a fresh start just after local midnight shows what a board that never stopped shows.</summary>
    [Fact]
    public async Task Poll_FreshStartFiveMinutesAfterLocalMidnight_ShowsThePreviousHoursRecentItems()
    {
        var midnight = new DateTime(2026, 11, 28);
        _clock.SetUtcNow(new DateTimeOffset(midnight.AddMinutes(5), TimeSpan.FromHours(1)));
        var answered = new CallRows(1, midnight.AddMinutes(-30)).UpdatedAt(midnight.AddMinutes(-25));
        await _db.Writer.WriteCallAsync(answered.Completed("k"));
        var notAnswered = new CallRows(2, midnight.AddMinutes(-12)).UpdatedAt(midnight.AddMinutes(-8));
        await _db.Writer.WriteCallAsync(notAnswered.Completed("t"));
        var cancelled = new CallRows(3, midnight.AddMinutes(-20)).UpdatedAt(midnight.AddMinutes(-2));
        await _db.Writer.WriteCallAsync([.. cancelled.Order(initiationSeconds: 3600), cancelled.Row(3, PuzzelCodes.Queue, midnight.AddMinutes(-2), 0) with { QueueKey = "__Callout_Sales", ResultCode = "d" }]);
        var tooOld = new CallRows(4, midnight.AddMinutes(-90)).UpdatedAt(midnight.AddMinutes(-85));
        await _db.Writer.WriteCallAsync(tooOld.Completed("k"));
        var awaitingData = new CallRows(5, midnight.AddMinutes(-45)).UpdatedAt(midnight.AddMinutes(-45));
        await _db.Writer.WriteCallAsync(awaitingData.Order());

        await _sync.PollOnceAsync(default);

        var snapshot = _board.Snapshot(QueueFilter.All);
        Assert.Equal(["2", "1"], snapshot.RecentCallouts.Select(c => c.CallId));
        Assert.Equal("3", Assert.Single(snapshot.RecentCancelled).CallId);
        Assert.Equal((ActiveState.AwaitingData, "5"), (Assert.Single(snapshot.ActiveCallouts).State, snapshot.ActiveCallouts[0].CallId));
        // Today began five minutes ago: nothing ended in it yet.
        Assert.All(snapshot.Queues, q => Assert.Equal((0, 0), (q.AnsweredToday, q.NotAnsweredToday)));
    }

    /// <summary>§9.5: the data age counts every row read, so an hour without callouts on a busy database is not stale data.</summary>
    [Fact]
    public async Task Poll_OnlyInboundTraffic_MovesTheDataAgeAndTheWatermark()
    {
        await _db.Writer.WriteCallAsync(new CallRows(1, s_now.AddHours(-1)).UpdatedAt(s_now.AddHours(-1)).Completed());
        await _sync.PollOnceAsync(default);
        Assert.Equal(s_now.AddHours(-1), _board.State.NewestRowAt);

        await _db.Writer.WriteCallAsync(new CallRows(2, s_now.AddMinutes(-3), "Inbound_Sales").UpdatedAt(s_now.AddSeconds(1)).Completed());
        _clock.Advance(TimeSpan.FromSeconds(2));
        await _sync.PollOnceAsync(default);

        Assert.Equal(s_now.AddSeconds(1), _board.State.NewestRowAt);
        Assert.DoesNotContain(2m, _board.State.Calls.Keys);
    }

    /// <summary>§9.7: the schema is looked at again after a failed poll, so a table created later is read without a restart.</summary>
    [Fact]
    public async Task Poll_TableMissingThenCreated_FailsClearlyThenReads()
    {
        await _db.ExecuteAsync("ALTER TABLE agent_events RENAME TO agent_events_later");
        await _db.ExecuteAsync("ALTER TABLE call_events RENAME TO call_events_later");

        var failure = await Assert.ThrowsAsync<RawDataSchemaException>(() => _sync.PollOnceAsync(default));
        Assert.Equal(PollFailure.MissingSchema, _board.State.Poll.LastError);
        Assert.Contains("no table call_events", _board.State.Poll.LastErrorDetail);
        Assert.False(_board.State.Poll.LastPollOk);

        await _db.ExecuteAsync("ALTER TABLE call_events_later RENAME TO call_events");
        await _db.Writer.WriteCallAsync(new CallRows(1, s_now.AddMinutes(-1)).Order());
        _clock.Advance(TimeSpan.FromSeconds(2));
        await _sync.PollOnceAsync(default);

        Assert.Contains("call_events", failure.Message);
        Assert.True(_board.State.Poll.LastPollOk);
        Assert.Single(_board.Snapshot(QueueFilter.All).ActiveCallouts);
    }

    /// <summary>A value that cannot be read drops its call, counted in /healthz; the rest of the poll is applied.</summary>
    [Fact]
    public async Task Poll_UnreadableValueInOneCall_AppliesTheRest()
    {
        await _db.Writer.WriteCallAsync(new CallRows(1, s_now.AddMinutes(-1)).Order());
        await _db.Writer.WriteCallAsync(new CallRows(2, s_now.AddMinutes(-1)).Order());
        await _db.ExecuteAsync(RawDataProvider.IsPostgreSql(provider)
            ? "ALTER TABLE call_events ALTER COLUMN event_type DROP NOT NULL; UPDATE call_events SET event_type = NULL WHERE call_id = 2 AND call_sequence = 1"
            : "UPDATE call_events SET call_sequence = 'first' WHERE call_id LIKE '2%' AND call_sequence = 1");

        await _sync.PollOnceAsync(default);

        Assert.True(_board.State.Poll.LastPollOk);
        Assert.Equal([1m], _board.State.Calls.Keys);
        Assert.Equal(1, _anomalies.Counts[RowAnomaly.UnreadableValue]);
    }

    [Fact]
    public async Task Poll_CallRewrittenWithSessionTwo_MovesToCompletedOnce()
    {
        var call = new CallRows(7001, s_now.AddMinutes(-4)).UpdatedAt(s_now.AddMinutes(-4));
        await _db.Writer.WriteCallAsync(call.Order());
        await _sync.PollOnceAsync(default);
        Assert.Single(_board.Snapshot(QueueFilter.All).ActiveCallouts);

        _clock.Advance(TimeSpan.FromMinutes(2));
        await _db.Writer.WriteCallAsync(call.UpdatedAt(s_now.AddMinutes(2)).Completed(talkSeconds: 80));
        var delta = await _sync.PollOnceAsync(default);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var repeat = await _sync.PollOnceAsync(default);

        var snapshot = _board.Snapshot(QueueFilter.All);
        Assert.NotNull(delta);
        Assert.Null(repeat);
        Assert.Empty(snapshot.ActiveCallouts);
        var done = Assert.Single(snapshot.RecentCallouts);
        Assert.Equal((CalloutOutcome.Answered, 80), (done.Outcome, done.TalkSeconds));
        Assert.Equal(1, snapshot.Queues.Single().AnsweredToday);
    }

    [Fact]
    public async Task Poll_StartUp_LoadsTodayAgentsLookupsAndPendingScheduled()
    {
        await _db.Writer.WriteCallAsync(new CallRows(1, s_now.AddHours(-1)).Completed("t"));
        await _db.Writer.WriteCallAsync(new CallRows(2, s_now.AddDays(-3)).Order(initiationSeconds: 4 * 86_400, agentId: 1001));
        await _db.Writer.WriteAgentEventsAsync(
        [
            new AgentEventRow { AgentId = 1001, EventType = "i", DteStart = s_now.AddHours(-2), DteUpdated = s_now.AddHours(-2) },
            new AgentEventRow { AgentId = 1001, EventType = "p", DteStart = s_now.AddMinutes(-10), PauseType = "Lunch", DteUpdated = s_now.AddMinutes(-10) },
        ]);
        await _db.Writer.WriteLookupsAsync([new AgentRow(1001, "kari", "Kari Nordmann", 1, "Sales", false)], [new QueueRow("__Callout_Sales", "Sales callouts")]);

        await _sync.PollOnceAsync(default);

        var snapshot = _board.Snapshot(QueueFilter.All);
        Assert.Equal(CalloutOutcome.NoAnswer, Assert.Single(snapshot.RecentCallouts).Outcome);
        var scheduled = Assert.Single(snapshot.ScheduledPending);
        Assert.Equal(s_now.AddDays(1), scheduled.DueAt.DateTime);
        Assert.False(scheduled.Overdue);
        var agent = Assert.Single(snapshot.Agents);
        Assert.Equal(("Kari Nordmann", AgentPresence.Paused, "Lunch"), (agent.Name, agent.Status, agent.PauseType));
        Assert.Equal("Sales callouts", snapshot.Queues.Single().Name);
        Assert.True(snapshot.Freshness.LastPollOk);
    }

    [Fact]
    public async Task Poll_AgentEventsAfterStartUp_AreFoldedIncrementally()
    {
        await _sync.PollOnceAsync(default);
        await _db.Writer.WriteAgentEventsAsync([new AgentEventRow { AgentId = 1002, EventType = "i", DteStart = s_now, DteUpdated = s_now }]);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await _sync.PollOnceAsync(default);
        await _db.Writer.WriteAgentEventsAsync([new AgentEventRow { AgentId = 1002, EventType = "p", DteStart = s_now.AddSeconds(1), PauseType = "Meeting", DteUpdated = s_now.AddSeconds(1) }]);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await _sync.PollOnceAsync(default);

        var agent = Assert.Single(_board.Snapshot(QueueFilter.All).Agents);
        Assert.Equal((AgentPresence.Paused, "Meeting"), (agent.Status, agent.PauseType));
    }

    [Fact]
    public async Task Poll_BadRows_NeverThrow_AreCountedAndLoggedOnce()
    {
        var at = s_now.AddMinutes(-5);
        var unknownCode = new CallRows(1, at);
        await _db.Writer.WriteCallAsync([.. unknownCode.Completed().Select(r => r.Ciq == "c" ? r with { ResultCode = "z" } : r)]);
        var noQueueKey = new CallRows(2, at);
        await _db.Writer.WriteCallAsync([.. noQueueKey.Order(), noQueueKey.Row(3, PuzzelCodes.Queue, at, 0) with { ResultCode = "q" }]);
        var noCiq = new CallRows(3, at);
        await _db.Writer.WriteCallAsync([.. noCiq.Order(), noCiq.Row(3, PuzzelCodes.Conversation, at, 10) with { QueueKey = "__Callout_Sales", ResultCode = "k" }]);
        var longSource = new CallRows(4, at);
        await _db.Writer.WriteCallAsync([.. longSource.Order().Select(r => r.EventType == "i" ? r with { Source = new string('9', 500) } : r)]);
        var noInitiation = new CallRows(5, at);
        await _db.Writer.WriteCallAsync([noInitiation.Order()[1]]);
        var otherUnknownCode = new CallRows(6, at);
        await _db.Writer.WriteCallAsync([.. otherUnknownCode.Completed().Select(r => r.Ciq == "c" ? r with { ResultCode = "x" } : r)]);

        await _sync.PollOnceAsync(default);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await _sync.PollOnceAsync(default);

        Assert.True(_board.State.Poll.LastPollOk);
        Assert.Equal(6, _board.State.Calls.Count);
        Assert.Equal(2, _anomalies.Counts[RowAnomaly.UnknownResultCode]);
        foreach (var kind in new[] { RowAnomaly.MissingQueueKey, RowAnomaly.MissingCiq, RowAnomaly.OversizedSource, RowAnomaly.MissingInitiation })
        {
            Assert.True(_anomalies.Counts.ContainsKey(kind), kind);
        }
        Assert.Equal(_anomalies.Counts.Count, _anomalyLogger.Collector.GetSnapshot().Count);
        Assert.Equal(CallClassifier.MaxDestinationLength, _board.Snapshot(QueueFilter.All).ActiveCallouts.Single(c => c.CallId == "4").Destination!.Length);
    }

    [Fact]
    public async Task Poll_NullsNegativeDurationsAndAbsurdDates_AreCountedAndNothingIsLost()
    {
        var at = s_now.AddMinutes(-5);
        var bare = new CallRows(1, at);
        // Only the NOT NULL columns set: every nullable column is NULL.
        await _db.Writer.WriteCallAsync([bare.Row(1, PuzzelCodes.Initiation, at, 0) with { DteUpdated = null }, bare.Row(2, PuzzelCodes.Queue, at, 0) with { QueueKey = "__Callout_Sales", DteUpdated = s_now.AddSeconds(-1) }]);
        var negative = new CallRows(2, at);
        await _db.Writer.WriteCallAsync([.. negative.Completed().Select(r => r with { DurationTotSec = -30, DurationSpeakSec = -5 })]);
        var old = new CallRows(3, new DateTime(1900, 1, 1, 10, 0, 0));
        await _db.Writer.WriteCallAsync([.. old.UpdatedAt(s_now.AddSeconds(-1)).Completed()]);
        var future = new CallRows(4, new DateTime(2100, 1, 1, 10, 0, 0));
        await _db.Writer.WriteCallAsync([.. future.UpdatedAt(s_now.AddSeconds(-1)).Order()]);
        var fine = new CallRows(5, at);
        await _db.Writer.WriteCallAsync(fine.Order());

        await _sync.PollOnceAsync(default);

        var snapshot = _board.Snapshot(QueueFilter.All);
        Assert.True(_board.State.Poll.LastPollOk);
        Assert.Contains(snapshot.ActiveCallouts, c => c.CallId == "1");
        Assert.Contains(snapshot.ActiveCallouts, c => c.CallId == "5");
        Assert.DoesNotContain(snapshot.ActiveCallouts, c => c.CallId == "4");
        Assert.Equal(0, Assert.Single(snapshot.RecentCallouts, c => c.CallId == "2").TalkSeconds);
        Assert.True(_anomalies.Counts.ContainsKey(RowAnomaly.NegativeDuration));
        Assert.True(_anomalies.Counts[RowAnomaly.ImplausibleDate] >= 2);
    }

    [Fact]
    public async Task Poll_RowStampedInTheFuture_DoesNotHideLaterRows()
    {
        await _db.Writer.WriteCallAsync(new CallRows(1, s_now.AddMinutes(-1)).UpdatedAt(new DateTime(2100, 1, 1)).Order());
        await _sync.PollOnceAsync(default);
        await _db.Writer.WriteCallAsync(new CallRows(2, s_now).UpdatedAt(s_now.AddSeconds(1)).Order());
        _clock.Advance(TimeSpan.FromSeconds(2));

        await _sync.PollOnceAsync(default);

        Assert.Equal(["1", "2"], _board.Snapshot(QueueFilter.All).ActiveCallouts.Select(c => c.CallId));
    }
}

/// <summary>The reader, counting which calls it is asked to read whole.</summary>
internal sealed class CountingCalls(IRawDataReader inner) : IRawDataReader
{
    public List<decimal> CallsRead { get; } = [];

    public Task<RawDataSchema> DiscoverSchemaAsync(CancellationToken cancellationToken) => inner.DiscoverSchemaAsync(cancellationToken);

    public Task<RawRead<RowStamp>> ReadRowStampsAsync(DateTime since, CancellationToken cancellationToken) => inner.ReadRowStampsAsync(since, cancellationToken);

    public async Task<RawRead<CallEventRow>> ReadCallsWithRowsAsync(DateTime since, IReadOnlyCollection<long> recIds, CancellationToken cancellationToken)
    {
        var read = await inner.ReadCallsWithRowsAsync(since, recIds, cancellationToken);
        CallsRead.AddRange(read.Rows.Select(r => r.CallId).Distinct());
        return read;
    }

    public Task<RawRead<CallEventRow>> ReadStartupCallsAsync(StartupWindow window, CancellationToken cancellationToken) => inner.ReadStartupCallsAsync(window, cancellationToken);

    public Task<RawRead<AgentEventRow>> ReadChangedAgentEventsAsync(DateTime since, CancellationToken cancellationToken) => inner.ReadChangedAgentEventsAsync(since, cancellationToken);

    public Task<RawRead<AgentEventRow>> ReadAgentEventsFromAsync(DateTime from, CancellationToken cancellationToken) => inner.ReadAgentEventsFromAsync(from, cancellationToken);

    public Task<Watermarks> ReadNewestUpdatesAsync(CancellationToken cancellationToken) => inner.ReadNewestUpdatesAsync(cancellationToken);

    public Task<RawRead<AgentRow>> ReadAgentsAsync(CancellationToken cancellationToken) => inner.ReadAgentsAsync(cancellationToken);

    public Task<RawRead<QueueRow>> ReadQueuesAsync(CancellationToken cancellationToken) => inner.ReadQueuesAsync(cancellationToken);
}

public sealed class PostgreSqlBoardSyncTests() : BoardSyncContract(RawDataProvider.PostgreSql);

public sealed class SqliteBoardSyncTests() : BoardSyncContract(RawDataProvider.Sqlite);
