using System.Globalization;
using Callout.Dashboard.Domain;

namespace Callout.Dashboard.Simulator;

/// <summary>Makes calls with Puzzel-like ids and numbers: 19-digit, non-monotonic call ids, some above 2^63.</summary>
internal sealed class CallScripts(CentreProfile profile, Random rng)
{
    public SimCall NewCall(SimQueue queue, DateTime start) =>
        new(NewCallId(), queue.Key, NewNumber(), start, profile.TimeZone, rng);

    /// <summary>A Norwegian mobile number: a destination, or a number a call is transferred to.</summary>
    public string NewNumber() => $"47{rng.Next(40_000_000, 99_999_999)}";

    private decimal NewCallId() => decimal.Parse(
        string.Create(CultureInfo.InvariantCulture, $"{rng.Next(1, 10)}{rng.NextInt64(0, 1_000_000_000_000_000_000):D18}"),
        CultureInfo.InvariantCulture);
}

/// <summary>
/// The rows of one call as they grow: session 1 (the order) and session 2 (the conversations), written
/// together each time, as Puzzel rewrites a whole call when a later session lands. Each leg names the agent
/// who takes it, which for a scheduled call need not be the one who ordered it (§9.4).
/// </summary>
public sealed class SimCall
{
    /// <summary>Puzzel's access point for callouts: the Initiation event's destination.</summary>
    private const string AccessNumber = "4721000000";

    private readonly List<CallEventRow> _rows = [];
    private readonly DateTime _start;
    private readonly TimeZoneInfo _zone;
    private readonly Random _rng;
    private readonly Guid _orderSession;
    private readonly Guid _callSession;

    internal SimCall(decimal callId, string queueKey, string destination, DateTime start, TimeZoneInfo zone, Random rng)
    {
        CallId = callId;
        QueueKey = queueKey;
        Destination = destination;
        _start = start;
        _zone = zone;
        _rng = rng;
        _orderSession = NewGuid();
        _callSession = NewGuid();
    }

    public decimal CallId { get; }

    public string QueueKey { get; }

    public string Destination { get; }

    /// <summary>When the generator's last write of this call's rows became visible.</summary>
    internal DateTime? LastLandedAt { get; set; }

    /// <param name="initiationSeconds">1 for an immediate callout; T1 − T0 for a scheduled one.</param>
    /// <param name="orderingAgent">Who clicked Call, or the reserved agent of a scheduled call "to me"; null "to any agent".</param>
    /// <param name="scheduledFor">T1 in <c>dte_scheduled_callback</c> (v1.7), when the order fills it.</param>
    public void Order(int initiationSeconds, int? orderingAgent, DateTime? scheduledFor = null)
    {
        DateTimeOffset? callback = scheduledFor is { } due ? new DateTimeOffset(due, _zone.GetUtcOffset(due)) : null;
        Add(Row(_orderSession, PuzzelCodes.Initiation, _start, initiationSeconds) with { Source = Destination, Destination = AccessNumber, DteScheduledCallback = callback });
        Add(Row(_orderSession, PuzzelCodes.Queue, _start, 0) with { QueueKey = QueueKey, ResultCode = "q", AgentId = orderingAgent });
    }

    /// <summary>Scenarios A–C: the agent leg is answered, then the destination is dialled with the given result.</summary>
    public DateTime Connected(SimAgent agent, DateTime start, string contactResult, int talkSeconds)
    {
        var setup = _rng.Next(2, 5);
        var ring = contactResult switch { "t" => 30, "h" => _rng.Next(8, 25), "b" or "e" => _rng.Next(1, 3), _ => _rng.Next(5, 20) };
        var contactSeconds = ring + talkSeconds;
        AgentLeg(agent, start, setup + contactSeconds + 1, "k", contactSeconds);
        ContactLeg(start.AddSeconds(setup), contactSeconds, contactResult, talkSeconds);
        return start.AddSeconds(setup + contactSeconds + 1);
    }

    /// <summary>Scenario D: the agent clicks Cancel before answering the agent leg.</summary>
    public DateTime CancelledBeforeAnswer(SimAgent agent, DateTime start)
    {
        var seconds = _rng.Next(3, 15);
        AgentLeg(agent, start, seconds, "h", 0);
        return CancelAt(agent, start.AddSeconds(seconds));
    }

    /// <summary>
    /// The seed's Cancel while the destination rings (§9.1: "the agent leg is often k"): the agent leg answered, the
    /// contact leg cut short with 'h', and "an extra Queue event with result=d".
    /// </summary>
    public DateTime CancelledWhileRinging(SimAgent agent, DateTime start)
    {
        var setup = _rng.Next(2, 5);
        var rang = _rng.Next(4, 20);
        AgentLeg(agent, start, setup + rang + 1, "k", rang);
        ContactLeg(start.AddSeconds(setup), rang, "h", 0);
        return CancelAt(agent, start.AddSeconds(setup + rang));
    }

    /// <summary>Scenario I: every attempt to reach the ordering agent fails, one leg per result ('b' busy, 'c' set-up timeout, 'e' error).</summary>
    public DateTime AgentNotReached(SimAgent agent, DateTime start, IReadOnlyList<string> results) => FailedAgentLegs(agent, start, results);

    /// <summary>
    /// Seed, "Error when calling agent that ordered callout": several legs to the same agent "all with result b, c
    /// and/or e"; "if a call to the agent finally got answered (result=k), there will also be a conversation event to
    /// the called number". Retries, not transfers (§9.2).
    /// </summary>
    public DateTime ReachedAfterRetries(SimAgent agent, DateTime start, IReadOnlyList<string> failedResults, int talkSeconds) =>
        Connected(agent, FailedAgentLegs(agent, start, failedResults), "k", talkSeconds);

    /// <summary>
    /// Seed: "If the agent transfers to another agent, this new agent's conversation event will also get ciq='a' since
    /// this is in the same 'ciq' session". No queue key; <c>call_transfer</c> on the maker's leg only when
    /// <paramref name="flagged"/> ("helps but is not always set", §9.2).
    /// </summary>
    public DateTime TransferredToAgent(SimAgent agent, DateTime start, int talkSeconds, SimAgent target, bool flagged)
    {
        var (handover, rest, _) = HandOver(agent, start, talkSeconds, flagged, _ => 0);
        Add(Row(_callSession, PuzzelCodes.Conversation, handover, rest) with
        {
            Ciq = PuzzelCodes.AgentLeg, AgentId = target.AgentId, Destination = target.Phone, ResultCode = "k", DurationSpeakSec = rest - 1, LegType = "TransferAgent",
        });
        return handover.AddSeconds(rest);
    }

    /// <summary>Seed: "If the agent transfers to a number, this number's conversation event will have ciq='null'" (and no agent).</summary>
    public DateTime TransferredToNumber(SimAgent agent, DateTime start, int talkSeconds, string number, bool flagged)
    {
        var (handover, rest, _) = HandOver(agent, start, talkSeconds, flagged, _ => 0);
        Add(Row(_callSession, PuzzelCodes.Conversation, handover, rest) with { Destination = number, ResultCode = "k", DurationSpeakSec = rest - 3 });
        return handover.AddSeconds(rest);
    }

    /// <summary>
    /// Transfer to a queue (§4 H): a later Queue event in that (not a callout) queue, then the Conversation row of its
    /// agent, who answers once free at <paramref name="targetFreeAt"/>.
    /// </summary>
    public DateTime TransferredToQueue(SimAgent agent, DateTime start, int talkSeconds, SimQueue queue, SimAgent target, DateTime targetFreeAt, bool flagged)
    {
        var (handover, rest, wait) = HandOver(agent, start, talkSeconds, flagged,
            at => Math.Max(_rng.Next(5, 90), (int)Math.Ceiling((targetFreeAt - at).TotalSeconds)));
        Add(Row(_callSession, PuzzelCodes.Queue, handover, wait) with { QueueKey = queue.Key, ResultCode = "k" });
        Add(Row(_callSession, PuzzelCodes.Conversation, handover.AddSeconds(wait), rest) with
        {
            QueueKey = queue.Key, AgentId = target.AgentId, Destination = target.Phone, ResultCode = "k", DurationSpeakSec = rest - 2, LegType = "Agent",
        });
        return handover.AddSeconds(wait + rest);
    }

    /// <summary>Scenario F: a scheduled request deleted before its time (a 'd' Queue event, no conversations).</summary>
    public void Deleted(DateTime at, int? agentId) =>
        Add(Row(_orderSession, PuzzelCodes.Queue, at, 0) with { QueueKey = QueueKey, ResultCode = "d", AgentId = agentId });

    /// <summary>
    /// Scenario G, as the seed has it: "one initiation event, and one conversation event for each of the agents", no
    /// Queue event, no queue key, no ciq, the Initiation's source "xxxxxxxx", and from v1.6 an extras record with
    /// agent2agent=1 linked to the Initiation (the writer leaves it out of an older database).
    /// </summary>
    public DateTime AgentToAgent(SimAgent caller, SimAgent callee)
    {
        var ring = _rng.Next(3, 15);
        var talk = _rng.Next(20, 240);
        Add(Row(_orderSession, PuzzelCodes.Initiation, _start, 1) with
        {
            Source = PuzzelCodes.AgentToAgentSource, Destination = callee.Phone, AgentId = caller.AgentId, Agent2Agent = 1,
        });
        Add(Row(_orderSession, PuzzelCodes.Conversation, _start, ring + talk + 1) with { AgentId = caller.AgentId, Destination = caller.Phone, ResultCode = "k", DurationSpeakSec = talk });
        Add(Row(_orderSession, PuzzelCodes.Conversation, _start.AddSeconds(1), ring + talk) with { AgentId = callee.AgentId, Destination = callee.Phone, ResultCode = "k", DurationSpeakSec = talk });
        return _start.AddSeconds(ring + talk + 1);
    }

    /// <summary>An inbound call answered by an agent: not a callout, so the board must ignore it.</summary>
    public DateTime Inbound(SimAgent agent)
    {
        var wait = _rng.Next(5, 120);
        var talk = _rng.Next(30, 600);
        Add(Row(_orderSession, PuzzelCodes.Initiation, _start, wait + talk) with { Source = Destination, Destination = AccessNumber });
        Add(Row(_orderSession, PuzzelCodes.Queue, _start, wait) with { QueueKey = QueueKey, ResultCode = "k" });
        Add(Row(_orderSession, PuzzelCodes.Conversation, _start.AddSeconds(wait), talk) with { QueueKey = QueueKey, AgentId = agent.AgentId, Destination = agent.Phone, ResultCode = "k", DurationSpeakSec = talk - 2 });
        return _start.AddSeconds(wait + talk);
    }

    /// <summary>All rows so far, numbered in time order and stamped with the write's <c>dte_updated</c>.</summary>
    public IReadOnlyList<CallEventRow> RowsAsWrittenAt(DateTime stamp) =>
        [.. _rows.OrderBy(r => r.DteStart).ThenBy(r => r.CallSequence).Select((r, i) => r with { CallSequence = i + 1, DteUpdated = stamp })];

    /// <summary>
    /// An answered callout handed on: the maker's leg ends at the hand-over, the contact's leg runs on through
    /// <paramref name="waitAfter"/> the hand-over and the receiving side. Returns the hand-over, how long the receiving
    /// side talks, and the wait.
    /// </summary>
    private (DateTime Handover, int Remaining, int Wait) HandOver(SimAgent agent, DateTime start, int talkSeconds, bool flagged, Func<DateTime, int> waitAfter)
    {
        var setup = _rng.Next(2, 5);
        var ring = _rng.Next(5, 20);
        var first = Math.Max(10, talkSeconds / 3);
        var rest = Math.Max(10, talkSeconds - first) + _rng.Next(30, 300);
        var handover = start.AddSeconds(setup + ring + first);
        var wait = waitAfter(handover);
        AgentLeg(agent, start, setup + ring + first, "k", ring + first, transferred: flagged);
        ContactLeg(start.AddSeconds(setup), ring + first + wait + rest, "k", first + rest);
        return (handover, rest, wait);
    }

    /// <summary>Legs to the agent that fail with <paramref name="results"/>, each retried after a pause; returns when the next try starts.</summary>
    private DateTime FailedAgentLegs(SimAgent agent, DateTime start, IReadOnlyList<string> results)
    {
        var at = start;
        foreach (var result in results)
        {
            var seconds = _rng.Next(2, 20);
            AgentLeg(agent, at, seconds, result, 0);
            at = at.AddSeconds(seconds + _rng.Next(5, 30));
        }
        return at;
    }

    /// <summary>Seed: Cancel "results in an extra Queue event with result=d (deleted)".</summary>
    private DateTime CancelAt(SimAgent agent, DateTime at)
    {
        Add(Row(_callSession, PuzzelCodes.Queue, at, 0) with { QueueKey = QueueKey, ResultCode = "d", AgentId = agent.AgentId });
        return at.AddSeconds(1);
    }

    /// <summary>The call from the platform to the agent (ciq='a', destination the agent's phone).</summary>
    private void AgentLeg(SimAgent agent, DateTime start, int seconds, string result, int speakSeconds, bool transferred = false) =>
        Add(Row(_callSession, PuzzelCodes.Conversation, start, seconds) with
        {
            Ciq = PuzzelCodes.AgentLeg, QueueKey = QueueKey, AgentId = agent.AgentId, Destination = agent.Phone, ResultCode = result,
            DurationSpeakSec = speakSeconds, CallTransfer = transferred ? true : null, LegType = "Agent",
        });

    /// <summary>The call to the destination (ciq='c', no agent id, the display number in originating).</summary>
    private void ContactLeg(DateTime start, int seconds, string result, int talkSeconds) =>
        Add(Row(_callSession, PuzzelCodes.Conversation, start, seconds) with
        {
            Ciq = PuzzelCodes.ContactLeg, QueueKey = QueueKey, Destination = Destination, ResultCode = result, DurationSpeakSec = talkSeconds, Originating = AccessNumber,
        });

    private CallEventRow Row(Guid session, string eventType, DateTime start, int seconds) =>
        new CallEventRow
        {
            RecId = 0,
            CallId = CallId,
            CallSequence = _rows.Count,
            DteStart = start,
            DurationTotSec = seconds,
            EventType = eventType,
            InternalIqSessionId = session,
        };

    private Guid NewGuid()
    {
        var bytes = new byte[16];
        _rng.NextBytes(bytes);
        return new Guid(bytes);
    }

    private void Add(CallEventRow row) => _rows.Add(row);
}
