using System.Data.Common;
using System.Text.RegularExpressions;
using Callout.Dashboard.Domain;
using Dapper;

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

    // Start-up: today's calls, plus scheduled callouts ordered within the look-back that may still be
    // pending (no Conversation rows and no 'd' Queue row yet). The look-back starts from callout Queue
    // events, which an index on (queue_key, dte_start) finds, rather than from every Initiation event.
    private const string StartupCallIds = """
        SELECT call_id FROM call_events WHERE dte_start >= @today
        UNION SELECT call_id FROM call_events WHERE dte_updated >= @today
        UNION SELECT q.call_id FROM call_events q
          WHERE q.event_type = 'q' AND q.dte_start >= @scheduledSince AND q.dte_start < @today AND ({0})
            AND EXISTS (SELECT 1 FROM call_events i WHERE i.call_id = q.call_id AND i.event_type = 'i'
                        AND (i.duration_tot_sec > @scheduledThresholdSec OR i.dte_scheduled_callback IS NOT NULL))
            AND NOT EXISTS (SELECT 1 FROM call_events c WHERE c.call_id = q.call_id
                            AND (c.event_type = 'c' OR (c.event_type = 'q' AND TRIM(c.result_code) = 'd')))
        """;

    private const string CallsOf = """
        WITH changed AS (
          {0}
        ),
        relevant AS (
          SELECT DISTINCT ce.call_id
          FROM call_events ce
          WHERE ce.call_id IN (SELECT call_id FROM changed)
            AND ((ce.event_type = 'q' AND ({1}))
              OR (ce.event_type = 'i' AND ce.source = 'xxxxxxxx')
              OR (ce.event_type = 'i' AND EXISTS (SELECT 1 FROM {2} xa WHERE xa.rec_id = ce.rec_id AND xa.agent2agent = 1)))
        )
        SELECT {3}
        FROM call_events ce
        LEFT JOIN {2} x ON x.rec_id = ce.rec_id
        WHERE ce.call_id IN (SELECT call_id FROM relevant)
        """;

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
    private readonly string _changedCallsSql;
    private readonly string _startupCallsSql;
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
        var startupIds = string.Format(culture, StartupCallIds, PrefixClauses("q", options.CalloutQueuePrefixes.Length));
        _changedCallsSql = string.Format(culture, CallsOf, ChangedCallIds, PrefixClauses("ce", options.CalloutQueuePrefixes.Length), extras, CallColumns);
        _startupCallsSql = string.Format(culture, CallsOf, startupIds, PrefixClauses("ce", options.CalloutQueuePrefixes.Length), extras, CallColumns);
    }

    public Task<IReadOnlyList<CallEventRow>> ReadChangedCallsAsync(DateTime since, CancellationToken cancellationToken) =>
        QueryAsync(_changedCallsSql, WithPrefixes(new { since }), ReadCallEvent, cancellationToken);

    public Task<IReadOnlyList<CallEventRow>> ReadStartupCallsAsync(DateTime today, DateTime scheduledSince, TimeSpan scheduledThreshold, CancellationToken cancellationToken) =>
        QueryAsync(_startupCallsSql, WithPrefixes(new { today, scheduledSince, scheduledThresholdSec = (int)scheduledThreshold.TotalSeconds }), ReadCallEvent, cancellationToken);

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
        var command = new CommandDefinition(sql, parameters, commandTimeout: _commandTimeoutSeconds, cancellationToken: cancellationToken);
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
    private static string PrefixClauses(string alias, int count) =>
        string.Join(" OR ", Enumerable.Range(0, count).Select(i => $@"{alias}.queue_key LIKE @prefix{i} ESCAPE '\'"));

    /// <summary>In LIKE, '_' and '%' are wildcards: Puzzel's '__Callout_' prefix must match literally.</summary>
    internal static string EscapeLike(string prefix) =>
        prefix.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private static string CheckedTableName(string name) =>
        TableName().IsMatch(name) ? name : throw new ArgumentException($"'{name}' is not a plain table name.", nameof(name));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$")]
    public static partial Regex TableName();
}

/// <summary>Newest <c>dte_updated</c> in each event table at start-up: where the incremental polls begin.</summary>
public sealed record Watermarks(DateTime? Calls, DateTime? AgentEvents);
