using Callout.Dashboard.Domain;

namespace Callout.Dashboard.Testing;

/// <summary>Rows of one callout as Puzzel writes them (domain notes §4), for database tests, from the kit's <see cref="PuzzelRows"/>.</summary>
public sealed class CallRows(decimal callId, DateTime orderedAt, string queueKey = "__Callout_Sales")
{
    public const string Destination = "4722222222";

    /// <summary><see cref="Destination"/> as a viewer without full numbers gets it.</summary>
    public const string MaskedDestination = "+47 ••• •• 222";

    private DateTime Updated { get; set; } = orderedAt.AddSeconds(5);

    public CallRows UpdatedAt(DateTime updated)
    {
        Updated = updated;
        return this;
    }

    /// <summary>Session 1: the order (Initiation with the called number, Queue event with result 'q').</summary>
    public List<CallEventRow> Order(int initiationSeconds = 1, int? agentId = null) =>
    [
        PuzzelRows.Initiation(callId, orderedAt, initiationSeconds) with { Source = Destination, AgentId = agentId, DteUpdated = Updated },
        PuzzelRows.Queue(callId, orderedAt, "q", queueKey) with { DteUpdated = Updated },
    ];

    /// <summary>Session 1 and 2: both legs of a finished call.</summary>
    public List<CallEventRow> Completed(string contactResult = "k", int talkSeconds = 80, int agentId = 1001) =>
    [
        .. Order(),
        PuzzelRows.AgentLeg(callId, orderedAt.AddSeconds(2), "k", talkSeconds + 15, talkSeconds + 10, agentId: agentId) with { QueueKey = queueKey, DteUpdated = Updated },
        PuzzelRows.ContactLeg(callId, orderedAt.AddSeconds(5), contactResult, talkSeconds + 5, contactResult == "k" ? talkSeconds : 0) with
        {
            QueueKey = queueKey, Destination = Destination, DteUpdated = Updated,
        },
    ];

    /// <summary>One row of this call with only the columns every event has; the rest by a <c>with</c> expression.</summary>
    public CallEventRow Row(int sequence, string eventType, DateTime start, int seconds) =>
        PuzzelRows.Event(callId, eventType, start, seconds, 0, sequence, Updated);
}
