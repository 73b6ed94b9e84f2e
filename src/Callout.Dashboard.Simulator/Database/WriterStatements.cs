using Callout.Dashboard.RawData;

namespace Callout.Dashboard.Simulator;

/// <summary>
/// The writer's INSERTs for the tables and columns one database has (domain notes §9.7–9.8): a database older than
/// v1.6 has no extras table and none of the v1.7/v1.9 columns, a mirror of a live database spells the extras table
/// <c>call_events_extras</c> and keeps the pause reason in <c>pause_type_name</c>/<c>pause_type_id</c>. Only column
/// and table names the database itself listed are spliced in; values are always parameters.
/// </summary>
internal sealed class WriterStatements
{
    public const string CallEvents = RawDataSchema.CallEvents;

    /// <summary>call_events columns the writer fills, each from the CallEventRow property of the same name.</summary>
    private static readonly string[] s_callColumns =
    [
        "call_id", "call_sequence", "dte_start", "duration_tot_sec", "duration_speak_sec", "source", "destination", "queue_key",
        "agent_id", "event_type", "result_code", "ciq", "call_transfer", "internal_iq_session_id", "dte_updated",
        "dte_scheduled_callback", "leg_type", "originating",
    ];

    private static readonly string[] s_requiredCallColumns = ["rec_id", "call_id", "event_type", "dte_start"];

    /// <summary>
    /// agent_events columns and their parameters. §9.8: the reason goes into <c>pause_type</c> or the mirror's
    /// <c>pause_type_name</c>, whichever exist, and its id into <c>pause_type_id</c>; the mirror says
    /// <c>duration_sec</c>, Puzzel's call_events say <c>duration_tot_sec</c>.
    /// </summary>
    private static readonly (string Column, string Parameter)[] s_agentEventColumns =
    [
        ("agent_id", "AgentId"), ("event_type", "EventType"), ("event_source", "EventSource"), ("dte_start", "DteStart"),
        ("duration_sec", "DurationSec"), ("duration_tot_sec", "DurationSec"), ("pause_type", "PauseType"),
        ("pause_type_name", "PauseType"), ("pause_type_id", "PauseTypeId"), ("dte_updated", "DteUpdated"),
    ];

    private static readonly string[] s_agentColumns = ["agent_id", "user_name", "full_name", "usergroup_id", "usergroup_name", "deleted"];

    private static readonly string[] s_queueColumns = ["queue_key", "descript"];

    private WriterStatements(IReadOnlyDictionary<string, IReadOnlySet<string>> tables, string? extrasTable)
    {
        var callEvents = tables.TryGetValue(CallEvents, out var found) ? found : null;
        var missing = s_requiredCallColumns.Where(c => callEvents?.Contains(c) != true).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(callEvents is null
                ? $"The database has no {CallEvents} table to write into: create it first (the simulator's --apply-schema)."
                : $"The {CallEvents} table has no column {string.Join(", ", missing)}: it is not a Puzzel Raw data table.");
        }
        var callInsert = Insert(CallEvents, s_callColumns.Where(callEvents!.Contains).Select(c => (c, Pascal(c))));
        InsertCallEvent = callInsert;
        ExtrasTable = extrasTable;
        if (extrasTable is not null)
        {
            InsertCallEventReturningRecId = callInsert + " RETURNING rec_id";
            DeleteExtrasOfCall = $"DELETE FROM {extrasTable} WHERE rec_id IN (SELECT rec_id FROM call_events WHERE call_id = @callId)";
            InsertExtras = $"INSERT INTO {extrasTable} (rec_id, agent2agent) VALUES (@recId, @agent2agent)";
        }
        if (tables.TryGetValue(RawDataSchema.AgentEvents, out var agentEvents) && agentEvents.Contains("agent_id"))
        {
            InsertAgentEvent = Insert(RawDataSchema.AgentEvents, s_agentEventColumns.Where(c => agentEvents.Contains(c.Column)));
        }
        if (tables.TryGetValue(RawDataSchema.Agents, out var agents) && agents.Contains("agent_id"))
        {
            InsertAgent = Insert(RawDataSchema.Agents, s_agentColumns.Where(agents.Contains).Select(c => (c, Pascal(c))));
        }
        if (tables.TryGetValue(RawDataSchema.Queues, out var queues) && queues.Contains("queue_key"))
        {
            InsertQueue = Insert(RawDataSchema.Queues, s_queueColumns.Where(queues.Contains).Select(c => (c, Pascal(c))));
        }
        TablesToClear = [CallEvents, .. new[] { extrasTable, InsertAgentEvent is null ? null : RawDataSchema.AgentEvents,
            InsertAgent is null ? null : RawDataSchema.Agents, InsertQueue is null ? null : RawDataSchema.Queues }.OfType<string>()];
    }

    /// <summary>The tables whose columns the writer asks for, with both spellings of the extras table.</summary>
    public static IReadOnlyList<string> TablesToFind(string extrasTable) =>
        [CallEvents, RawDataSchema.AgentEvents, RawDataSchema.Agents, RawDataSchema.Queues, extrasTable.ToLowerInvariant(),
            RawDataSchema.AlternateSpelling(extrasTable).ToLowerInvariant()];

    /// <summary>
    /// The statements for the columns found, the extras table under <paramref name="extrasTable"/> or Puzzel's other
    /// spelling of it; without either (before v1.6) no extras rows are written.
    /// </summary>
    public static WriterStatements From(IReadOnlyDictionary<string, IReadOnlySet<string>> tables, string extrasTable)
    {
        var extras = new[] { extrasTable, RawDataSchema.AlternateSpelling(extrasTable) }
            .FirstOrDefault(t => tables.TryGetValue(t.ToLowerInvariant(), out var columns) && columns.Contains("rec_id") && columns.Contains("agent2agent"));
        return new WriterStatements(tables, extras);
    }

    public string InsertCallEvent { get; }

    /// <summary>Only with an extras table: the Initiation's rec_id is the extras row's link.</summary>
    public string? InsertCallEventReturningRecId { get; }

    public string? ExtrasTable { get; }

    public string? DeleteExtrasOfCall { get; }

    public string? InsertExtras { get; }

    /// <summary>Null when the database has no agent_events table.</summary>
    public string? InsertAgentEvent { get; }

    public string? InsertAgent { get; }

    public string? InsertQueue { get; }

    public IReadOnlyList<string> TablesToClear { get; }

    private static string Insert(string table, IEnumerable<(string Column, string Parameter)> columns)
    {
        var list = columns.ToList();
        return $"INSERT INTO {table} ({string.Join(", ", list.Select(c => c.Column))}) VALUES ({string.Join(", ", list.Select(c => "@" + c.Parameter))})";
    }

    /// <summary>"dte_scheduled_callback" → "DteScheduledCallback": the row records carry Puzzel's names in PascalCase.</summary>
    private static string Pascal(string column) =>
        string.Concat(column.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
