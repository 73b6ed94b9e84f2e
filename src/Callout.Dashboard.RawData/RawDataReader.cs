using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Callout.Dashboard.Domain;
using Dapper;

namespace Callout.Dashboard.RawData;

/// <summary>
/// Runs the poller's SQL (<see cref="RawDataStatements"/>) over Puzzel's Raw data tables as this database has them.
/// A row with a value that cannot be read is left out with an anomaly (a call's other rows with it, so it is never
/// judged on half its rows); the rest of the read goes on.
/// </summary>
public sealed partial class RawDataReader : IRawDataReader
{
    // For the start-up statement only (SET LOCAL ends with its transaction). Its plan is costed high (the
    // look-back is a range scan), so PostgreSQL would JIT-compile it, which took longer than running it (up to
    // 4 s at 10 M rows). Grouping the look-back's callouts by call needs ~160 bytes each (61 MB for 375k); with
    // the default 4 MB the hash spills to disk and the load takes about half as long again.
    internal const string StartupSettings = "SET LOCAL jit = off; SET LOCAL work_mem = '64MB'";

    /// <summary>rec_ids per statement: after a long outage the window holds many new rows, read in a few statements.</summary>
    private const int IdsPerStatement = 10_000;

    private readonly IRawDataConnections _connections;
    private readonly RawDataOptions _options;
    private readonly int _commandTimeoutSeconds;
    private readonly DynamicParameters _prefixParameters = new();
    private volatile RawDataStatements? _statements;

    public RawDataReader(IRawDataConnections connections, RawDataOptions options)
    {
        _connections = connections;
        _options = options;
        _ = CheckedTableName(options.CallEventExtrasTable);
        _commandTimeoutSeconds = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
        for (var i = 0; i < options.CalloutQueuePrefixes.Length; i++)
        {
            _prefixParameters.Add($"prefix{i}", EscapeLike(options.CalloutQueuePrefixes[i]) + "%");
        }
    }

    public async Task<RawDataSchema> DiscoverSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var schema = await SchemaDiscovery.DiscoverAsync(connection, _options, cancellationToken);
        _statements = new RawDataStatements(schema, _options.CalloutQueuePrefixes.Length);
        return schema;
    }

    /// <summary>The start-up statement as run on PostgreSQL (the benchmark shows its plan).</summary>
    internal async Task<string> StartupCallsSqlAsync(CancellationToken cancellationToken) => (await StatementsAsync(cancellationToken)).Startup;

    /// <summary>The row-stamps statement as run (the benchmark shows its plan).</summary>
    internal async Task<string> RowStampsSqlAsync(CancellationToken cancellationToken) => (await StatementsAsync(cancellationToken)).RowStamps;

    /// <summary>The changed-calls statement as run (the benchmark shows its plan).</summary>
    internal async Task<string> CallsWithRowsSqlAsync(CancellationToken cancellationToken) => (await StatementsAsync(cancellationToken)).CallsWithRows;

    public async Task<RawRead<RowStamp>> ReadRowStampsAsync(DateTime since, CancellationToken cancellationToken)
    {
        var statements = await StatementsAsync(cancellationToken);
        return await QueryAsync(statements.RowStamps, new { since }, c => new RowStamp(c.Long("rec_id"), c.Time("dte_updated")),
            RawDataSchema.CallEvents, cancellationToken);
    }

    public async Task<RawRead<CallEventRow>> ReadCallsWithRowsAsync(DateTime since, IReadOnlyCollection<long> recIds, CancellationToken cancellationToken)
    {
        if (recIds.Count == 0)
        {
            return RawRead<CallEventRow>.Empty;
        }
        var statements = await StatementsAsync(cancellationToken);
        var rows = new List<CallEventRow>();
        var anomalies = new List<RowAnomaly>();
        var read = new HashSet<decimal>();
        foreach (var chunk in recIds.Distinct().Chunk(IdsPerStatement))
        {
            object ids = statements.Schema.IsPostgreSql ? chunk : System.Text.Json.JsonSerializer.Serialize(chunk);
            var calls = await ReadCallRowsAsync(statements.CallsWithRows, WithPrefixes(new { since, recIds = ids }), null, cancellationToken);
            // Rows of one call can fall in two chunks: each call is taken once.
            var fresh = calls.Rows.Select(r => r.CallId).Distinct().Where(read.Add).ToHashSet();
            rows.AddRange(calls.Rows.Where(r => fresh.Contains(r.CallId)));
            anomalies.AddRange(calls.Anomalies);
        }
        return new RawRead<CallEventRow>(rows, anomalies);
    }

    /// <summary>
    /// Every callout row of every call with a row stamped after <paramref name="since"/>: what a poller that
    /// remembered nothing would read. Tests use it.
    /// </summary>
    public async Task<RawRead<CallEventRow>> ReadChangedCallsAsync(DateTime since, CancellationToken cancellationToken)
    {
        var stamps = await ReadRowStampsAsync(since, cancellationToken);
        var calls = await ReadCallsWithRowsAsync(since, [.. stamps.Rows.Select(s => s.RecId)], cancellationToken);
        return calls with { Anomalies = [.. stamps.Anomalies, .. calls.Anomalies] };
    }

    public async Task<RawRead<CallEventRow>> ReadStartupCallsAsync(StartupWindow window, CancellationToken cancellationToken)
    {
        var statements = await StatementsAsync(cancellationToken);
        var parameters = WithPrefixes(new
        {
            recentFrom = window.RecentFrom,
            openFrom = window.OpenFrom,
            scheduledSince = window.ScheduledSince,
            scheduledThresholdSec = (int)window.ScheduledThreshold.TotalSeconds,
        });
        return await ReadCallRowsAsync(statements.Startup, parameters, statements.Schema.IsPostgreSql ? StartupSettings : null, cancellationToken);
    }

    public async Task<RawRead<AgentEventRow>> ReadChangedAgentEventsAsync(DateTime since, CancellationToken cancellationToken)
    {
        var statements = await StatementsAsync(cancellationToken);
        return statements.AgentEventsChanged is { } sql
            ? await QueryAsync(sql, new { since }, ReadAgentEvent, RawDataSchema.AgentEvents, cancellationToken)
            : RawRead<AgentEventRow>.Empty;
    }

    public async Task<RawRead<AgentEventRow>> ReadAgentEventsFromAsync(DateTime from, CancellationToken cancellationToken)
    {
        var statements = await StatementsAsync(cancellationToken);
        return statements.AgentEventsFrom is { } sql
            ? await QueryAsync(sql, new { from }, ReadAgentEvent, RawDataSchema.AgentEvents, cancellationToken)
            : RawRead<AgentEventRow>.Empty;
    }

    public async Task<Watermarks> ReadNewestUpdatesAsync(CancellationToken cancellationToken)
    {
        var statements = await StatementsAsync(cancellationToken);
        var calls = await QueryAsync(statements.NewestCallUpdate, null, c => c.NullableTime("newest"), RawDataSchema.CallEvents, cancellationToken);
        var agents = statements.NewestAgentUpdate is { } sql
            ? await QueryAsync(sql, null, c => c.NullableTime("newest"), RawDataSchema.AgentEvents, cancellationToken)
            : RawRead<DateTime?>.Empty;
        return new Watermarks(calls.Rows.FirstOrDefault(), agents.Rows.FirstOrDefault());
    }

    public async Task<RawRead<AgentRow>> ReadAgentsAsync(CancellationToken cancellationToken)
    {
        var statements = await StatementsAsync(cancellationToken);
        return statements.Agents is { } sql
            ? await QueryAsync(sql, null, c => new AgentRow(
                c.Int("agent_id"), c.Text("user_name"), c.Text("full_name"), c.NullableInt("usergroup_id"),
                c.Text("usergroup_name"), c.NullableFlag("deleted") ?? false), RawDataSchema.Agents, cancellationToken)
            : RawRead<AgentRow>.Empty;
    }

    public async Task<RawRead<QueueRow>> ReadQueuesAsync(CancellationToken cancellationToken)
    {
        var statements = await StatementsAsync(cancellationToken);
        if (statements.Queues is not { } sql)
        {
            return RawRead<QueueRow>.Empty;
        }
        var read = await QueryAsync(sql, null, c => (Key: c.Text("queue_key"), Name: c.Text("descript")), RawDataSchema.Queues, cancellationToken);
        return new RawRead<QueueRow>([.. read.Rows.Where(r => r.Key is not null).Select(r => new QueueRow(r.Key!, r.Name))], read.Anomalies);
    }

    private async ValueTask<RawDataStatements> StatementsAsync(CancellationToken cancellationToken)
    {
        if (_statements is null)
        {
            await DiscoverSchemaAsync(cancellationToken);
        }
        return _statements!;
    }

    /// <summary>Call rows, leaving out every row of a call that has a row with an unreadable value.</summary>
    private async Task<RawRead<CallEventRow>> ReadCallRowsAsync(string sql, object parameters, string? settings, CancellationToken cancellationToken)
    {
        var badCalls = new HashSet<decimal>();
        var read = await QueryAsync(sql, parameters, c =>
        {
            try
            {
                return ReadCallEvent(c);
            }
            catch (RawValueException)
            {
                if (c.TryId("call_id") is { } callId)
                {
                    badCalls.Add(callId);
                }
                throw;
            }
        }, RawDataSchema.CallEvents, cancellationToken, settings);
        return badCalls.Count == 0 ? read : read with { Rows = [.. read.Rows.Where(r => !badCalls.Contains(r.CallId))] };
    }

    private async Task<RawRead<T>> QueryAsync<T>(string sql, object? parameters, Func<ColumnReader, T> map, string table,
        CancellationToken cancellationToken, string? settings = null)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = settings is null ? null : await connection.BeginTransactionAsync(cancellationToken);
        if (settings is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(settings, transaction: transaction, cancellationToken: cancellationToken));
        }
        var command = new CommandDefinition(sql, parameters, transaction, _commandTimeoutSeconds, cancellationToken: cancellationToken);
        await using var reader = (DbDataReader)await connection.ExecuteReaderAsync(command);
        var columns = new ColumnReader(reader);
        var rows = new List<T>();
        var anomalies = new List<RowAnomaly>();
        while (await reader.ReadAsync(cancellationToken))
        {
            try
            {
                rows.Add(map(columns));
            }
            catch (RawValueException ex)
            {
                anomalies.Add(new RowAnomaly(RowAnomaly.UnreadableValue, $"{table} {columns.Describe()}: {ex.Message}; left out"));
            }
        }
        await reader.DisposeAsync();
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return new RawRead<T>(rows, anomalies);
    }

    private DynamicParameters WithPrefixes(object values)
    {
        var parameters = new DynamicParameters(values);
        parameters.AddDynamicParams(_prefixParameters);
        return parameters;
    }

    private static CallEventRow ReadCallEvent(ColumnReader c) => new()
    {
        RecId = c.Long("rec_id"),
        CallId = c.Id("call_id"),
        CallSequence = c.NullableInt("call_sequence"),
        DteStart = c.Time("dte_start"),
        DurationTotSec = c.NullableInt("duration_tot_sec") ?? 0,
        DurationSpeakSec = c.NullableInt("duration_speak_sec"),
        Source = c.Text("source"),
        Destination = c.Text("destination"),
        QueueKey = c.Text("queue_key"),
        AgentId = c.NullableInt("agent_id"),
        EventType = c.RequiredCode("event_type"),
        ResultCode = c.Code("result_code"),
        Ciq = c.Code("ciq"),
        CallTransfer = c.NullableFlag("call_transfer"),
        InternalIqSessionId = c.NullableGuid("internal_iq_session_id"),
        DteUpdated = c.NullableTime("dte_updated"),
        DteScheduledCallback = c.NullableTimeWithOffset("dte_scheduled_callback"),
        LegType = c.Text("leg_type"),
        Originating = c.Text("originating"),
        Agent2Agent = c.NullableShort("agent2agent"),
    };

    private static AgentEventRow ReadAgentEvent(ColumnReader c) => new()
    {
        RecId = c.NullableLong("rec_id"),
        AgentId = c.Int("agent_id"),
        EventType = c.RequiredCode("event_type"),
        EventSource = c.Code("event_source"),
        DteStart = c.Time("dte_start"),
        // §9.8: a mirror with only pause_type_id still says which pause it is.
        PauseType = c.Text("pause_type") ?? (c.NullableLong("pause_type_id") is { } id ? string.Create(CultureInfo.InvariantCulture, $"Pause type {id}") : null),
        DteUpdated = c.NullableTime("dte_updated"),
    };

    /// <summary>In LIKE, '_' and '%' are wildcards: Puzzel's '__Callout_' prefix must match literally.</summary>
    internal static string EscapeLike(string prefix) =>
        prefix.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private static string CheckedTableName(string name) =>
        TableName().IsMatch(name) ? name : throw new ArgumentException($"'{name}' is not a plain table name.", nameof(name));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$")]
    public static partial Regex TableName();
}
