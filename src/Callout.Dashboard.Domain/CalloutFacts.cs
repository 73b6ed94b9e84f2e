namespace Callout.Dashboard.Domain;

public enum CallKind { Callout, AgentToAgent }

public enum CalloutPhase { InProgress, Scheduled, Completed, Cancelled, Deleted }

public enum CalloutOutcome { Answered, NoAnswer, Busy, Error, AgentNotReached }

/// <summary>Where an answered callout was handed on (§9.2); Unknown when only the call_transfer flag says so.</summary>
public enum TransferTarget { Agent, Number, Queue, Unknown }

/// <summary>
/// What the rows of one call say, independent of the clock: the clock-dependent states (overdue,
/// awaiting data, recent) are decided when a snapshot is taken.
/// </summary>
public sealed record CalloutFacts
{
    public required decimal CallId { get; init; }
    public required CallKind Kind { get; init; }
    public string? QueueKey { get; init; }

    /// <summary>
    /// The agent who made the call (§9.4): of the answered agent leg, else of the last agent leg; before any
    /// Conversation row, the agent of the order session.
    /// </summary>
    public int? AgentId { get; init; }

    /// <summary>The agent of the order session: who clicked Call, or the reserved agent of a scheduled call "to me".</summary>
    public int? OrderedByAgentId { get; init; }

    public string? Destination { get; init; }
    public required DateTime OrderedAt { get; init; }
    public required CalloutPhase Phase { get; init; }

    /// <summary>Ordered as a scheduled call (§8.6), whatever became of it since.</summary>
    public bool Scheduled { get; init; }

    /// <summary>Scheduled callouts only: when the call is due.</summary>
    public DateTime? DueAt { get; init; }

    /// <summary>Completed: end of the last Conversation event. Cancelled/deleted: the <c>d</c> Queue event.</summary>
    public DateTime? EndedAt { get; init; }

    public CalloutOutcome? Outcome { get; init; }
    public int TalkSeconds { get; init; }
    public TransferTarget? TransferredTo { get; init; }

    public bool Transferred => TransferredTo is not null;

    /// <summary>The legs to agents (<c>ciq='a'</c>) that reached or failed to reach their agent, in order.</summary>
    public ValueList<AgentLeg> AgentLegs { get; init; } = ValueList<AgentLeg>.Empty;

    /// <summary>Newest <c>dte_updated</c> among the call's rows.</summary>
    public DateTime? LastUpdated { get; init; }
}

/// <summary>
/// One Conversation row to an agent: <see cref="Reached"/> when the agent's phone rang and was answered or hung up
/// (<c>k</c>, <c>h</c>), not when the leg was busy, timed out or failed (<c>b</c>, <c>t</c>, <c>c</c>, <c>e</c>: the
/// seed's "logged on with wrong number" or a network fault).
/// </summary>
public readonly record struct AgentLeg(int AgentId, DateTime At, bool Reached);
