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

/// <summary>One poll's rows, ready to fold. Lookups are null when this poll did not refresh them.</summary>
public sealed record PollBatch(
    IReadOnlyList<CallEventRow> CallRows,
    IReadOnlyList<AgentEventRow> AgentEvents,
    IReadOnlyList<AgentRow>? Agents = null,
    IReadOnlyList<QueueRow>? Queues = null);

public sealed record ApplyResult(BoardDelta? Delta, IReadOnlyList<RowAnomaly> Anomalies);
