namespace Callout.Dashboard.Ui.Tests;

/// <summary>
/// Raw data rows shaped like the callout examples of the domain notes (§4), in two callout queues
/// (Sales, Support). Each builder sets dte_updated explicitly, so the data age a test sees is the one it chose.
/// </summary>
internal static class Rows
{
    public const string Sales = "__Callout_Sales";
    public const string Support = "__Callout_Support";
    public const int AgentId = 1001;
    public const int OtherAgentId = 1002;
    public const string Number = "4722222222";
    public const string MaskedNumber = "+47 ••• •• 222";
    public const string AccessPoint = "4780000000";
    public const string AgentPhone = "4790000001";

    public static readonly IReadOnlyList<QueueRow> Queues = [new(Sales, "Sales"), new(Support, "Support")];

    public static readonly IReadOnlyList<AgentRow> Agents =
    [
        new(AgentId, "kari", "Kari Nordmann", 1, "Team North", false),
        new(OtherAgentId, "ola", "Ola Hansen", 1, "Team North", false),
    ];

    /// <summary>The order session of a callout: Initiation (source = called number) plus Queue 'q'.</summary>
    public static CallEventRow[] Ordered(decimal callId, DateTime at, string queueKey = Sales, int? agentId = AgentId, int initiationSec = 1, string number = Number, DateTime? updated = null) =>
    [
        new()
        {
            RecId = 1, CallId = callId, CallSequence = 1, DteStart = at, DurationTotSec = initiationSec,
            Source = number, Destination = AccessPoint, EventType = "i", AgentId = agentId,
            DteUpdated = updated ?? at,
        },
        Queue(callId, at, "q", queueKey, recId: 2, sequence: 2, updated: updated ?? at),
    ];

    /// <summary>A scheduled callout: an Initiation that outlasts the one-minute threshold is due at its end.</summary>
    public static CallEventRow[] Scheduled(decimal callId, DateTime orderedAt, DateTime dueAt, string queueKey = Sales, int? agentId = AgentId, DateTime? updated = null) =>
        Ordered(callId, orderedAt, queueKey, agentId, (int)(dueAt - orderedAt).TotalSeconds, updated: updated);

    /// <summary>An ordered callout the agent cancelled: agent leg hung up ('h'), then the Queue event deleted ('d').</summary>
    public static CallEventRow[] Cancelled(decimal callId, DateTime orderedAt, string queueKey = Sales, int agentId = AgentId)
    {
        var start = orderedAt.AddSeconds(5);
        return
        [
            .. Ordered(callId, orderedAt, queueKey, agentId),
            new()
            {
                RecId = 3, CallId = callId, CallSequence = 3, DteStart = start, DurationTotSec = 8, DurationSpeakSec = 0,
                Destination = AgentPhone, QueueKey = queueKey, AgentId = agentId, EventType = "c", ResultCode = "h", Ciq = "a",
                DteUpdated = start.AddSeconds(8),
            },
            Queue(callId, start.AddSeconds(8), "d", queueKey, recId: 4, sequence: 4, updated: start.AddSeconds(8)),
        ];
    }

    /// <summary>A callout answered by the contact: both legs of session 2 after the order.</summary>
    public static CallEventRow[] Answered(decimal callId, DateTime orderedAt, string queueKey = Sales, int agentId = AgentId)
    {
        var start = orderedAt.AddSeconds(5);
        return
        [
            .. Ordered(callId, orderedAt, queueKey, agentId),
            new()
            {
                RecId = 3, CallId = callId, CallSequence = 3, DteStart = start, DurationTotSec = 95, DurationSpeakSec = 90,
                Destination = AgentPhone, QueueKey = queueKey, AgentId = agentId, EventType = "c", ResultCode = "k", Ciq = "a",
                DteUpdated = start.AddSeconds(95),
            },
            new()
            {
                RecId = 4, CallId = callId, CallSequence = 4, DteStart = start.AddSeconds(5), DurationTotSec = 85, DurationSpeakSec = 80,
                Destination = Number, QueueKey = queueKey, EventType = "c", ResultCode = "k", Ciq = "c",
                DteUpdated = start.AddSeconds(95),
            },
        ];
    }

    public static AgentEventRow AgentEvent(string type, DateTime at, int agentId = AgentId, string? pauseType = null) => new()
    {
        AgentId = agentId,
        EventType = type,
        EventSource = "w",
        DteStart = at,
        PauseType = pauseType,
        DteUpdated = at,
    };

    private static CallEventRow Queue(decimal callId, DateTime at, string result, string queueKey, long recId, int sequence, DateTime updated) => new()
    {
        RecId = recId, CallId = callId, CallSequence = sequence, DteStart = at, QueueKey = queueKey,
        EventType = "q", ResultCode = result, DteUpdated = updated,
    };
}
