using System.Data.Common;
using Callout.Dashboard.Domain;
using Dapper;

namespace Callout.Dashboard.RawData;

/// <summary>
/// Writes Puzzel-shaped rows the way Puzzel does, for the simulator, the demo and the tests. The
/// dashboard itself never writes to a Raw data database.
/// </summary>
public sealed class RawDataWriter(IRawDataConnections connections)
{
    private const string InsertCallEvent = """
        INSERT INTO call_events (call_id, call_sequence, dte_start, duration_tot_sec, duration_speak_sec, source,
            destination, queue_key, agent_id, event_type, result_code, ciq, call_transfer, internal_iq_session_id,
            dte_updated, dte_scheduled_callback, leg_type, originating)
        VALUES (@CallId, @CallSequence, @DteStart, @DurationTotSec, @DurationSpeakSec, @Source,
            @Destination, @QueueKey, @AgentId, @EventType, @ResultCode, @Ciq, @CallTransfer, @InternalIqSessionId,
            @DteUpdated, @DteScheduledCallback, @LegType, @Originating)
        RETURNING rec_id
        """;

    private const string DeleteExtrasOfCall = "DELETE FROM {0} WHERE rec_id IN (SELECT rec_id FROM call_events WHERE call_id = @callId)";

    private const string DeleteCall = "DELETE FROM call_events WHERE call_id = @callId";

    private const string InsertExtras = "INSERT INTO {0} (rec_id, agent2agent) VALUES (@recId, @agent2agent)";

    private const string InsertAgentEvent = """
        INSERT INTO agent_events (agent_id, event_type, event_source, dte_start, duration_sec, pause_type, dte_updated)
        VALUES (@AgentId, @EventType, @EventSource, @DteStart, 0, @PauseType, @DteUpdated)
        """;

    private const string DeleteAgent = "DELETE FROM agents WHERE agent_id = @AgentId";

    private const string InsertAgent = """
        INSERT INTO agents (agent_id, user_name, full_name, usergroup_id, usergroup_name, deleted)
        VALUES (@AgentId, @UserName, @FullName, @UsergroupId, @UsergroupName, @Deleted)
        """;

    private const string DeleteQueue = "DELETE FROM queues WHERE queue_key = @QueueKey";

    private const string InsertQueue = "INSERT INTO queues (queue_key, descript) VALUES (@QueueKey, @Descript)";

    private readonly string _extrasTable = "call_event_extras";

    public RawDataWriter(IRawDataConnections connections, string extrasTable) : this(connections)
    {
        _extrasTable = RawDataReader.TableName().IsMatch(extrasTable) ? extrasTable : throw new ArgumentException($"'{extrasTable}' is not a plain table name.", nameof(extrasTable));
    }

    /// <summary>
    /// Puzzel's rewrite rule: when a session of a call lands, every row of the call is deleted and written
    /// again (new rec_ids), in one transaction. The rows' own RecId is ignored; the database assigns it.
    /// </summary>
    public Task WriteCallAsync(IReadOnlyList<CallEventRow> rows, CancellationToken cancellationToken = default) =>
        WriteCallsAsync([rows], cancellationToken);

    /// <summary>Several calls' rewrites in one transaction (backfill, bulk seeding).</summary>
    public async Task WriteCallsAsync(IReadOnlyCollection<IReadOnlyList<CallEventRow>> calls, CancellationToken cancellationToken = default)
    {
        if (calls.All(c => c.Count == 0))
        {
            return;
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var rows in calls)
        {
            foreach (var callId in rows.Select(r => r.CallId).Distinct())
            {
                await connection.ExecuteAsync(new CommandDefinition(string.Format(DeleteExtrasOfCall, _extrasTable), new { callId }, transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(DeleteCall, new { callId }, transaction, cancellationToken: cancellationToken));
            }
            await InsertAsync(connection, transaction, rows, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Empties the Raw data tables: only for the embedded demo file and test databases.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in new[] { "call_events", _extrasTable, "agent_events", "agents", "queues" })
        {
            await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM {table}", transaction: transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Adds rows without touching the call's other rows (a plain insert, as odd data may arrive).</summary>
    public async Task AppendRowsAsync(IReadOnlyList<CallEventRow> rows, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAsync(connection, transaction, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task WriteAgentEventsAsync(IEnumerable<AgentEventRow> rows, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertAgentEvent, rows, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task WriteLookupsAsync(IEnumerable<AgentRow> agents, IEnumerable<QueueRow> queues, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var agent in agents)
        {
            await connection.ExecuteAsync(new CommandDefinition(DeleteAgent, agent, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(InsertAgent, agent, transaction, cancellationToken: cancellationToken));
        }
        foreach (var queue in queues)
        {
            await connection.ExecuteAsync(new CommandDefinition(DeleteQueue, queue, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(InsertQueue, queue, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task InsertAsync(DbConnection connection, DbTransaction transaction, IEnumerable<CallEventRow> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            var parameters = new
            {
                row.CallId,
                row.CallSequence,
                row.DteStart,
                row.DurationTotSec,
                row.DurationSpeakSec,
                row.Source,
                row.Destination,
                row.QueueKey,
                row.AgentId,
                row.EventType,
                row.ResultCode,
                row.Ciq,
                row.CallTransfer,
                row.InternalIqSessionId,
                row.DteUpdated,
                // Npgsql writes timestamptz from UTC instants only.
                DteScheduledCallback = row.DteScheduledCallback?.ToUniversalTime(),
                row.LegType,
                row.Originating,
            };
            var recId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertCallEvent, parameters, transaction, cancellationToken: cancellationToken));
            if (row.Agent2Agent is { } flag)
            {
                await connection.ExecuteAsync(new CommandDefinition(string.Format(InsertExtras, _extrasTable), new { recId, agent2agent = flag }, transaction, cancellationToken: cancellationToken));
            }
        }
    }
}
