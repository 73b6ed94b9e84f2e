namespace Callout.Dashboard.Domain.Alarms;

/// <summary>
/// Which views show an alarm: one that names a queue (a call's, or an agent not reached in it) only views of that queue,
/// whoever its agent (a viewer limited to Sales must not read of a Support call because its agent also works Sales); an
/// agent's own (a pause) views whose agents include that agent; the whole board's (data age) every view but one that
/// may see nothing.
/// </summary>
public static class AlarmVisibility
{
    public static bool Shows(QueueFilter filter, string? queueKey, int? agentId, IReadOnlySet<int> agentsInView) =>
        !filter.IsNothing && (filter.IsAll || (queueKey is { } queue ? filter.Includes(queue) : agentId is not int agent || agentsInView.Contains(agent)));
}
