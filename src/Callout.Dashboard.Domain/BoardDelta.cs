namespace Callout.Dashboard.Domain;

/// <summary>
/// What one poll changed. <see cref="QueueKeys"/> holds every queue whose view changed (old and new
/// queue of a changed call), so a subscriber filtered to other queues can ignore it.
/// </summary>
public sealed record BoardDelta(
    long Version,
    IReadOnlyList<CalloutFacts> ChangedCalls,
    IReadOnlyList<decimal> RemovedCallIds,
    IReadOnlyList<int> ChangedAgentIds,
    IReadOnlySet<string> QueueKeys,
    bool LookupsChanged)
{
    public bool Touches(QueueFilter filter) =>
        filter.IsAll || LookupsChanged || ChangedAgentIds.Count > 0 || QueueKeys.Any(filter.Includes);
}

/// <summary>
/// One poll's rows, ready to fold. Lookups are null when this poll did not refresh them. <see cref="NewestRowAt"/>
/// is the newest <c>dte_updated</c> of every row the poll read, callout or not, so a quiet hour of callouts on a
/// busy database does not look like stale data.
/// </summary>
public sealed record PollBatch(
    IReadOnlyList<CallEventRow> CallRows,
    IReadOnlyList<AgentEventRow> AgentEvents,
    IReadOnlyList<AgentRow>? Agents = null,
    IReadOnlyList<QueueRow>? Queues = null,
    DateTime? NewestRowAt = null);

public sealed record ApplyResult(BoardDelta? Delta, IReadOnlyList<RowAnomaly> Anomalies);
