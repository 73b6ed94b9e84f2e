namespace Callout.Dashboard.RawData.Tests;

/// <summary>
/// Puzzel databases as they really are (§9.7–9.9), on both providers: older versions without the extras table and
/// the v1.7/v1.9 columns, mirrors that name the pause column their own way, the extras table under either
/// spelling, required columns missing, and values that cannot be read. Rows are written in our shape, then the
/// database is altered into the shape under test, so every case reads the same calls.
/// </summary>
public abstract class RawDataShapeContract(string provider) : IAsyncLifetime
{
    private static readonly DateTime s_today = new(2026, 11, 27);
    private static readonly DateTime s_morning = s_today.AddHours(9);

    private TestDatabase _db = null!;

    private bool IsPostgres => RawDataProvider.IsPostgreSql(provider);

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Read_DatabaseOlderThanV16_ReadsWhatIsThereAndSaysWhatIsNot()
    {
        var callout = new CallRows(1, s_morning);
        await _db.Writer.WriteCallAsync([.. callout.Order().Select(r => r with { LegType = "Agent", DteScheduledCallback = new DateTimeOffset(s_morning.AddHours(3), TimeSpan.Zero) })]);
        var bySource = new CallRows(2, s_morning);
        await _db.Writer.WriteCallAsync([bySource.Row(1, PuzzelCodes.Initiation, s_morning, 30) with { Source = PuzzelCodes.AgentToAgentSource }]);
        var byFlag = new CallRows(3, s_morning);
        await _db.Writer.WriteCallAsync([byFlag.Row(1, PuzzelCodes.Initiation, s_morning, 30) with { Source = "4790000002", Agent2Agent = 1 }]);
        await _db.ExecuteAsync(SchemaScripts.AlterationsFor(provider, SchemaShape.V15));

        var reader = _db.Reader();
        var schema = await reader.DiscoverSchemaAsync(default);
        var rows = (await reader.ReadChangedCallsAsync(s_today, default)).Rows;

        Assert.Null(schema.ExtrasTable);
        Assert.False(schema.HasCallColumn("dte_scheduled_callback"));
        Assert.Contains("dte_scheduled_callback", schema.Summary());
        Assert.Contains("'xxxxxxxx' only", schema.Summary());
        // Without the extras table only the source tells an agent-to-agent call.
        Assert.Equal([1m, 2m], rows.Select(r => r.CallId).Distinct().Order());
        Assert.All(rows, r => Assert.Null(r.Agent2Agent));
        Assert.All(rows, r => Assert.Null(r.LegType));
        Assert.All(rows, r => Assert.Null(r.DteScheduledCallback));
        var startup = (await reader.ReadStartupCallsAsync(new StartupWindow(s_today, s_today, s_today.AddDays(-30), TimeSpan.FromMinutes(1)), default)).Rows;
        Assert.Equal([1m, 2m], startup.Select(r => r.CallId).Distinct().Order());
    }

    [Theory]
    [InlineData("call_event_extras", "call_events_extras")]
    [InlineData("call_events_extras", "call_event_extras")]
    [InlineData("call_event_extras", "call_event_extras")]
    public async Task Read_ExtrasTableUnderEitherSpelling_IsFound(string configured, string inDatabase)
    {
        var byFlag = new CallRows(3, s_morning);
        await _db.Writer.WriteCallAsync([byFlag.Row(1, PuzzelCodes.Initiation, s_morning, 30) with { Source = "4790000002", Agent2Agent = 1 }]);
        if (inDatabase != "call_event_extras")
        {
            await _db.ExecuteAsync($"ALTER TABLE call_event_extras RENAME TO {inDatabase}");
        }

        var reader = _db.Reader(new RawDataOptions { CallEventExtrasTable = configured });
        var schema = await reader.DiscoverSchemaAsync(default);
        var row = Assert.Single((await reader.ReadChangedCallsAsync(s_today, default)).Rows);

        Assert.Equal(inDatabase, schema.ExtrasTable);
        Assert.Equal((short)1, row.Agent2Agent);
    }

    [Fact]
    public async Task ReadAgentEvents_MirrorShape_PauseReasonFromPauseTypeName_ElseItsId()
    {
        await _db.Writer.WriteAgentEventsAsync(
        [
            new AgentEventRow { AgentId = 1001, EventType = "p", DteStart = s_morning, PauseType = "Lunch", DteUpdated = s_morning },
            new AgentEventRow { AgentId = 1002, EventType = "p", DteStart = s_morning, PauseType = null, DteUpdated = s_morning },
        ]);
        await _db.ExecuteAsync("ALTER TABLE agent_events ADD COLUMN pause_type_name varchar(100)");
        await _db.ExecuteAsync("ALTER TABLE agent_events ADD COLUMN pause_type_id int");
        await _db.ExecuteAsync("UPDATE agent_events SET pause_type_name = pause_type, pause_type_id = CASE WHEN pause_type IS NULL THEN 7 ELSE 3 END");
        await _db.ExecuteAsync("ALTER TABLE agent_events DROP COLUMN pause_type");

        var reader = _db.Reader();
        var schema = await reader.DiscoverSchemaAsync(default);
        var events = (await reader.ReadAgentEventsFromAsync(s_today, default)).Rows.OrderBy(e => e.AgentId).ToList();

        Assert.Equal(("pause_type_name", "pause_type_id"), (schema.PauseTextColumn, schema.PauseIdColumnRead));
        Assert.Equal(["Lunch", "Pause type 7"], events.Select(e => e.PauseType));
    }

    [Fact]
    public async Task ReadAgentEvents_OnlyPauseTypeId_ShowsTheIdAndSaysSo()
    {
        await _db.Writer.WriteAgentEventsAsync([new AgentEventRow { AgentId = 1001, EventType = "p", DteStart = s_morning, PauseType = "Lunch", DteUpdated = s_morning }]);
        await _db.ExecuteAsync("ALTER TABLE agent_events ADD COLUMN pause_type_id int");
        await _db.ExecuteAsync("UPDATE agent_events SET pause_type_id = 4");
        await _db.ExecuteAsync("ALTER TABLE agent_events DROP COLUMN pause_type");

        var reader = _db.Reader();
        var schema = await reader.DiscoverSchemaAsync(default);
        var pause = Assert.Single((await reader.ReadChangedAgentEventsAsync(s_today, default)).Rows);

        Assert.Equal("Pause type 4", pause.PauseType);
        Assert.Contains("pause reasons are shown by their pause_type_id", schema.Summary());
    }

    [Fact]
    public async Task ReadAgentEvents_ConfiguredPauseColumn_IsUsed_AndAMissingOneIsAClearError()
    {
        await _db.Writer.WriteAgentEventsAsync([new AgentEventRow { AgentId = 1001, EventType = "p", DteStart = s_morning, PauseType = "Lunch", DteUpdated = s_morning }]);
        await _db.ExecuteAsync("ALTER TABLE agent_events ADD COLUMN reason varchar(100)");
        await _db.ExecuteAsync("UPDATE agent_events SET reason = 'Training'");

        var configured = Assert.Single((await _db.Reader(new RawDataOptions { PauseTypeColumn = "reason" }).ReadChangedAgentEventsAsync(s_today, default)).Rows);
        var missing = await Assert.ThrowsAsync<RawDataSchemaException>(() => _db.Reader(new RawDataOptions { PauseTypeColumn = "nope" }).DiscoverSchemaAsync(default));

        Assert.Equal("Training", configured.PauseType);
        Assert.Contains("RawData:PauseTypeColumn", missing.Message);
    }

    [Theory]
    [InlineData("call_events", "dte_updated")]
    [InlineData("call_events", "event_type")]
    [InlineData("agent_events", "dte_start")]
    public async Task Discover_RequiredColumnMissing_IsAClearErrorNamingTableAndColumn(string table, string column)
    {
        // SQLite drops no indexed column: the index goes first.
        foreach (var index in new[] { $"ix_{table}_{column}", $"ix_{table}_agent_id_{column}" })
        {
            await _db.ExecuteAsync($"DROP INDEX IF EXISTS {index}");
        }
        await _db.ExecuteAsync($"ALTER TABLE {table} DROP COLUMN {column}");

        var error = await Assert.ThrowsAsync<RawDataSchemaException>(() => _db.Reader().ReadChangedCallsAsync(s_today, default));

        Assert.Contains($"table {table} has no column {column}", error.Message);
        Assert.Contains("ConnectionStrings:RawData", error.Message);
    }

    [Fact]
    public async Task Discover_NoRawDataTables_IsAClearError()
    {
        foreach (var table in new[] { "call_event_extras", "call_events", "agent_events", "agents", "queues" })
        {
            await _db.ExecuteAsync($"DROP TABLE {table}");
        }

        var error = await Assert.ThrowsAsync<RawDataSchemaException>(() => _db.Reader().DiscoverSchemaAsync(default));

        Assert.Contains("has no table call_events", error.Message);
    }

    [Fact]
    public async Task Read_OptionalTablesMissing_ReadsCallsAndSaysWhatTheBoardLacks()
    {
        await _db.Writer.WriteCallAsync(new CallRows(1, s_morning).Order());
        foreach (var table in new[] { "agent_events", "agents", "queues" })
        {
            await _db.ExecuteAsync($"DROP TABLE {table}");
        }

        var reader = _db.Reader();
        var schema = await reader.DiscoverSchemaAsync(default);

        Assert.Equal(2, (await reader.ReadChangedCallsAsync(s_today, default)).Rows.Count);
        Assert.Empty((await reader.ReadChangedAgentEventsAsync(s_today, default)).Rows);
        Assert.Empty((await reader.ReadAgentsAsync(default)).Rows);
        Assert.Empty((await reader.ReadQueuesAsync(default)).Rows);
        Assert.Equal(new Watermarks(s_morning.AddSeconds(5), null), await reader.ReadNewestUpdatesAsync(default));
        Assert.Contains("no agent status", schema.Summary());
    }

    [Fact]
    public async Task Read_BadValueInOneRow_DropsThatCallOnly_WithAnAnomaly()
    {
        await _db.Writer.WriteCallAsync(new CallRows(1, s_morning).Order());
        await _db.Writer.WriteCallAsync(new CallRows(2, s_morning).Order());
        await _db.Writer.WriteAgentEventsAsync(
        [
            new AgentEventRow { AgentId = 1001, EventType = "i", DteStart = s_morning, DteUpdated = s_morning },
            new AgentEventRow { AgentId = 1002, EventType = "i", DteStart = s_morning, DteUpdated = s_morning },
        ]);
        if (IsPostgres)
        {
            // A mirror without Puzzel's NOT NULL: a NULL where a value is needed.
            await _db.ExecuteAsync("ALTER TABLE call_events ALTER COLUMN dte_start DROP NOT NULL");
            await _db.ExecuteAsync("UPDATE call_events SET dte_start = NULL WHERE call_id = 2 AND call_sequence = 2");
            await _db.ExecuteAsync("ALTER TABLE agent_events ALTER COLUMN agent_id TYPE varchar(20)");
            await _db.ExecuteAsync("UPDATE agent_events SET agent_id = 'x1002' WHERE agent_id = '1002'");
        }
        else
        {
            // SQLite stores whatever text it is given.
            await _db.ExecuteAsync("UPDATE call_events SET dte_start = 'yesterday-ish' WHERE call_id LIKE '2%' AND call_sequence = 2");
            await _db.ExecuteAsync("UPDATE agent_events SET agent_id = 'x1002' WHERE agent_id = 1002");
        }

        var calls = await _db.Reader().ReadChangedCallsAsync(s_today, default);
        var agents = await _db.Reader().ReadChangedAgentEventsAsync(s_today, default);

        Assert.Equal([1m], calls.Rows.Select(r => r.CallId).Distinct());
        var anomaly = Assert.Single(calls.Anomalies);
        Assert.Equal(RowAnomaly.UnreadableValue, anomaly.Kind);
        Assert.Contains("call_id 2", anomaly.Detail);
        Assert.Contains("dte_start", anomaly.Detail);
        Assert.Equal([1001], agents.Rows.Select(e => e.AgentId));
        Assert.Contains("agent_id", Assert.Single(agents.Anomalies).Detail);
    }

    [Fact]
    public async Task Read_CodesInUpperCaseOrPadded_CompareAsPuzzelsCodes()
    {
        var call = new CallRows(1, s_morning);
        await _db.Writer.WriteCallAsync([.. call.Order().Select(r => r with { EventType = r.EventType.ToUpperInvariant(), ResultCode = r.ResultCode?.ToUpperInvariant() })]);
        var oldCallout = new CallRows(2, s_today.AddDays(-3).AddHours(9));
        await _db.Writer.WriteCallAsync([.. oldCallout.Order(initiationSeconds: 86_400 * 2), oldCallout.Row(3, "Q", s_today.AddDays(-2), 0) with { QueueKey = "__Callout_Sales", ResultCode = "D " }]);
        await _db.Writer.WriteAgentEventsAsync([new AgentEventRow { AgentId = 1001, EventType = "P", DteStart = s_morning, PauseType = "Lunch", DteUpdated = s_morning }]);

        var reader = _db.Reader();
        var changed = (await reader.ReadChangedCallsAsync(s_today, default)).Rows;
        var startup = (await reader.ReadStartupCallsAsync(new StartupWindow(s_today, s_today, s_today.AddDays(-30), TimeSpan.FromMinutes(1)), default)).Rows;
        var pause = Assert.Single((await reader.ReadChangedAgentEventsAsync(s_today, default)).Rows);

        Assert.Equal([1m], changed.Select(r => r.CallId).Distinct());
        // The deleted call ('Q' 'D ') is no pending scheduled call.
        Assert.Equal([1m], startup.Select(r => r.CallId).Distinct());
        Assert.Equal("P", pause.EventType);
    }
}

public sealed class PostgreSqlRawDataShapeTests() : RawDataShapeContract(RawDataProvider.PostgreSql);

public sealed class SqliteRawDataShapeTests() : RawDataShapeContract(RawDataProvider.Sqlite);
