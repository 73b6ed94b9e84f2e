using Callout.Dashboard.Domain;

namespace Callout.Dashboard.RawData.Tests.TestDatabases;

/// <summary>Rows of one callout as Puzzel writes them (domain notes §4), for database tests.</summary>
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
        Row(1, PuzzelCodes.Initiation, orderedAt, initiationSeconds) with { Source = Destination, AgentId = agentId },
        Row(2, PuzzelCodes.Queue, orderedAt, 0) with { QueueKey = queueKey, ResultCode = "q" },
    ];

    /// <summary>Session 1 and 2: both legs of a finished call.</summary>
    public List<CallEventRow> Completed(string contactResult = "k", int talkSeconds = 80, int agentId = 1001) =>
    [
        .. Order(),
        Row(3, PuzzelCodes.Conversation, orderedAt.AddSeconds(2), talkSeconds + 15) with { Ciq = "a", QueueKey = queueKey, AgentId = agentId, ResultCode = "k", DurationSpeakSec = talkSeconds + 10 },
        Row(4, PuzzelCodes.Conversation, orderedAt.AddSeconds(5), talkSeconds + 5) with { Ciq = "c", QueueKey = queueKey, Destination = Destination, ResultCode = contactResult, DurationSpeakSec = contactResult == "k" ? talkSeconds : 0 },
    ];

    public CallEventRow Row(int sequence, string eventType, DateTime start, int seconds) => new()
    {
        RecId = 0,
        CallId = callId,
        CallSequence = sequence,
        DteStart = start,
        DurationTotSec = seconds,
        EventType = eventType,
        DteUpdated = Updated,
    };
}
