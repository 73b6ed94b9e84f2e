using Callout.Dashboard.RawData;
using Dapper;

namespace Callout.Dashboard.Simulator.Tests;

/// <summary>The simulator writing into real PostgreSQL and SQLite, read back by the real reader and Board.</summary>
public abstract class SimulatorDatabaseContract(string provider) : IAsyncLifetime
{
    private static readonly DateTime s_now = SimulatedCentre.Start.AddHours(3);

    private static readonly CentreProfile s_profile = new() { TimeZone = Oslo.Zone, MaxArrivalDelay = TimeSpan.FromSeconds(30) };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(s_now, Oslo.Zone.GetUtcOffset(s_now)));
    private readonly List<TestDatabase> _databases = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var db in _databases)
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task Backfill_ThreeHours_ReaderAndBoardSeeCalloutsAgentsAndLookups()
    {
        var db = await DatabaseAsync(SchemaShape.Current);
        var runner = Runner(db);
        await runner.WriteLookupsAsync(default);

        await runner.BackfillAsync(SimulatedCentre.Start, default);

        var snapshot = (await BoardFromAsync(db)).Snapshot(QueueFilter.All);
        Assert.True(runner.RowsWritten > 500, $"only {runner.RowsWritten} rows");
        Assert.NotEmpty(snapshot.RecentCallouts);
        Assert.NotEmpty(snapshot.ScheduledPending);
        Assert.NotEmpty(snapshot.Agents);
        Assert.Contains(snapshot.Queues, q => q.Name == "Sales callouts");
        Assert.DoesNotContain(snapshot.Agents, a => a.Name.StartsWith("Agent ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Backfill_V15Database_WritesEveryRowWithoutExtrasAndReaderFindsAgentToAgentBySource()
    {
        var db = await DatabaseAsync(SchemaShape.V15);
        var expected = await BackfillHourAsync(db);

        var board = await BoardFromAsync(db);

        Assert.Null((await db.Reader().DiscoverSchemaAsync(default)).ExtrasTable);
        Assert.Equal(expected.Values.Sum(rows => rows.Count), await CountAsync(db, "SELECT COUNT(*) FROM call_events"));
        // Before v1.6 only the Initiation source 'xxxxxxxx' says a call is agent-to-agent (seed: "Agent-to-agent calls").
        var bySource = expected.Values.Count(rows => rows.Any(r => r.EventType == "i" && r.Source == PuzzelCodes.AgentToAgentSource));
        Assert.True(bySource > 0);
        Assert.Equal(expected.Values.Count(IsAgentToAgent), bySource);
        Assert.Equal(bySource, board.Snapshot(QueueFilter.All).AgentToAgentToday);
        // Without dte_scheduled_callback (v1.7) the waiting scheduled calls are told by their long Initiation event.
        Assert.NotEmpty(board.Snapshot(QueueFilter.All).ScheduledPending);
    }

    [Fact]
    public async Task Backfill_MirrorDatabase_PauseReasonsInPauseTypeNameAndFlagsInCallEventsExtras()
    {
        var db = await DatabaseAsync(SchemaShape.Mirror);
        var expected = await BackfillHourAsync(db);

        var board = await BoardFromAsync(db);

        var schema = await db.Reader().DiscoverSchemaAsync(default);
        Assert.Equal(("call_events_extras", "pause_type_name"), (schema.ExtrasTable, schema.PauseTextColumn));
        var flagged = expected.Values.Count(rows => rows.Any(r => r.Agent2Agent == 1));
        Assert.True(flagged > 0);
        Assert.Equal(flagged, await CountAsync(db, "SELECT COUNT(*) FROM call_events_extras WHERE agent2agent = 1"));
        Assert.Equal(expected.Values.Count(IsAgentToAgent), board.Snapshot(QueueFilter.All).AgentToAgentToday);

        var pauses = (await db.Reader().ReadAgentEventsFromAsync(s_now.Date, default)).Rows.Where(e => e.EventType == "p").ToList();
        Assert.NotEmpty(pauses);
        Assert.All(pauses, p => Assert.Contains(p.PauseType, CentreProfile.PauseTypes));
        await using var connection = await db.Connections.OpenAsync(default);
        var stored = await connection.QueryAsync<(string Name, int Id)>("SELECT pause_type_name, pause_type_id FROM agent_events WHERE event_type = 'p'");
        Assert.All(stored, p => Assert.Equal(RawDataWriter.PauseTypeId(p.Name), p.Id));
    }

    [Fact]
    public async Task Backfill_OnlyPauseTypeId_ReaderShowsEachPauseByItsStableId()
    {
        var db = await DatabaseAsync(SchemaShape.Mirror);
        await db.ExecuteAsync("ALTER TABLE agent_events DROP COLUMN pause_type_name");
        await BackfillHourAsync(db);

        var pauses = (await db.Reader().ReadAgentEventsFromAsync(s_now.Date, default)).Rows.Where(e => e.EventType == "p").ToList();

        Assert.NotEmpty(pauses);
        var ids = CentreProfile.PauseTypes.Select(name => $"Pause type {RawDataWriter.PauseTypeId(name)}").ToList();
        Assert.Equal(CentreProfile.PauseTypes.Count, ids.Distinct().Count());
        Assert.All(pauses, p => Assert.Contains(p.PauseType, ids));
    }

    [Fact]
    public async Task LiveWrites_CallRewritten_GetsNewRecIds()
    {
        var db = await DatabaseAsync(SchemaShape.Current);
        var runner = Runner(db);
        var generator = new TrafficGenerator(new CentreProfile { TimeZone = Oslo.Zone, RatePerMinute = 30 }, 11, s_now);
        var recIdsByCall = new Dictionary<decimal, HashSet<long>>();
        var rewritten = 0;

        for (var minute = 1; minute <= 20; minute++)
        {
            var writes = generator.Advance(s_now.AddMinutes(minute));
            await runner.WriteAsync(writes, default);
            var rows = (await db.Reader().ReadChangedCallsAsync(s_now.AddMinutes(minute - 1), default)).Rows;
            foreach (var call in rows.GroupBy(r => r.CallId))
            {
                var ids = call.Select(r => r.RecId).ToHashSet();
                if (recIdsByCall.TryGetValue(call.Key, out var before) && !before.SetEquals(ids))
                {
                    Assert.Empty(before.Intersect(ids));
                    rewritten++;
                }
                recIdsByCall[call.Key] = ids;
            }
        }

        Assert.True(rewritten > 5, $"only {rewritten} rewrites seen");
    }

    private async Task<TestDatabase> DatabaseAsync(SchemaShape shape)
    {
        var db = await TestDatabase.CreateAsync(provider, shape);
        _databases.Add(db);
        return db;
    }

    private SimulatorRunner Runner(TestDatabase db) => new(db.Writer, s_profile, 1, _clock);

    /// <summary>Backfills the last hour and returns each call's final rows, from a generator run the same way.</summary>
    private async Task<Dictionary<decimal, IReadOnlyList<CallEventRow>>> BackfillHourAsync(TestDatabase db)
    {
        var from = s_now.AddHours(-1);
        var runner = Runner(db);
        await runner.WriteLookupsAsync(default);
        await runner.BackfillAsync(from, default);
        return new TrafficGenerator(s_profile, 1, from).Advance(s_now).OfType<CallWrite>()
            .GroupBy(w => w.CallId).ToDictionary(g => g.Key, g => g.Last().Rows);
    }

    /// <summary>What a dashboard starting now would load: the start-up read, today's agent events and the lookups.</summary>
    private async Task<Board> BoardFromAsync(TestDatabase db)
    {
        var reader = db.Reader();
        var board = new Board(new BoardRules { TimeZone = Oslo.Zone }, _clock);
        board.Apply(new PollBatch(
            (await reader.ReadStartupCallsAsync(new StartupWindow(s_now.Date, s_now.Date, s_now.Date.AddDays(-30), TimeSpan.FromMinutes(1)), default)).Rows,
            (await reader.ReadAgentEventsFromAsync(s_now.Date, default)).Rows,
            (await reader.ReadAgentsAsync(default)).Rows,
            (await reader.ReadQueuesAsync(default)).Rows));
        return board;
    }

    private static bool IsAgentToAgent(IReadOnlyList<CallEventRow> rows) =>
        rows.Any(r => r.EventType == "i" && (r.Source == PuzzelCodes.AgentToAgentSource || r.Agent2Agent == 1));

    private static async Task<long> CountAsync(TestDatabase db, string sql)
    {
        await using var connection = await db.Connections.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}

public sealed class PostgreSqlSimulatorTests() : SimulatorDatabaseContract(RawDataProvider.PostgreSql);

public sealed class SqliteSimulatorTests() : SimulatorDatabaseContract(RawDataProvider.Sqlite);
