using System.Globalization;
using Callout.Dashboard.Domain;

namespace Callout.Dashboard.Simulator;

/// <summary>Makes calls with Puzzel-like ids and numbers: 19-digit, non-monotonic call ids, some above 2^63.</summary>
internal sealed class CallScripts(CentreProfile profile, Random rng)
{
    public SimCall NewCall(SimQueue queue, DateTime start) =>
        new(NewCallId(), queue.Key, $"47{rng.Next(40_000_000, 99_999_999)}", start, profile.TimeZone, rng);

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

    /// <summary>The agent leg is answered, then the destination is dialled with the given result.</summary>
    public DateTime Connected(SimAgent agent, DateTime start, string contactResult, int talkSeconds, bool transferring = false)
    {
        var setup = _rng.Next(2, 5);
        var ring = contactResult switch { "t" => 30, "h" => _rng.Next(8, 25), "b" or "e" => _rng.Next(1, 3), _ => _rng.Next(5, 20) };
        var contactStart = start.AddSeconds(setup);
        var contactSeconds = ring + talkSeconds;
        Add(Row(_callSession, PuzzelCodes.Conversation, start, setup + contactSeconds + 1) with
        {
            Ciq = PuzzelCodes.AgentLeg, QueueKey = QueueKey, AgentId = agent.AgentId, Destination = agent.Phone, ResultCode = "k",
            DurationSpeakSec = contactSeconds, CallTransfer = transferring ? true : null, LegType = "Agent",
        });
        Add(Row(_callSession, PuzzelCodes.Conversation, contactStart, contactSeconds) with
        {
            Ciq = PuzzelCodes.ContactLeg, QueueKey = QueueKey, Destination = Destination, ResultCode = contactResult,
            DurationSpeakSec = talkSeconds, Originating = "4721000000",
        });
        return start.AddSeconds(setup + contactSeconds + 1);
    }

    /// <summary>Scenario D: the agent clicks Cancel before answering the agent leg.</summary>
    public DateTime CancelledByAgent(SimAgent agent, DateTime start)
    {
        var seconds = _rng.Next(3, 15);
        Add(Row(_callSession, PuzzelCodes.Conversation, start, seconds) with { Ciq = PuzzelCodes.AgentLeg, QueueKey = QueueKey, AgentId = agent.AgentId, Destination = agent.Phone, ResultCode = "h", DurationSpeakSec = 0 });
        Add(Row(_callSession, PuzzelCodes.Queue, start.AddSeconds(seconds), 0) with { QueueKey = QueueKey, ResultCode = "d", AgentId = agent.AgentId });
        return start.AddSeconds(seconds);
    }

    /// <summary>Scenario I: every attempt to reach the ordering agent fails (busy, set-up timeout, error).</summary>
    public DateTime AgentNotReached(SimAgent agent, DateTime start, int attempts)
    {
        var at = start;
        for (var i = 0; i < attempts; i++)
        {
            string[] results = ["b", "c", "e"];
            var seconds = _rng.Next(2, 20);
            Add(Row(_callSession, PuzzelCodes.Conversation, at, seconds) with { Ciq = PuzzelCodes.AgentLeg, QueueKey = QueueKey, AgentId = agent.AgentId, Destination = agent.Phone, ResultCode = results[_rng.Next(results.Length)], DurationSpeakSec = 0 });
            at = at.AddSeconds(seconds + _rng.Next(5, 30));
        }
        return at;
    }

    /// <summary>Scenario H: answered, then handed to another agent (a Conversation row without queue key).</summary>
    public DateTime Transferred(SimAgent agent, DateTime start, int talkSeconds, SimAgent target)
    {
        var firstPart = Math.Max(10, talkSeconds / 3);
        var end = Connected(agent, start, "k", talkSeconds, transferring: true);
        var handover = end.AddSeconds(-(talkSeconds - firstPart));
        var secondPart = talkSeconds - firstPart + _rng.Next(30, 300);
        Add(Row(_callSession, PuzzelCodes.Conversation, handover, secondPart) with
        {
            AgentId = target.AgentId, Destination = target.Phone, ResultCode = "k", DurationSpeakSec = secondPart, LegType = "TransferAgent",
        });
        return handover.AddSeconds(secondPart);
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
