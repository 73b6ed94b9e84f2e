namespace Callout.Dashboard.Domain;

public enum CallKind { Callout, AgentToAgent }

public enum CalloutPhase { InProgress, Scheduled, Completed, Cancelled, Deleted }

public enum CalloutOutcome { Answered, NoAnswer, Busy, Error, AgentNotReached }

/// <summary>
/// What the rows of one call say, independent of the clock: the clock-dependent states (overdue,
/// awaiting data, recent) are decided when a snapshot is taken.
/// </summary>
public sealed record CalloutFacts
{
    public required decimal CallId { get; init; }
    public required CallKind Kind { get; init; }
    public string? QueueKey { get; init; }
    public int? AgentId { get; init; }
    public string? Destination { get; init; }
    public required DateTime OrderedAt { get; init; }
    public required CalloutPhase Phase { get; init; }

    /// <summary>Scheduled callouts only: when the call is due.</summary>
    public DateTime? DueAt { get; init; }

    /// <summary>Completed: end of the last Conversation event. Cancelled/deleted: the <c>d</c> Queue event.</summary>
    public DateTime? EndedAt { get; init; }

    public CalloutOutcome? Outcome { get; init; }
    public int TalkSeconds { get; init; }
    public bool Transferred { get; init; }

    /// <summary>Newest <c>dte_updated</c> among the call's rows.</summary>
    public DateTime? LastUpdated { get; init; }
}
