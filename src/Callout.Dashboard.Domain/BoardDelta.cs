namespace Callout.Dashboard.Domain;

/// <summary>
/// What one poll changed. <see cref="QueueKeys"/> holds every queue whose view changed (old and new
/// queue of a changed call), so a subscriber filtered to other queues can ignore it. A delta of alarms alone (the clock
/// moved a call past its due time) has no calls or agents, only the queues of the alarms that changed.
/// </summary>
public sealed record BoardDelta(
    long Version,
    IReadOnlyList<CalloutFacts> ChangedCalls,
    IReadOnlyList<decimal> RemovedCallIds,
    IReadOnlyList<int> ChangedAgentIds,
    IReadOnlySet<string> QueueKeys,
    bool LookupsChanged,
    bool UnqueuedAlarmsChanged = false)
{
    /// <summary>
    /// A queue's alarm that changed puts its queue in <see cref="QueueKeys"/>; an agent's or the whole board's touches
    /// every view, since which views show an agent depends on the agents in each.
    /// </summary>
    public bool Touches(QueueFilter filter) =>
        filter.IsAll || LookupsChanged || UnqueuedAlarmsChanged || ChangedAgentIds.Count > 0 || QueueKeys.Any(filter.Includes);
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
