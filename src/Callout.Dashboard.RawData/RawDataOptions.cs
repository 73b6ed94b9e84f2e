namespace Callout.Dashboard.RawData;

/// <summary>The <c>RawData</c> configuration section (DESIGN.md, configuration contract).</summary>
public sealed class RawDataOptions
{
    public const string Section = "RawData";

    /// <summary><c>Sqlite</c> or <c>PostgreSQL</c>.</summary>
    public string Provider { get; set; } = RawDataProvider.Sqlite;

    /// <summary>IANA id of the zone of Raw data timestamps; empty means the server's zone.</summary>
    public string? TimeZone { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How far behind the watermark each poll reaches again, for rows committed late or under clock skew.</summary>
    /// <remarks>
    /// §9.5: dte_updated is stamped when a row is written, not when it becomes visible; a load transaction at Puzzel
    /// or a mirror copying in batches makes rows visible minutes after their stamp. Rows already seen are not read
    /// again, so a long overlap costs one light index range per poll.
    /// </remarks>
    public TimeSpan OverlapWindow { get; set; } = TimeSpan.FromMinutes(5);

    // An array, not a list: the configuration binder replaces arrays but appends to lists' defaults.
    public string[] CalloutQueuePrefixes { get; set; } = ["__Callout_"];

    public string CallEventExtrasTable { get; set; } = "call_event_extras";

    /// <summary>The agent_events column with the pause reason; empty: pause_type, else pause_type_name, else pause_type_id.</summary>
    public string? PauseTypeColumn { get; set; }

    public TimeSpan LookupRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Bounds each statement, so a slow database cannot hold a poll for ever.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far back start-up looks for scheduled callouts that may still be pending.</summary>
    public TimeSpan ScheduledLookback { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The longest wait between retries while the database keeps failing.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);
}

public static class RawDataProvider
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";

    public static bool IsPostgreSql(string provider) => string.Equals(provider, PostgreSql, StringComparison.OrdinalIgnoreCase);

    public static bool IsSqlite(string provider) => string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase);
}
