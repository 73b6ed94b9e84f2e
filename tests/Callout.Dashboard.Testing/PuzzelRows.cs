using Callout.Dashboard.Domain;

namespace Callout.Dashboard.Testing;

/// <summary>
/// The one builder of Puzzel Raw data rows: each event of a callout shaped like the examples of the domain notes (§4),
/// queue __Callout_X, agent 1001, destination 4722222222; tweak one column with a <c>with</c> expression. Scenario sets
/// (the pages' two queues, the database tests' calls) are made of these.
/// </summary>
public static class PuzzelRows
{
    public const string QueueX = "__Callout_X";
    public const string QueueY = "__Callout_Y";
    public const int AgentId = 1001;
    public const int OtherAgentId = 1002;
    public const string AgentPhone = "4790000001";
    public const string Number = "4722222222";
    public const string AccessPoint = "4780000000";

    public static readonly Guid OrderSession = new("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid CallSession = new("00000000-0000-0000-0000-0000000000a2");

    /// <summary>One event with the columns every event has; the rest by a <c>with</c> expression.</summary>
    public static CallEventRow Event(decimal callId, string eventType, DateTime at, int durationSec, long recId, int sequence, DateTime updated, Guid? session = null) => new()
    {
        RecId = recId,
        CallId = callId,
        CallSequence = sequence,
        DteStart = at,
        DurationTotSec = durationSec,
        EventType = eventType,
        InternalIqSessionId = session,
        DteUpdated = updated,
    };

    /// <summary>Session 1, event 1: the called number is the Initiation's source.</summary>
    public static CallEventRow Initiation(decimal callId, DateTime at, int durationSec = 1, long recId = 1) =>
        Event(callId, "i", at, durationSec, recId, 1, at.AddMinutes(2), OrderSession) with { Source = Number, Destination = AccessPoint };

    /// <summary>Session 1, event 2: the order ('q') in the callout queue, duration 0.</summary>
    public static CallEventRow Queue(decimal callId, DateTime at, string? result = "q", string? queueKey = QueueX, long recId = 2, int sequence = 2) =>
        Event(callId, "q", at, 0, recId, sequence, at.AddMinutes(2), OrderSession) with { QueueKey = queueKey, ResultCode = result };

    /// <summary>Session 2: the leg to the ordering agent (<c>ciq='a'</c>).</summary>
    public static CallEventRow AgentLeg(decimal callId, DateTime at, string result = "k", int durationSec = 95, int speakSec = 90, long recId = 3, int sequence = 3, int? agentId = AgentId) =>
        Leg(callId, at, "a", result, durationSec, speakSec, recId, sequence) with { Destination = AgentPhone, AgentId = agentId };

    /// <summary>Session 2: the leg to the contact (<c>ciq='c'</c>), which has no agent id.</summary>
    public static CallEventRow ContactLeg(decimal callId, DateTime at, string result = "k", int durationSec = 85, int speakSec = 80, long recId = 4, int sequence = 4) =>
        Leg(callId, at, "c", result, durationSec, speakSec, recId, sequence) with { Destination = Number, Originating = AccessPoint };

    /// <summary>The order session alone (rec_ids 1, 2): Initiation plus Queue 'q'.</summary>
    public static CallEventRow[] Ordered(decimal callId, DateTime at, int initiationSec = 1, string queueKey = QueueX, int? agentId = null) =>
    [
        Initiation(callId, at, initiationSec) with { AgentId = agentId },
        Queue(callId, at, queueKey: queueKey),
    ];

    /// <summary>When the calls of session 2 start: right after an immediate order, or at T1 of a scheduled one.</summary>
    public static DateTime CallStart(DateTime orderedAt, int initiationSec = 1) => orderedAt.AddSeconds(initiationSec + 4);

    /// <summary>
    /// The whole call after session 2 landed: the order rows and both legs, all rewritten with new
    /// rec_ids (from 100) as Puzzel does. Legs: agent at CallStart (95 s), contact 5 s later (85 s).
    /// </summary>
    public static CallEventRow[] Completed(decimal callId, DateTime orderedAt, string contactResult = "k", int initiationSec = 1, string queueKey = QueueX, int? agentId = AgentId)
    {
        var start = CallStart(orderedAt, initiationSec);
        var answered = contactResult.Trim().Equals("k", StringComparison.OrdinalIgnoreCase);
        return Rewritten(
            [
                .. Ordered(callId, orderedAt, initiationSec, queueKey),
                AgentLeg(callId, start, speakSec: answered ? 90 : 20, agentId: agentId) with { QueueKey = queueKey },
                ContactLeg(callId, start.AddSeconds(5), contactResult, speakSec: answered ? 80 : 0) with { QueueKey = queueKey },
            ],
            firstRecId: 100);
    }

    /// <summary>
    /// Scenario I of the domain notes: the calls to the ordering agent fail ("several conversation events to the agent
    /// (ciq=a) all with result b, c and/or e"), one leg per result, <paramref name="between"/> apart (default 30 s),
    /// each 20 s long; no leg to the contact unless a result is 'k' and <paramref name="thenContact"/> is set.
    /// </summary>
    public static CallEventRow[] AgentAttempts(decimal callId, DateTime orderedAt, string[] legResults, TimeSpan? between = null,
        int agentId = AgentId, string queueKey = QueueX, string? thenContact = null)
    {
        var step = between ?? TimeSpan.FromSeconds(30);
        var start = CallStart(orderedAt);
        var legs = legResults.Select((result, i) =>
            AgentLeg(callId, start + (step * i), result, durationSec: 20, speakSec: result == "k" ? 15 : 0, recId: 3 + i, sequence: 3 + i, agentId: agentId) with { QueueKey = queueKey });
        CallEventRow[] contact = thenContact is null ? [] : [ContactLeg(callId, start + (step * legResults.Length), thenContact, recId: 50, sequence: 50) with { QueueKey = queueKey }];
        return Rewritten([.. Ordered(callId, orderedAt, queueKey: queueKey), .. legs, .. contact], firstRecId: 100);
    }

    /// <summary>Scenario D: the agent clicked Cancel before answering the agent leg; the 'd' Queue event 8 s after the calls began.</summary>
    public static CallEventRow[] Cancelled(decimal callId, DateTime orderedAt, string queueKey = QueueX, int agentId = AgentId)
    {
        var start = CallStart(orderedAt);
        return Rewritten(
            [
                .. Ordered(callId, orderedAt, queueKey: queueKey),
                AgentLeg(callId, start, "h", durationSec: 8, speakSec: 0, agentId: agentId) with { QueueKey = queueKey },
                Queue(callId, start.AddSeconds(8), "d", queueKey, recId: 9, sequence: 9),
            ],
            firstRecId: 100);
    }

    /// <summary>Scenario F: an ordered (here scheduled) call deleted at <paramref name="deletedAt"/>, no Conversation rows.</summary>
    public static CallEventRow[] Deleted(decimal callId, DateTime orderedAt, DateTime deletedAt, int initiationSec = 3600, string queueKey = QueueX, int? agentId = AgentId) =>
        Rewritten([.. Ordered(callId, orderedAt, initiationSec, queueKey, agentId), Queue(callId, deletedAt, "d", queueKey, recId: 9, sequence: 9)], firstRecId: 100);

    /// <summary>Puzzel's rewrite rule: every row of the call again, with new rec_ids and dte_updated.</summary>
    public static CallEventRow[] Rewritten(IEnumerable<CallEventRow> rows, long firstRecId)
    {
        var list = rows.ToList();
        var updated = list.Max(r => r.DteStart.AddSeconds(Math.Max(0, r.DurationTotSec))).AddMinutes(3);
        return [.. list.Select((r, i) => r with { RecId = firstRecId + i, CallSequence = i + 1, DteUpdated = updated })];
    }

    public static AgentEventRow AgentEvent(string type, DateTime at, int agentId = AgentId, string? pauseType = null, long? recId = null) => new()
    {
        RecId = recId,
        AgentId = agentId,
        EventType = type,
        EventSource = "w",
        DteStart = at,
        PauseType = pauseType,
        DteUpdated = at.AddMinutes(1),
    };

    private static CallEventRow Leg(decimal callId, DateTime at, string ciq, string result, int durationSec, int speakSec, long recId, int sequence) =>
        Event(callId, "c", at, durationSec, recId, sequence, at.AddSeconds(durationSec).AddMinutes(2), CallSession) with
        {
            DurationSpeakSec = speakSec, QueueKey = QueueX, ResultCode = result, Ciq = ciq,
        };
}
