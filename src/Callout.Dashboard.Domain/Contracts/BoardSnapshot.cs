using Callout.Dashboard.Domain;

namespace Callout.Dashboard.Contracts;

// The board as viewers see it: the JSON contract of GET /api/board (DESIGN.md). Names map to camelCase,
// enums to kebab-case; call ids are strings because they can exceed 2^53.

public enum ActiveState { InProgress, AwaitingData }

public enum CancelKind { Cancelled, Deleted }

public sealed record BoardSnapshot(
    DateTimeOffset AsOf,
    long Version,
    string TimeZone,
    Freshness Freshness,
    IReadOnlyList<ActiveCallout> ActiveCallouts,
    IReadOnlyList<RecentCallout> RecentCallouts,
    IReadOnlyList<ScheduledCallout> ScheduledPending,
    IReadOnlyList<CancelledCallout> RecentCancelled,
    IReadOnlyList<AgentView> Agents,
    IReadOnlyList<QueueSummary> Queues,
    int AgentToAgentToday,
    IReadOnlyList<AlarmView> Alarms)
{
    /// <summary>Today's quarter hours from local midnight to the current one, in the view's queues.</summary>
    public IReadOnlyList<IntradayBucket> Intraday { get; init; } = [];

    /// <summary>Today's callout funnel per queue of the view.</summary>
    public IReadOnlyList<QueueFunnel> Funnel { get; init; } = [];

    /// <summary>Scheduled calls coming due per queue of the view, and the agents to take them.</summary>
    public IReadOnlyList<DueSoon> DueSoon { get; init; } = [];
}

public sealed record Freshness(
    DateTimeOffset? LastPollAt,
    bool LastPollOk,
    DateTimeOffset? NewestRowAt,
    DateTimeOffset? StaleSince,
    string? LastError);

// AgentId is who made (or, not made yet, ordered) the call; OrderedByAgentId the agent of the order session (§9.4).

public sealed record ActiveCallout(string CallId, string? QueueKey, int? AgentId, string? Destination, DateTimeOffset OrderedAt, ActiveState State, int? OrderedByAgentId = null);

public sealed record RecentCallout(
    string CallId, string? QueueKey, int? AgentId, string? Destination, DateTimeOffset OrderedAt,
    DateTimeOffset EndedAt, CalloutOutcome Outcome, int TalkSeconds, bool Transferred, int? OrderedByAgentId = null, TransferTarget? TransferredTo = null);

public sealed record ScheduledCallout(string CallId, string? QueueKey, string? Destination, DateTimeOffset OrderedAt, DateTimeOffset DueAt, bool Overdue, int? AgentId, int? OrderedByAgentId = null);

public sealed record CancelledCallout(string CallId, string? QueueKey, CancelKind Kind, DateTimeOffset At, int? AgentId, int? OrderedByAgentId = null);

public sealed record AgentView(int AgentId, string Name, string? Team, AgentPresence Status, string? PauseType, DateTimeOffset Since, bool ConnectedAndPause,
    AgentActivity Activity, AgentToday Today);

public sealed record QueueSummary(string QueueKey, string Name, int Active, int Scheduled, int CancelledRecent, int AnsweredToday, int NotAnsweredToday);
