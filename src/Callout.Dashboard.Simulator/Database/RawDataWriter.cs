using System.Data.Common;
using Callout.Dashboard.Domain;
using Callout.Dashboard.RawData;
using Dapper;

namespace Callout.Dashboard.Simulator;

/// <summary>
/// Writes Puzzel-shaped rows the way Puzzel does, for the simulator, the demo and the tests. The dashboard itself
/// never writes to a Raw data database. It writes into whichever shape the database has (§9.7–9.8): the columns are
/// listed once, on first use, and only those that exist are filled.
/// </summary>
public sealed class RawDataWriter(IRawDataConnections connections)
{
    private const string DeleteCall = "DELETE FROM call_events WHERE call_id = @callId";

    private const string DeleteAgent = "DELETE FROM agents WHERE agent_id = @AgentId";

    private const string DeleteQueue = "DELETE FROM queues WHERE queue_key = @QueueKey";

    private readonly string _extrasTable = "call_event_extras";
    private volatile WriterStatements? _statements;

    /// <param name="connections">The database to write into.</param>
    /// <param name="extrasTable">The extras table's name; Puzzel's other spelling of it is used when only that exists.</param>
    public RawDataWriter(IRawDataConnections connections, string extrasTable) : this(connections)
    {
        _extrasTable = RawDataReader.TableName().IsMatch(extrasTable) ? extrasTable : throw new ArgumentException($"'{extrasTable}' is not a plain table name.", nameof(extrasTable));
    }

    /// <summary>
    /// A stable <c>pause_type_id</c> for a pause name: in a live database the id names a pause type the customer
    /// defined, so the same name always has the same id, in every run and on every machine.
    /// </summary>
    public static int PauseTypeId(string pauseType)
    {
        // FNV-1a over the UTF-16 code units: string.GetHashCode differs per process.
        var hash = 2166136261u;
        foreach (var c in pauseType.Trim())
        {
            hash = (hash ^ c) * 16777619u;
        }
        return 1 + (int)(hash % 99_999);
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
        var statements = await StatementsAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var rows in calls)
        {
            foreach (var callId in rows.Select(r => r.CallId).Distinct())
            {
                if (statements.DeleteExtrasOfCall is { } deleteExtras)
                {
                    await connection.ExecuteAsync(new CommandDefinition(deleteExtras, new { callId }, transaction, cancellationToken: cancellationToken));
                }
                await connection.ExecuteAsync(new CommandDefinition(DeleteCall, new { callId }, transaction, cancellationToken: cancellationToken));
            }
            await InsertAsync(connection, transaction, statements, rows, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Empties the Raw data tables: only for the embedded demo file and test databases.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var statements = await StatementsAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in statements.TablesToClear)
        {
            await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM {table}", transaction: transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Adds rows without touching the call's other rows (a plain insert, as odd data may arrive).</summary>
    public async Task AppendRowsAsync(IReadOnlyList<CallEventRow> rows, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var statements = await StatementsAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAsync(connection, transaction, statements, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Agent events; nothing when the database has no agent_events table.</summary>
    public async Task WriteAgentEventsAsync(IEnumerable<AgentEventRow> rows, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var statements = await StatementsAsync(connection, cancellationToken);
        if (statements.InsertAgentEvent is not { } insert)
        {
            return;
        }
        // Every status event lasts 0 s (§2.5); the pause reason goes to whichever pause column exists.
        var parameters = rows.Select(r => new
        {
            r.AgentId, r.EventType, r.EventSource, r.DteStart, DurationSec = 0, r.PauseType,
            PauseTypeId = r.PauseType is { } name ? PauseTypeId(name) : (int?)null, r.DteUpdated,
        });
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(insert, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task WriteLookupsAsync(IEnumerable<AgentRow> agents, IEnumerable<QueueRow> queues, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var statements = await StatementsAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (statements.InsertAgent is { } insertAgent)
        {
            foreach (var agent in agents)
            {
                await connection.ExecuteAsync(new CommandDefinition(DeleteAgent, agent, transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(insertAgent, agent, transaction, cancellationToken: cancellationToken));
            }
        }
        if (statements.InsertQueue is { } insertQueue)
        {
            foreach (var queue in queues)
            {
                await connection.ExecuteAsync(new CommandDefinition(DeleteQueue, queue, transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(insertQueue, queue, transaction, cancellationToken: cancellationToken));
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The statements for this database, from its columns as listed the first time (outside any transaction: SQLite
    /// runs no command beside an open one). Two first writes at once both list them, which is harmless.
    /// </summary>
    private async ValueTask<WriterStatements> StatementsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (_statements is { } known)
        {
            return known;
        }
        var tables = await SchemaDiscovery.ListColumnsAsync(connection, WriterStatements.TablesToFind(_extrasTable), cancellationToken);
        var statements = WriterStatements.From(tables, _extrasTable);
        _statements = statements;
        return statements;
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, WriterStatements statements, IEnumerable<CallEventRow> rows,
        CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            // Dapper sends only the parameters the statement names, so columns this database lacks are left out.
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
            // "From db version 1.6 ... one record in the call_event_extras table with agent2agent=1 and a link to the
            // agent-to-agent call's initiation event": older databases get the call_events row only.
            if (row.Agent2Agent is { } flag && statements.InsertCallEventReturningRecId is { } returning)
            {
                var recId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(returning, parameters, transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(statements.InsertExtras!, new { recId, agent2agent = flag }, transaction, cancellationToken: cancellationToken));
            }
            else
            {
                await connection.ExecuteAsync(new CommandDefinition(statements.InsertCallEvent, parameters, transaction, cancellationToken: cancellationToken));
            }
        }
    }
}
