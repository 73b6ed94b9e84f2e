namespace Callout.Dashboard.Domain;

public enum AgentPresence { LoggedOn, Paused, LoggedOff }

/// <summary>An agent's ContactCentreStatus as the latest i/o/p/r agent event says (§8.7).</summary>
public sealed record AgentStatus(int AgentId, AgentPresence Presence, string? PauseType, DateTime Since);

/// <summary>Folds agent events into each agent's latest status. Call copies (<c>c</c>) are ignored.</summary>
public static class AgentStatusRules
{
    /// <summary>Logging on directly to pause writes an i and a p a few milliseconds apart, in either order.</summary>
    public static readonly TimeSpan LogOnInPauseGap = TimeSpan.FromSeconds(1);

    public static bool IsStatusEvent(AgentEventRow row) =>
        PuzzelCodes.Normalize(row.EventType) is PuzzelCodes.AgentLogOn or PuzzelCodes.AgentLogOff
            or PuzzelCodes.AgentPause or PuzzelCodes.AgentReturn;

    /// <summary>The status after the given events of one agent; null when none is a status event.</summary>
    public static AgentStatus? Derive(int agentId, IEnumerable<AgentEventRow> events)
    {
        var ordered = events.Where(IsStatusEvent).OrderBy(e => e.DteStart).ThenBy(e => e.RecId).ToList();
        if (ordered.Count == 0)
        {
            return null;
        }

        var latest = ordered[^1];
        var type = PuzzelCodes.Normalize(latest.EventType);
        if (type == PuzzelCodes.AgentLogOn && ordered.Count > 1)
        {
            var previous = ordered[^2];
            if (PuzzelCodes.Is(previous.EventType, PuzzelCodes.AgentPause) && latest.DteStart - previous.DteStart <= LogOnInPauseGap)
            {
                return new AgentStatus(agentId, AgentPresence.Paused, previous.PauseType, previous.DteStart);
            }
        }

        return type switch
        {
            PuzzelCodes.AgentPause => new AgentStatus(agentId, AgentPresence.Paused, latest.PauseType, latest.DteStart),
            PuzzelCodes.AgentLogOff => new AgentStatus(agentId, AgentPresence.LoggedOff, null, latest.DteStart),
            _ => new AgentStatus(agentId, AgentPresence.LoggedOn, null, latest.DteStart),
        };
    }
}
