namespace Callout.Dashboard.RawData;

/// <summary>
/// Which of the Puzzel tables and columns the reader uses this database has (domain notes §9.7–9.9). Puzzel's
/// databases differ by version (no extras table before v1.6, no <c>dte_scheduled_callback</c> before v1.7, no
/// <c>leg_type</c>/<c>originating</c> before v1.9) and mirrors name some columns their own way, so the statements
/// are built from what is found, never from our schema script.
/// </summary>
public sealed record RawDataSchema
{
    /// <summary>Without these the board cannot be built: a clear error names the first one missing.</summary>
    public static readonly IReadOnlyList<string> RequiredCallEventColumns =
        ["rec_id", "call_id", "event_type", "dte_start", "dte_updated", "queue_key", "result_code"];

    public static readonly IReadOnlyList<string> RequiredAgentEventColumns = ["agent_id", "event_type", "dte_start", "dte_updated"];

    /// <summary>Optional columns of call_events, and what the board does without each.</summary>
    public static readonly IReadOnlyList<(string Column, string Without)> OptionalCallEventColumns =
    [
        ("call_sequence", "rows are ordered by dte_start"),
        ("duration_tot_sec", "calls end when they start and only dte_scheduled_callback marks a scheduled call"),
        ("duration_speak_sec", "no talk times"),
        ("source", "no called numbers, agent-to-agent calls known by the extras table only"),
        ("destination", "no agent phone numbers"),
        ("agent_id", "no agents on callouts"),
        ("ciq", "agent and contact legs are not told apart"),
        ("call_transfer", "transfers known by their legs only"),
        ("internal_iq_session_id", "sessions not named"),
        ("dte_scheduled_callback", "scheduled calls are told by the length of their Initiation event (before v1.7)"),
        ("leg_type", "no leg types (before v1.9)"),
        ("originating", "no display numbers (before v1.9)"),
    ];

    public static readonly IReadOnlyList<string> OptionalAgentEventColumns = ["rec_id", "event_source"];

    /// <summary>Where mirrors keep the pause reason, in order of preference; the id alone is the last resort.</summary>
    public static readonly IReadOnlyList<string> PauseColumns = ["pause_type", "pause_type_name"];

    public const string PauseIdColumn = "pause_type_id";

    public static readonly IReadOnlyList<string> AgentColumnsRead = ["user_name", "full_name", "usergroup_id", "usergroup_name", "deleted"];

    // Puzzel's table names; the extras table's name is a setting (Puzzel spells it two ways).
    public const string CallEvents = "call_events";
    public const string AgentEvents = "agent_events";
    public const string Agents = "agents";
    public const string Queues = "queues";

    public required bool IsPostgreSql { get; init; }

    public required IReadOnlySet<string> CallEventColumns { get; init; }

    /// <summary>The table holding <c>agent2agent</c> (either spelling), or null when the database predates v1.6.</summary>
    public string? ExtrasTable { get; init; }

    /// <summary>Null when there is no <c>agent_events</c> table.</summary>
    public IReadOnlySet<string>? AgentEventColumns { get; init; }

    /// <summary>The column with the pause reason as text, if any.</summary>
    public string? PauseTextColumn { get; init; }

    /// <summary>The pause type id, shown when there is no reason as text.</summary>
    public string? PauseIdColumnRead { get; init; }

    /// <summary>Null when there is no usable <c>agents</c> table.</summary>
    public IReadOnlySet<string>? AgentColumns { get; init; }

    /// <summary>Null when there is no usable <c>queues</c> table.</summary>
    public IReadOnlySet<string>? QueueColumns { get; init; }

    public bool HasCallColumn(string column) => CallEventColumns.Contains(column);

    /// <summary>What is missing and what the board does without it, one entry each.</summary>
    public IReadOnlyList<string> Without { get; init; } = [];

    /// <summary>
    /// The schema from the columns found per table (lower-case names), or a <see cref="RawDataSchemaException"/>
    /// naming what the board cannot do without.
    /// </summary>
    public static RawDataSchema From(IReadOnlyDictionary<string, IReadOnlySet<string>> tables, RawDataOptions options, bool isPostgreSql)
    {
        if (!tables.TryGetValue(CallEvents, out var callEvents))
        {
            throw new RawDataSchemaException(
                $"The Raw data database has no table {CallEvents} (or it may not be read): check that ConnectionStrings:RawData names the Raw data database and that its user may SELECT from {CallEvents}.");
        }
        RequireColumns(CallEvents, callEvents, RequiredCallEventColumns);
        var without = new List<string>();
        foreach (var (column, consequence) in OptionalCallEventColumns.Where(c => !callEvents.Contains(c.Column)))
        {
            without.Add($"{CallEvents}.{column}: {consequence}");
        }

        var extras = ExtrasTableOf(tables, options.CallEventExtrasTable);
        if (extras is null)
        {
            without.Add($"{options.CallEventExtrasTable} (or {AlternateSpelling(options.CallEventExtrasTable)}): agent-to-agent calls are known by the Initiation source 'xxxxxxxx' only (before v1.6)");
        }

        IReadOnlySet<string>? agentEvents = null;
        string? pauseText = null;
        string? pauseId = null;
        if (tables.TryGetValue(AgentEvents, out var foundAgentEvents))
        {
            RequireColumns(AgentEvents, foundAgentEvents, RequiredAgentEventColumns);
            agentEvents = foundAgentEvents;
            (pauseText, pauseId) = PauseColumnsOf(foundAgentEvents, options.PauseTypeColumn);
            if (pauseText is null && pauseId is null)
            {
                without.Add($"{AgentEvents}.pause_type: pauses are shown without their reason");
            }
            else if (pauseText is null)
            {
                without.Add($"{AgentEvents}.pause_type: pause reasons are shown by their {pauseId}");
            }
        }
        else
        {
            without.Add($"{AgentEvents}: no agent status and no Connected-and-Pause");
        }

        var agents = tables.TryGetValue(Agents, out var foundAgents) && foundAgents.Contains("agent_id") ? foundAgents : null;
        if (agents is null)
        {
            without.Add($"{Agents}: agents are shown by their id");
        }
        var queues = tables.TryGetValue(Queues, out var foundQueues) && foundQueues.Contains("queue_key") ? foundQueues : null;
        if (queues is null)
        {
            without.Add($"{Queues}: queues are shown by their key");
        }

        return new RawDataSchema
        {
            IsPostgreSql = isPostgreSql,
            CallEventColumns = callEvents,
            ExtrasTable = extras,
            AgentEventColumns = agentEvents,
            PauseTextColumn = pauseText,
            PauseIdColumnRead = pauseId,
            AgentColumns = agents,
            QueueColumns = queues,
            Without = without,
        };
    }

    /// <summary>The tables whose columns discovery must list, for the configured extras table name.</summary>
    public static IReadOnlyList<string> TablesToFind(RawDataOptions options) =>
        [CallEvents, AgentEvents, Agents, Queues, options.CallEventExtrasTable.ToLowerInvariant(), AlternateSpelling(options.CallEventExtrasTable).ToLowerInvariant()];

    /// <summary>One line for the log: what was found, and what the board does without the rest.</summary>
    public string Summary()
    {
        var found = new List<string> { $"{CallEvents} ({CallEventColumns.Count} columns)" };
        if (ExtrasTable is not null)
        {
            found.Add(ExtrasTable);
        }
        if (AgentEventColumns is not null)
        {
            found.Add(PauseTextColumn is not null || PauseIdColumnRead is not null
                ? $"{AgentEvents} (pause reason from {PauseTextColumn ?? PauseIdColumnRead})"
                : AgentEvents);
        }
        if (AgentColumns is not null)
        {
            found.Add(Agents);
        }
        if (QueueColumns is not null)
        {
            found.Add(Queues);
        }
        var line = "Raw data schema: " + string.Join(", ", found) + ".";
        return Without.Count == 0 ? line + " Every table and column the board reads is there." : line + " Without " + string.Join("; ", Without) + ".";
    }

    private static void RequireColumns(string table, IReadOnlySet<string> columns, IEnumerable<string> required)
    {
        var missing = required.Where(c => !columns.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new RawDataSchemaException(
                $"The Raw data table {table} has no column {string.Join(", ", missing)}, which the board needs: point ConnectionStrings:RawData at a Puzzel Raw data database, or expose the column{(missing.Count > 1 ? "s" : "")} under Puzzel's name through a view.");
        }
    }

    private static string? ExtrasTableOf(IReadOnlyDictionary<string, IReadOnlySet<string>> tables, string configured)
    {
        foreach (var name in new[] { configured, AlternateSpelling(configured) })
        {
            if (tables.TryGetValue(name.ToLowerInvariant(), out var columns) && columns.Contains("rec_id") && columns.Contains("agent2agent"))
            {
                return name;
            }
        }
        return null;
    }

    /// <summary>Puzzel's pages spell the table both <c>call_event_extras</c> and <c>call_events_extras</c>.</summary>
    public static string AlternateSpelling(string table) =>
        table.Contains("call_events_extras", StringComparison.OrdinalIgnoreCase)
            ? table.Replace("call_events_extras", "call_event_extras", StringComparison.OrdinalIgnoreCase)
            : table.Replace("call_event_extras", "call_events_extras", StringComparison.OrdinalIgnoreCase);

    private static (string? Text, string? Id) PauseColumnsOf(IReadOnlySet<string> columns, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var name = configured.ToLowerInvariant();
            return columns.Contains(name)
                ? (name, null)
                : throw new RawDataSchemaException($"RawData:PauseTypeColumn names {configured}, but {AgentEvents} has no such column: leave it empty to find the pause reason by itself.");
        }
        // A mirror with both keeps the id for rows whose name is empty.
        return (PauseColumns.FirstOrDefault(columns.Contains), columns.Contains(PauseIdColumn) ? PauseIdColumn : null);
    }
}

/// <summary>The Raw data database lacks something the board cannot do without; the message says what and how to fix it.</summary>
public sealed class RawDataSchemaException(string message) : Exception(message);
