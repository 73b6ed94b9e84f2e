using Callout.Dashboard.Domain;
using Callout.Dashboard.RawData;
using Callout.Dashboard.RawData.Tests.TestDatabases;
using Callout.Dashboard.RawDataPolling;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Callout.Dashboard.Tests.RawDataPolling;

/// <summary>The sync rule of §8.3 end to end: real database, real reader, real Board, pinned clock.</summary>
public abstract class BoardSyncContract(string provider) : IAsyncLifetime
{
    private static readonly TimeZoneInfo s_oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
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
        _board = new Board(new BoardRules { TimeZone = s_oslo }, _clock);
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

public sealed class PostgreSqlBoardSyncTests() : BoardSyncContract(RawDataProvider.PostgreSql);

public sealed class SqliteBoardSyncTests() : BoardSyncContract(RawDataProvider.Sqlite);
