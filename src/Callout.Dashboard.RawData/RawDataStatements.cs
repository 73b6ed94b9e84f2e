using System.Globalization;

namespace Callout.Dashboard.RawData;

/// <summary>
/// The poller's SQL for one discovered schema. Values are always parameters; what is spliced in is only column
/// and table names the database itself reported (or checked identifiers) and one LIKE clause per prefix. Columns
/// the database lacks are read as NULL. Codes compare trimmed and lower-cased, in SQL as in C#.
/// </summary>
internal sealed class RawDataStatements
{
    private static readonly string[] s_callColumns =
    [
        "rec_id", "call_id", "call_sequence", "dte_start", "duration_tot_sec", "duration_speak_sec", "source", "destination",
        "queue_key", "agent_id", "event_type", "result_code", "ciq", "call_transfer", "internal_iq_session_id", "dte_updated",
        "dte_scheduled_callback", "leg_type", "originating",
    ];

    private readonly RawDataSchema _schema;

    public RawDataStatements(RawDataSchema schema, int prefixCount)
    {
        _schema = schema;
        var postgres = schema.IsPostgreSql;
        var callColumns = string.Join(", ", s_callColumns.Select(c => schema.HasCallColumn(c) ? "ce." + c : $"NULL AS {c}"))
            + (schema.ExtrasTable is null ? ", NULL AS agent2agent" : ", x.agent2agent");
        var extrasJoin = schema.ExtrasTable is null ? "" : $"LEFT JOIN {schema.ExtrasTable} x ON x.rec_id = ce.rec_id";

        // Two columns read from the dte_updated index range, no call_id: decoding numeric(19,0) and grouping by it
        // cost more than the rows, and only rows not seen before need their call.
        RowStamps = "SELECT rec_id, dte_updated FROM call_events WHERE dte_updated > @since";
        CallsWithRows = string.Format(CultureInfo.InvariantCulture, """
            WITH changed AS (
              SELECT DISTINCT call_id FROM call_events WHERE dte_updated > @since AND {0}
            ),
            relevant AS (
              SELECT DISTINCT ce.call_id FROM call_events ce
              WHERE {1} AND ({2})
            )
            SELECT {3}
            FROM call_events ce
            {4}
            WHERE {5}
            """, RecIdsParameter(postgres), CallIdIn(postgres, "ce", "SELECT call_id FROM changed"), Relevant("ce", prefixCount),
            callColumns, extrasJoin, CallIdIn(postgres, "ce", "SELECT call_id FROM relevant"));
        Startup = StartupCallsQuery.Build(postgres, callColumns, extrasJoin, this, prefixCount);

        if (schema.AgentEventColumns is { } agentColumns)
        {
            var pause = (schema.PauseTextColumn is { } text ? $"{text} AS pause_type" : "NULL AS pause_type")
                + ", " + (schema.PauseIdColumnRead is { } id ? $"{id} AS pause_type_id" : "NULL AS pause_type_id");
            var columns = string.Join(", ",
                new[] { "rec_id", "agent_id", "event_type", "event_source", "dte_start", "dte_updated" }.Select(c => agentColumns.Contains(c) ? c : $"NULL AS {c}"))
                + ", " + pause;
            var statusEvents = $"{Code("event_type")} IN ('i', 'o', 'p', 'r')";
            AgentEventsChanged = $"SELECT {columns} FROM agent_events WHERE {statusEvents} AND dte_updated > @since";
            AgentEventsFrom = $"SELECT {columns} FROM agent_events WHERE {statusEvents} AND dte_start >= @from";
            NewestAgentUpdate = "SELECT MAX(dte_updated) AS newest FROM agent_events";
        }

        if (schema.AgentColumns is { } agents)
        {
            Agents = "SELECT agent_id, " + string.Join(", ", RawDataSchema.AgentColumnsRead.Select(c => agents.Contains(c) ? c : $"NULL AS {c}")) + " FROM agents";
        }
        if (schema.QueueColumns is { } queues)
        {
            Queues = "SELECT queue_key, " + (queues.Contains("descript") ? "descript" : "NULL AS descript") + " FROM queues";
        }
    }

    public RawDataSchema Schema => _schema;

    /// <summary>Every row stamped after @since: what the poll looks at to find the rows it has not seen.</summary>
    public string RowStamps { get; }

    /// <summary>The callouts and agent-to-agent calls with one of @recIds among their rows stamped after @since, each read whole (§8.3).</summary>
    public string CallsWithRows { get; }

    public string Startup { get; }

    public string NewestCallUpdate => "SELECT MAX(dte_updated) AS newest FROM call_events";

    public string? NewestAgentUpdate { get; }

    public string? AgentEventsChanged { get; }

    public string? AgentEventsFrom { get; }

    public string? Agents { get; }

    public string? Queues { get; }

    /// <summary>A code column as Puzzel's codes compare: trimmed (PostgreSQL pads char(n)) and case-insensitive.</summary>
    public static string Code(string column) => $"LOWER(TRIM({column}))";

    /// <summary>
    /// Rows that make a call one of ours (§8.4): a Queue event in a callout queue, or the Initiation of an
    /// agent-to-agent call ('xxxxxxxx' source, or the extras flag from v1.6).
    /// </summary>
    /// <remarks>With <paramref name="extrasJoined"/>, the statement has joined the extras table as <c>x</c>.</remarks>
    public string Relevant(string alias, int prefixCount, bool extrasJoined = false)
    {
        var clauses = new List<string> { $"({Code(alias + ".event_type")} = 'q' AND ({PrefixClauses(alias, prefixCount)}))" };
        if (_schema.HasCallColumn("source"))
        {
            clauses.Add($"({Code(alias + ".event_type")} = 'i' AND {alias}.source = 'xxxxxxxx')");
        }
        if (_schema.ExtrasTable is not null && extrasJoined)
        {
            clauses.Add($"({Code(alias + ".event_type")} = 'i' AND x.agent2agent = 1)");
        }
        else if (_schema.ExtrasTable is { } extras)
        {
            clauses.Add($"({Code(alias + ".event_type")} = 'i' AND EXISTS (SELECT 1 FROM {extras} xa WHERE xa.rec_id = {alias}.rec_id AND xa.agent2agent = 1))");
        }
        return string.Join(" OR ", clauses);
    }

    /// <summary>"Initiation longer than the threshold, or a scheduled time", with what this database has.</summary>
    public string IsScheduledInitiation(string alias)
    {
        var clauses = new List<string>();
        if (_schema.HasCallColumn("duration_tot_sec"))
        {
            clauses.Add($"{alias}.duration_tot_sec > @scheduledThresholdSec");
        }
        if (_schema.HasCallColumn("dte_scheduled_callback"))
        {
            clauses.Add($"{alias}.dte_scheduled_callback IS NOT NULL");
        }
        return clauses.Count == 0 ? "1 = 0" : $"{Code(alias + ".event_type")} = 'i' AND ({string.Join(" OR ", clauses)})";
    }

    /// <summary>"alias.queue_key LIKE @prefix0 ESCAPE '\' OR …", one per configured prefix (the values are parameters).</summary>
    public static string PrefixClauses(string alias, int count) =>
        string.Join(" OR ", Enumerable.Range(0, count).Select(i => $@"{alias}.queue_key LIKE @prefix{i} ESCAPE '\'"));

    /// <summary>"rec_id is one of @recIds": a bigint[] for PostgreSQL, a JSON array for SQLite.</summary>
    private static string RecIdsParameter(bool postgres) =>
        postgres ? "rec_id = ANY(@recIds)" : "rec_id IN (SELECT value FROM json_each(@recIds))";

    /// <summary>"alias.call_id IN (ids)", written so that each id is looked up in the call_id index.</summary>
    /// <remarks>
    /// ANALYZE samples too few rows to see that call_ids repeat only a few times: at 10 M rows PostgreSQL
    /// reckons 17 rows per call_id instead of 4, so for a few thousand ids in <c>IN (sub-select)</c> it plans a
    /// hash join over the whole table. An array built by a sub-select counts as a handful of ids, which it
    /// looks up one by one. SQLite has no arrays, and its planner already looks each id up.
    /// </remarks>
    public static string CallIdIn(bool postgres, string alias, string ids) =>
        postgres ? $"{alias}.call_id = ANY(ARRAY({ids}))" : $"{alias}.call_id IN ({ids})";
}
