namespace Callout.Dashboard.Contracts;

/// <summary>
/// One quarter hour of today in the view's queues: the callouts that ended in it, by outcome, and the answered share of
/// those whose destination was dialled (null when none was). A call rewritten to another outcome or end time moves.
/// <see cref="Start"/> and <see cref="End"/> carry the offset of their moment, so a DST day's repeated hour has two sets.
/// </summary>
public sealed record IntradayBucket(
    DateTimeOffset Start, DateTimeOffset End, int Answered, int NoAnswer, int Busy, int Error, int AgentNotReached, int Cancelled, int Deleted,
    double? AnswerRate)
{
    public int Total => Answered + NoAnswer + Busy + Error + AgentNotReached + Cancelled + Deleted;
}

/// <summary>
/// Today's callouts of one queue on their way: ordered → the agent leg answered → the destination dialled → answered,
/// with what was lost at each step and why. Every callout that ended today or is in progress now counts once:
/// <c>Ordered = InProgress + AgentNotReached + Deleted + CancelledBeforeAgent + ErrorBeforeAgent + AgentAnswered</c>,
/// <c>AgentAnswered = Cancelled + Dialled</c>, <c>Dialled = Answered + NoAnswer + Busy + Error</c>.
/// A scheduled call counts from when it is made or deleted, not while it waits.
/// </summary>
public sealed record QueueFunnel(
    string QueueKey, int Ordered, int InProgress, int AgentAnswered, int Dialled, int Answered,
    int AgentNotReached, int Deleted, int CancelledBeforeAgent, int ErrorBeforeAgent,
    int Cancelled,
    int NoAnswer, int Busy, int Error)
{
    public static QueueFunnel Empty(string queueKey) => new(queueKey, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// The scheduled calls of one queue coming due and the agents to take them. <see cref="Within15"/>, <see cref="Within30"/>
/// and <see cref="Within60"/> count the calls due from now to that many minutes on (each includes the one before; overdue
/// ones apart). The agents are those who worked the queue today (made, ordered or are reserved for one of its callouts),
/// by what they do now: free, on a callout, paused (Connected-and-Pause included: the pause follows the call).
/// The reserved counts are of the calls "to me" due within the hour or overdue, by what their reserved agent does now.
/// </summary>
public sealed record DueSoon(
    string QueueKey, int Overdue, int Within15, int Within30, int Within60,
    int AgentsFree, int AgentsOnCallout, int AgentsPaused,
    int ReservedFree, int ReservedOnCallout, int ReservedPaused, int ReservedLoggedOff)
{
    public static DueSoon Empty(string queueKey) => new(queueKey, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
