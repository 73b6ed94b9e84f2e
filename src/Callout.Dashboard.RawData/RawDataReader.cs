using System.Data.Common;
using System.Text.RegularExpressions;
using Callout.Dashboard.Domain;
using Dapper;
using Npgsql;

namespace Callout.Dashboard.RawData;

/// <summary>
/// The poller's SQL over Puzzel's Raw data tables. Every value is a parameter; the only text spliced in is
/// the extras table name (checked to be an identifier) and one LIKE clause per configured prefix.
/// </summary>
public sealed partial class RawDataReader : IRawDataReader
{
    private const string CallColumns = """
        ce.rec_id, ce.call_id, ce.call_sequence, ce.dte_start, ce.duration_tot_sec, ce.duration_speak_sec,
        ce.source, ce.destination, ce.queue_key, ce.agent_id, ce.event_type, ce.result_code, ce.ciq,
        ce.call_transfer, ce.internal_iq_session_id, ce.dte_updated, ce.dte_scheduled_callback,
        ce.leg_type, ce.originating, x.agent2agent
        """;

    // §8.3: every call with a row rewritten since the watermark, read whole.
    private const string ChangedCallIds = "SELECT DISTINCT call_id FROM call_events WHERE dte_updated > @since";

    private const string CallsOf = """
        WITH changed AS (
          {0}
        ),
        relevant AS (
          SELECT DISTINCT ce.call_id
          FROM call_events ce
          WHERE {4}
            AND ((ce.event_type = 'q' AND ({1}))
              OR (ce.event_type = 'i' AND ce.source = 'xxxxxxxx')
              OR (ce.event_type = 'i' AND EXISTS (SELECT 1 FROM {2} xa WHERE xa.rec_id = ce.rec_id AND xa.agent2agent = 1)))
        )
        SELECT {3}
        FROM call_events ce
        LEFT JOIN {2} x ON x.rec_id = ce.rec_id
        WHERE {5}
        """;

    // For the start-up statement only (SET LOCAL ends with its transaction). Its plan is costed high (the
    // look-back is a range scan), so PostgreSQL would JIT-compile it, which took longer than running it (up to
    // 4 s at 10 M rows). Grouping the look-back's callouts by call needs ~160 bytes each (61 MB for 375k); with
    // the default 4 MB the hash spills to disk and the load takes about half as long again.
    internal const string StartupSettings = "SET LOCAL jit = off; SET LOCAL work_mem = '64MB'";

    private const string AgentEventColumns = "rec_id, agent_id, event_type, event_source, dte_start, pause_type, dte_updated";

    private const string AgentEventsChanged = $"""
        SELECT {AgentEventColumns} FROM agent_events
        WHERE event_type IN ('i', 'o', 'p', 'r') AND dte_updated > @since
        """;

    private const string AgentEventsFrom = $"""
        SELECT {AgentEventColumns} FROM agent_events
        WHERE event_type IN ('i', 'o', 'p', 'r') AND dte_start >= @from
        """;

    private const string NewestCallUpdate = "SELECT MAX(dte_updated) AS newest FROM call_events";

    private const string NewestAgentUpdate = "SELECT MAX(dte_updated) AS newest FROM agent_events";

    private const string Agents = "SELECT agent_id, user_name, full_name, usergroup_id, usergroup_name, deleted FROM agents";

    private const string Queues = "SELECT queue_key, descript FROM queues";

    private readonly IRawDataConnections _connections;
    private readonly int _commandTimeoutSeconds;
    private readonly ProviderSql _changedCallsSql;
    private readonly ProviderSql _startupCallsSql;
    private readonly DynamicParameters _prefixParameters = new();

    public RawDataReader(IRawDataConnections connections, RawDataOptions options)
    {
        _connections = connections;
        _commandTimeoutSeconds = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
        var extras = CheckedTableName(options.CallEventExtrasTable);
        for (var i = 0; i < options.CalloutQueuePrefixes.Length; i++)
        {
            _prefixParameters.Add($"prefix{i}", EscapeLike(options.CalloutQueuePrefixes[i]) + "%");
        }
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var prefixes = options.CalloutQueuePrefixes.Length;
        string ChangedCalls(bool postgres) => string.Format(culture, CallsOf, ChangedCallIds, PrefixClauses("ce", prefixes), extras, CallColumns,
            CallIdIn(postgres, "ce", "SELECT call_id FROM changed"), CallIdIn(postgres, "ce", "SELECT call_id FROM relevant"));
        _changedCallsSql = new(ChangedCalls(postgres: true), ChangedCalls(postgres: false));
        _startupCallsSql = new(
            StartupCallsQuery.Build(postgres: true, CallColumns, prefixes, extras),
            StartupCallsQuery.Build(postgres: false, CallColumns, prefixes, extras));
    }

    /// <summary>The start-up statement as run on PostgreSQL (the benchmark shows its plan).</summary>
    internal string StartupCallsSql => _startupCallsSql.Postgres;

    /// <summary>The changed-calls statement as run on PostgreSQL (the benchmark shows its plan).</summary>
    internal string ChangedCallsSql => _changedCallsSql.Postgres;

    public Task<IReadOnlyList<CallEventRow>> ReadChangedCallsAsync(DateTime since, CancellationToken cancellationToken) =>
        QueryAsync(_changedCallsSql, WithPrefixes(new { since }), ReadCallEvent, cancellationToken);

    public async Task<IReadOnlyList<CallEventRow>> ReadStartupCallsAsync(DateTime today, DateTime scheduledSince, TimeSpan scheduledThreshold, CancellationToken cancellationToken)
    {
        var parameters = WithPrefixes(new { today, scheduledSince, scheduledThresholdSec = (int)scheduledThreshold.TotalSeconds });
        await using var connection = await _connections.OpenAsync(cancellationToken);
        if (connection is not NpgsqlConnection)
        {
            return await QueryAsync(connection, null, _startupCallsSql.For(connection), parameters, ReadCallEvent, cancellationToken);
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(StartupSettings, transaction: transaction, cancellationToken: cancellationToken));
        var rows = await QueryAsync(connection, transaction, _startupCallsSql.Postgres, parameters, ReadCallEvent, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    public Task<IReadOnlyList<AgentEventRow>> ReadChangedAgentEventsAsync(DateTime since, CancellationToken cancellationToken) =>
        QueryAsync(AgentEventsChanged, new { since }, ReadAgentEvent, cancellationToken);

    public Task<IReadOnlyList<AgentEventRow>> ReadAgentEventsFromAsync(DateTime from, CancellationToken cancellationToken) =>
        QueryAsync(AgentEventsFrom, new { from }, ReadAgentEvent, cancellationToken);

    public async Task<Watermarks> ReadNewestUpdatesAsync(CancellationToken cancellationToken)
    {
        var calls = await QueryAsync(NewestCallUpdate, null, c => c.NullableTime("newest"), cancellationToken);
        var agents = await QueryAsync(NewestAgentUpdate, null, c => c.NullableTime("newest"), cancellationToken);
        return new Watermarks(calls[0], agents[0]);
    }

    public Task<IReadOnlyList<AgentRow>> ReadAgentsAsync(CancellationToken cancellationToken) =>
        QueryAsync(Agents, null, c => new AgentRow(
            c.Int("agent_id"), c.Text("user_name"), c.Text("full_name"), c.NullableInt("usergroup_id"),
            c.Text("usergroup_name"), c.NullableFlag("deleted") ?? false), cancellationToken);

    public async Task<IReadOnlyList<QueueRow>> ReadQueuesAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(Queues, null, c => (Key: c.Text("queue_key"), Name: c.Text("descript")), cancellationToken);
        return [.. rows.Where(r => r.Key is not null).Select(r => new QueueRow(r.Key!, r.Name))];
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, Func<ColumnReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, sql, parameters, map, cancellationToken);
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(ProviderSql sql, object? parameters, Func<ColumnReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        return await QueryAsync(connection, null, sql.For(connection), parameters, map, cancellationToken);
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, object? parameters,
        Func<ColumnReader, T> map, CancellationToken cancellationToken)
    {
        var command = new CommandDefinition(sql, parameters, transaction, _commandTimeoutSeconds, cancellationToken: cancellationToken);
        await using var reader = (DbDataReader)await connection.ExecuteReaderAsync(command);
        var columns = new ColumnReader(reader);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(columns));
        }
        return rows;
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
        EventType = c.Code("event_type") ?? "",
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
        EventType = c.Code("event_type") ?? "",
        EventSource = c.Code("event_source"),
        DteStart = c.Time("dte_start"),
        PauseType = c.Text("pause_type"),
        DteUpdated = c.NullableTime("dte_updated"),
    };

    /// <summary>"alias.queue_key LIKE @prefix0 ESCAPE '\' OR …", one per configured prefix (the values are parameters).</summary>
    internal static string PrefixClauses(string alias, int count) =>
        string.Join(" OR ", Enumerable.Range(0, count).Select(i => $@"{alias}.queue_key LIKE @prefix{i} ESCAPE '\'"));

    /// <summary>"alias.call_id IN (ids)", written so that each id is looked up in the call_id index.</summary>
    /// <remarks>
    /// ANALYZE samples too few rows to see that call_ids repeat only a few times: at 10 M rows PostgreSQL
    /// reckons 17 rows per call_id instead of 4, so for a few thousand ids in <c>IN (sub-select)</c> it plans a
    /// hash join over the whole table. An array built by a sub-select counts as a handful of ids, which it
    /// looks up one by one. SQLite has no arrays, and its planner already looks each id up.
    /// </remarks>
    internal static string CallIdIn(bool postgres, string alias, string ids) =>
        postgres ? $"{alias}.call_id = ANY(ARRAY({ids}))" : $"{alias}.call_id IN ({ids})";

    /// <summary>In LIKE, '_' and '%' are wildcards: Puzzel's '__Callout_' prefix must match literally.</summary>
    internal static string EscapeLike(string prefix) =>
        prefix.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private static string CheckedTableName(string name) =>
        TableName().IsMatch(name) ? name : throw new ArgumentException($"'{name}' is not a plain table name.", nameof(name));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$")]
    public static partial Regex TableName();
}

/// <summary>One statement in each provider's dialect, picked by the connection (tests reuse default options on both).</summary>
internal sealed record ProviderSql(string Postgres, string Sqlite)
{
    public string For(DbConnection connection) => connection is NpgsqlConnection ? Postgres : Sqlite;
}

/// <summary>Newest <c>dte_updated</c> in each event table at start-up: where the incremental polls begin.</summary>
public sealed record Watermarks(DateTime? Calls, DateTime? AgentEvents);
