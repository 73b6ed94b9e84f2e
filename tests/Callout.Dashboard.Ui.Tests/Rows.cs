using Callout.Dashboard.Domain;

namespace Callout.Dashboard.Ui.Tests;

/// <summary>
/// The pages' scenarios, made of the kit's Puzzel rows, in two callout queues (Sales, Support). Each sets dte_updated
/// explicitly, so the data age a test sees is the one it chose.
/// </summary>
internal static class Rows
{
    public const string Sales = "__Callout_Sales";
    public const string Support = "__Callout_Support";
    public const int AgentId = PuzzelRows.AgentId;
    public const int OtherAgentId = PuzzelRows.OtherAgentId;
    public const string Number = PuzzelRows.Number;
    public const string MaskedNumber = "+47 ••• •• 222";

    public static readonly IReadOnlyList<QueueRow> Queues = [new(Sales, "Sales"), new(Support, "Support")];

    public static readonly IReadOnlyList<AgentRow> Agents =
    [
        new(AgentId, "kari", "Kari Nordmann", 1, "Team North", false),
        new(OtherAgentId, "ola", "Ola Hansen", 1, "Team North", false),
    ];

    /// <summary>The order session of a callout: Initiation (source = called number) plus Queue 'q'.</summary>
    public static CallEventRow[] Ordered(decimal callId, DateTime at, string queueKey = Sales, int? agentId = AgentId, int initiationSec = 1, string number = Number, DateTime? updated = null) =>
    [
        PuzzelRows.Initiation(callId, at, initiationSec) with { Source = number, AgentId = agentId, DteUpdated = updated ?? at },
        PuzzelRows.Queue(callId, at, queueKey: queueKey) with { DteUpdated = updated ?? at },
    ];

    /// <summary>A scheduled callout: an Initiation that outlasts the one-minute threshold is due at its end.</summary>
    public static CallEventRow[] Scheduled(decimal callId, DateTime orderedAt, DateTime dueAt, string queueKey = Sales, int? agentId = AgentId, DateTime? updated = null) =>
        Ordered(callId, orderedAt, queueKey, agentId, (int)(dueAt - orderedAt).TotalSeconds, updated: updated);

    /// <summary>An ordered callout the agent cancelled: agent leg hung up ('h'), then the Queue event deleted ('d').</summary>
    public static CallEventRow[] Cancelled(decimal callId, DateTime orderedAt, string queueKey = Sales, int agentId = AgentId)
    {
        var start = orderedAt.AddSeconds(5);
        var end = start.AddSeconds(8);
        return
        [
            .. Ordered(callId, orderedAt, queueKey, agentId),
            PuzzelRows.AgentLeg(callId, start, "h", durationSec: 8, speakSec: 0, agentId: agentId) with { QueueKey = queueKey, DteUpdated = end },
            PuzzelRows.Queue(callId, end, "d", queueKey, recId: 4, sequence: 4) with { DteUpdated = end },
        ];
    }

    /// <summary>A callout answered by the contact: both legs of session 2 after the order.</summary>
    public static CallEventRow[] Answered(decimal callId, DateTime orderedAt, string queueKey = Sales, int agentId = AgentId)
    {
        var start = orderedAt.AddSeconds(5);
        var end = start.AddSeconds(95);
        return
        [
            .. Ordered(callId, orderedAt, queueKey, agentId),
            PuzzelRows.AgentLeg(callId, start, agentId: agentId) with { QueueKey = queueKey, DteUpdated = end },
            PuzzelRows.ContactLeg(callId, start.AddSeconds(5)) with { QueueKey = queueKey, DteUpdated = end },
        ];
    }

    /// <summary>A callout the contact did not answer: the agent's leg, then the contact's phone rang out ('t').</summary>
    public static CallEventRow[] NotAnswered(decimal callId, DateTime orderedAt, string queueKey = Sales, int agentId = AgentId)
    {
        var start = orderedAt.AddSeconds(5);
        var end = start.AddSeconds(40);
        return
        [
            .. Ordered(callId, orderedAt, queueKey, agentId),
            PuzzelRows.AgentLeg(callId, start, durationSec: 40, speakSec: 0, agentId: agentId) with { QueueKey = queueKey, DteUpdated = end },
            PuzzelRows.ContactLeg(callId, start.AddSeconds(5), "t", durationSec: 30, speakSec: 0) with { QueueKey = queueKey, DteUpdated = end },
        ];
    }

    public static AgentEventRow AgentEvent(string type, DateTime at, int agentId = AgentId, string? pauseType = null) =>
        PuzzelRows.AgentEvent(type, at, agentId, pauseType) with { DteUpdated = at };
}
