using Callout.Dashboard.Domain;

namespace Callout.Dashboard.RawData;

/// <summary>What the poller reads from Raw data. Times are the solution's wall-clock time.</summary>
public interface IRawDataReader
{
    /// <summary>
    /// Finds which Puzzel tables and columns this database has and builds the statements from them (§9.7–9.9).
    /// Throws <see cref="RawDataSchemaException"/> when something the board needs is missing. The other methods
    /// discover first if this has not run.
    /// </summary>
    Task<RawDataSchema> DiscoverSchemaAsync(CancellationToken cancellationToken);

    /// <summary>rec_id and dte_updated of every call_events row stamped after <paramref name="since"/>.</summary>
    Task<RawRead<RowStamp>> ReadRowStampsAsync(DateTime since, CancellationToken cancellationToken);

    /// <summary>
    /// Every row of the callouts and agent-to-agent calls that have one of <paramref name="recIds"/> among their rows
    /// stamped after <paramref name="since"/>.
    /// </summary>
    Task<RawRead<CallEventRow>> ReadCallsWithRowsAsync(DateTime since, IReadOnlyCollection<long> recIds, CancellationToken cancellationToken);

    Task<RawRead<CallEventRow>> ReadStartupCallsAsync(StartupWindow window, CancellationToken cancellationToken);

    Task<RawRead<AgentEventRow>> ReadChangedAgentEventsAsync(DateTime since, CancellationToken cancellationToken);

    Task<RawRead<AgentEventRow>> ReadAgentEventsFromAsync(DateTime from, CancellationToken cancellationToken);

    Task<Watermarks> ReadNewestUpdatesAsync(CancellationToken cancellationToken);

    Task<RawRead<AgentRow>> ReadAgentsAsync(CancellationToken cancellationToken);

    Task<RawRead<QueueRow>> ReadQueuesAsync(CancellationToken cancellationToken);
}

/// <summary>The rows read, and the rows left out because a value in them could not be read.</summary>
public sealed record RawRead<T>(IReadOnlyList<T> Rows, IReadOnlyList<RowAnomaly> Anomalies)
{
    public static readonly RawRead<T> Empty = new([], []);
}

/// <summary>One visible version of a call_events row: a rewrite gives every row of the call a new rec_id.</summary>
public readonly record struct RowStamp(long RecId, DateTime DteUpdated);

/// <summary>
/// What the start-up read loads: calls touched since <see cref="RecentFrom"/>, and callouts still open that were
/// ordered since <see cref="ScheduledSince"/> (scheduled ones) or <see cref="OpenFrom"/> (the others).
/// </summary>
public sealed record StartupWindow(DateTime RecentFrom, DateTime OpenFrom, DateTime ScheduledSince, TimeSpan ScheduledThreshold);

/// <summary>Newest <c>dte_updated</c> in each event table at start-up: where the incremental polls begin.</summary>
public sealed record Watermarks(DateTime? Calls, DateTime? AgentEvents);
