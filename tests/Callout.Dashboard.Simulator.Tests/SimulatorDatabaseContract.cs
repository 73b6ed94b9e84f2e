using Callout.Dashboard.Domain;
using Callout.Dashboard.RawData;
using Callout.Dashboard.RawData.Tests.TestDatabases;
using Callout.Dashboard.Simulator;
using Microsoft.Extensions.Time.Testing;

namespace Callout.Dashboard.Simulator.Tests;

/// <summary>The simulator writing into real PostgreSQL and SQLite, read back by the real reader and Board.</summary>
public abstract class SimulatorDatabaseContract(string provider) : IAsyncLifetime
{
    private static readonly DateTime s_now = SimulatedCentre.Start.AddHours(3);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(s_now, SimulatedCentre.Oslo.GetUtcOffset(s_now)));
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Backfill_ThreeHours_ReaderAndBoardSeeCalloutsAgentsAndLookups()
    {
        var runner = Runner();
        await runner.WriteLookupsAsync(default);

        await runner.BackfillAsync(SimulatedCentre.Start, default);

        var reader = _db.Reader();
        var board = new Board(new BoardRules { TimeZone = SimulatedCentre.Oslo }, _clock);
        board.Apply(new PollBatch(
            (await reader.ReadStartupCallsAsync(new StartupWindow(s_now.Date, s_now.Date, s_now.Date.AddDays(-30), TimeSpan.FromMinutes(1)), default)).Rows,
            (await reader.ReadAgentEventsFromAsync(s_now.Date, default)).Rows,
            (await reader.ReadAgentsAsync(default)).Rows,
            (await reader.ReadQueuesAsync(default)).Rows));
        var snapshot = board.Snapshot(QueueFilter.All);

        Assert.True(runner.RowsWritten > 500, $"only {runner.RowsWritten} rows");
        Assert.NotEmpty(snapshot.RecentCallouts);
        Assert.NotEmpty(snapshot.ScheduledPending);
        Assert.NotEmpty(snapshot.Agents);
        Assert.Contains(snapshot.Queues, q => q.Name == "Sales callouts");
        Assert.DoesNotContain(snapshot.Agents, a => a.Name.StartsWith("Agent ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LiveWrites_CallRewritten_GetsNewRecIds()
    {
        var runner = Runner();
        var generator = new TrafficGenerator(new CentreProfile { TimeZone = SimulatedCentre.Oslo, RatePerMinute = 30 }, 11, s_now);
        var recIdsByCall = new Dictionary<decimal, HashSet<long>>();
        var rewritten = 0;

        for (var minute = 1; minute <= 20; minute++)
        {
            var writes = generator.Advance(s_now.AddMinutes(minute));
            await runner.WriteAsync(writes, default);
            var rows = (await _db.Reader().ReadChangedCallsAsync(s_now.AddMinutes(minute - 1), default)).Rows;
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

    private SimulatorRunner Runner() =>
        new(_db.Writer, new CentreProfile { TimeZone = SimulatedCentre.Oslo, MaxArrivalDelay = TimeSpan.FromSeconds(30) }, 1, _clock);
}

public sealed class PostgreSqlSimulatorTests() : SimulatorDatabaseContract(RawDataProvider.PostgreSql);

public sealed class SqliteSimulatorTests() : SimulatorDatabaseContract(RawDataProvider.Sqlite);
