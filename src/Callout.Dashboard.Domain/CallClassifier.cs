namespace Callout.Dashboard.Domain;

/// <summary>Turns all rows of one <c>call_id</c> into <see cref="CalloutFacts"/> (domain notes §8.4–8.6 as revised by §9.1–9.4).</summary>
public sealed class CallClassifier(BoardRules rules)
{
    /// <summary>Longer than any phone number; longer sources are cut for display and reported.</summary>
    public const int MaxDestinationLength = 64;

    private static readonly DateTime s_earliestPlausible = new(2000, 1, 1);

    /// <summary>Null when the call is neither a callout nor an agent-to-agent call.</summary>
    public CalloutFacts? Classify(IReadOnlyList<CallEventRow> rows, ICollection<RowAnomaly> anomalies)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var ordered = rows.OrderBy(r => r.CallSequence ?? int.MaxValue).ThenBy(r => r.DteStart).ToList();
        var callId = ordered[0].CallId;
        ReportOddRows(callId, ordered, anomalies);

        var initiation = ordered.FirstOrDefault(r => PuzzelCodes.Is(r.EventType, PuzzelCodes.Initiation));
        var queueEvents = ordered.Where(r => PuzzelCodes.Is(r.EventType, PuzzelCodes.Queue)).ToList();
        var conversations = ordered.Where(r => PuzzelCodes.Is(r.EventType, PuzzelCodes.Conversation)).ToList();
        var lastUpdated = ordered.Max(r => r.DteUpdated);

        // §8.4: agent-to-agent calls are counted on their own and never as callouts.
        var isAgentToAgent = ordered.Any(r => r.Agent2Agent == 1)
            || (initiation?.Source == PuzzelCodes.AgentToAgentSource && queueEvents.Count == 0);
        if (isAgentToAgent)
        {
            return new CalloutFacts
            {
                CallId = callId,
                Kind = CallKind.AgentToAgent,
                OrderedAt = initiation?.DteStart ?? ordered[0].DteStart,
                Phase = conversations.Count > 0 ? CalloutPhase.Completed : CalloutPhase.InProgress,
                AgentId = initiation?.AgentId ?? conversations.FirstOrDefault()?.AgentId,
                LastUpdated = lastUpdated,
            };
        }

        var calloutQueueEvents = queueEvents.Where(q => rules.IsCalloutQueue(q.QueueKey)).ToList();
        if (calloutQueueEvents.Count == 0)
        {
            return null;
        }

        var order = calloutQueueEvents[0];
        if (initiation is null)
        {
            anomalies.Add(new RowAnomaly(RowAnomaly.MissingInitiation, $"call_id {callId}: callout Queue event without an Initiation event"));
        }

        var agentLegs = conversations.Where(c => PuzzelCodes.Is(c.Ciq, PuzzelCodes.AgentLeg)).ToList();
        // §8.5: the order session names the ordering agent (or, for a scheduled call "to me", the reserved one).
        var orderedBy = initiation?.AgentId
            ?? calloutQueueEvents.FirstOrDefault(q => q.AgentId is not null && !PuzzelCodes.Is(q.ResultCode, PuzzelCodes.Deleted))?.AgentId;
        // §9.4: once the calls are made, the callout belongs to the agent who took the agent leg; a scheduled call
        // "to any agent", or whose reserved agent was logged off, is made by another agent than the one who ordered it.
        var madeBy = (agentLegs.FirstOrDefault(IsAnswered) ?? agentLegs.LastOrDefault(c => c.AgentId is not null))?.AgentId;
        var dueAt = DueAt(initiation, ordered);
        var facts = new CalloutFacts
        {
            AgentLegs = LegsOf(agentLegs),
            CallId = callId,
            Kind = CallKind.Callout,
            QueueKey = order.QueueKey,
            AgentId = madeBy ?? orderedBy,
            OrderedByAgentId = orderedBy,
            Scheduled = dueAt is not null,
            Destination = CutDestination(callId, CalledNumber(initiation, conversations), anomalies),
            OrderedAt = initiation?.DteStart ?? order.DteStart,
            Phase = CalloutPhase.InProgress,
            LastUpdated = lastUpdated,
        };

        var deletion = queueEvents.FirstOrDefault(q => PuzzelCodes.Is(q.ResultCode, PuzzelCodes.Deleted));
        if (deletion is not null)
        {
            // §9.1: Cancel gives a 'd' Queue event "in addition to the first queue event with result q (and conversation
            // event(s))", whatever the legs' results; a 'd' with no Conversation row is a request deleted before it was made.
            return facts with
            {
                Phase = conversations.Count > 0 ? CalloutPhase.Cancelled : CalloutPhase.Deleted,
                EndedAt = deletion.DteStart,
                AgentId = facts.AgentId ?? deletion.AgentId,
            };
        }

        if (conversations.Count > 0)
        {
            return Completed(facts, ordered, conversations, agentLegs, anomalies);
        }

        if (dueAt is not null)
        {
            return facts with { Phase = CalloutPhase.Scheduled, DueAt = dueAt };
        }

        // A callout queue left with a terminal result other than 'q' (ordered), 'k' or 'd' never reaches a
        // conversation: showing it "in progress" for half an hour would be wrong.
        var queueResult = PuzzelCodes.Normalize(order.ResultCode);
        if (queueResult is not ("q" or "k" or "" or "?") && PuzzelCodes.QueueResults.Contains(queueResult))
        {
            return facts with { Phase = CalloutPhase.Completed, Outcome = CalloutOutcome.Error, EndedAt = rules.AddElapsed(order.DteStart, Math.Max(0, order.DurationTotSec)) };
        }

        return facts;
    }

    private CalloutFacts Completed(CalloutFacts facts, List<CallEventRow> rows, List<CallEventRow> conversations, List<CallEventRow> agentLegs, ICollection<RowAnomaly> anomalies)
    {
        var contactLeg = conversations.FirstOrDefault(c => PuzzelCodes.Is(c.Ciq, PuzzelCodes.ContactLeg));
        var outcome = contactLeg is null
            ? CalloutOutcome.AgentNotReached
            : OutcomeOf(facts.CallId, contactLeg.ResultCode, anomalies);

        return facts with
        {
            Phase = CalloutPhase.Completed,
            Outcome = outcome,
            TalkSeconds = outcome == CalloutOutcome.Answered ? Math.Max(0, contactLeg?.DurationSpeakSec ?? 0) : 0,
            TransferredTo = TransferOf(rows, conversations, agentLegs.FirstOrDefault(IsAnswered), contactLeg),
            EndedAt = conversations.Max(c => rules.AddElapsed(c.DteStart, Math.Max(0, c.DurationTotSec))),
        };
    }

    /// <summary>
    /// §9.2: after the answered agent leg, a Conversation row for another agent (<c>ciq='a'</c>, same ciq session, or
    /// NULL) or for a number (<c>ciq</c> NULL, no agent), or the call put through a queue. Earlier agent legs are the
    /// retries of "Error when calling agent that ordered callout", not transfers. <c>call_transfer</c> is not always set.
    /// </summary>
    private static TransferTarget? TransferOf(List<CallEventRow> rows, List<CallEventRow> conversations, CallEventRow? answeredAgentLeg, CallEventRow? contactLeg)
    {
        if (answeredAgentLeg is not null)
        {
            var handedOn = rows
                .Where(r => !ReferenceEquals(r, answeredAgentLeg) && !ReferenceEquals(r, contactLeg) && r.DteStart >= answeredAgentLeg.DteStart)
                .Select(r => (r.DteStart, Target: TargetOf(r, answeredAgentLeg.AgentId)))
                .Where(t => t.Target is not null)
                .OrderBy(t => t.DteStart)
                .FirstOrDefault();
            if (handedOn.Target is { } target)
            {
                return target;
            }
        }
        return conversations.Any(c => c.CallTransfer == true) ? TransferTarget.Unknown : null;
    }

    private static TransferTarget? TargetOf(CallEventRow row, int? maker)
    {
        if (PuzzelCodes.Is(row.EventType, PuzzelCodes.Queue))
        {
            // The call put through another queue; a second 'd' or 'q' in the callout queue is no hand-over.
            var result = PuzzelCodes.Normalize(row.ResultCode);
            return result is PuzzelCodes.Deleted or "q" ? null : TransferTarget.Queue;
        }
        if (!PuzzelCodes.Is(row.EventType, PuzzelCodes.Conversation))
        {
            return null;
        }
        var ciq = PuzzelCodes.Normalize(row.Ciq);
        return ciq switch
        {
            PuzzelCodes.AgentLeg when row.AgentId is not null && row.AgentId != maker => TransferTarget.Agent,
            "" when row.AgentId is not null => row.AgentId != maker ? TransferTarget.Agent : null,
            "" => TransferTarget.Number,
            _ => null,
        };
    }

    /// <summary>
    /// Puzzel's page says both that the Initiation has "the called number as source" and, under "About Display
    /// number", that its source is "the Puzzel access number used for callout". The contact leg's destination is
    /// "the called number" either way, so it wins once it exists; before that only the Initiation can tell.
    /// </summary>
    private static string? CalledNumber(CallEventRow? initiation, List<CallEventRow> conversations) =>
        conversations.FirstOrDefault(c => PuzzelCodes.Is(c.Ciq, PuzzelCodes.ContactLeg) && !string.IsNullOrWhiteSpace(c.Destination))?.Destination
        ?? initiation?.Source;

    private static bool IsAnswered(CallEventRow leg) => PuzzelCodes.Is(leg.ResultCode, "k");

    private static ValueList<AgentLeg> LegsOf(List<CallEventRow> agentLegs) =>
        agentLegs.Count == 0 ? ValueList<AgentLeg>.Empty : new(agentLegs
            .Where(l => l.AgentId is not null)
            .Select(l => (l, Result: PuzzelCodes.Normalize(l.ResultCode)))
            .Where(l => l.Result is "k" or "h" or "b" or "t" or "c" or "e")
            .Select(l => new AgentLeg(l.l.AgentId!.Value, l.l.DteStart, l.Result is "k" or "h")));

    private static CalloutOutcome OutcomeOf(decimal callId, string? resultCode, ICollection<RowAnomaly> anomalies)
    {
        switch (PuzzelCodes.Normalize(resultCode))
        {
            case "k": return CalloutOutcome.Answered;
            // 't' ringing timeout, 'h' agent hung up while it rang, 'c' set-up timeout, 'q' hung up in set-up.
            case "t" or "h" or "c" or "q": return CalloutOutcome.NoAnswer;
            case "b": return CalloutOutcome.Busy;
            case "e": return CalloutOutcome.Error;
            case "":
                anomalies.Add(new RowAnomaly(RowAnomaly.UnknownResultCode, $"call_id {callId}: contact leg without result code, taken as error"));
                return CalloutOutcome.Error;
            default:
                // Reported with the row by ReportOddRows.
                return CalloutOutcome.Error;
        }
    }

    /// <summary>§8.6: scheduled when dte_scheduled_callback is set or the Initiation outlasts the threshold.</summary>
    private DateTime? DueAt(CallEventRow? initiation, List<CallEventRow> rows)
    {
        var scheduled = rows.FirstOrDefault(r => r.DteScheduledCallback is not null)?.DteScheduledCallback;
        if (scheduled is not null)
        {
            return rules.ToLocal(scheduled.Value);
        }
        if (initiation is not null && initiation.DurationTotSec > rules.ScheduledThreshold.TotalSeconds)
        {
            return rules.AddElapsed(initiation.DteStart, initiation.DurationTotSec);
        }
        return null;
    }

    private static string? CutDestination(decimal callId, string? source, ICollection<RowAnomaly> anomalies)
    {
        if (source is null || source.Length <= MaxDestinationLength)
        {
            return source;
        }
        anomalies.Add(new RowAnomaly(RowAnomaly.OversizedSource, $"call_id {callId}: source of {source.Length} characters cut to {MaxDestinationLength}"));
        return source[..MaxDestinationLength];
    }

    private void ReportOddRows(decimal callId, List<CallEventRow> rows, ICollection<RowAnomaly> anomalies)
    {
        foreach (var row in rows)
        {
            var type = PuzzelCodes.Normalize(row.EventType);
            var result = PuzzelCodes.Normalize(row.ResultCode);
            if (type == PuzzelCodes.Queue && string.IsNullOrWhiteSpace(row.QueueKey))
            {
                anomalies.Add(new RowAnomaly(RowAnomaly.MissingQueueKey, $"call_id {callId} rec_id {row.RecId}"));
            }
            // A leg in another queue (the call transferred to it) is an ordinary conversation there, without ciq.
            if (type == PuzzelCodes.Conversation && string.IsNullOrWhiteSpace(row.Ciq) && rules.IsCalloutQueue(row.QueueKey))
            {
                anomalies.Add(new RowAnomaly(RowAnomaly.MissingCiq, $"call_id {callId} rec_id {row.RecId}"));
            }
            var known = type switch
            {
                PuzzelCodes.Queue => PuzzelCodes.QueueResults,
                PuzzelCodes.Conversation => PuzzelCodes.ConversationResults,
                _ => null,
            };
            if (known is not null && result.Length > 0 && !known.Contains(result))
            {
                anomalies.Add(new RowAnomaly(RowAnomaly.UnknownResultCode, $"call_id {callId} rec_id {row.RecId}: '{row.ResultCode?.Trim()}' on event type '{type}'"));
            }
            if (row.DurationTotSec < 0 || row.DurationSpeakSec < 0)
            {
                anomalies.Add(new RowAnomaly(RowAnomaly.NegativeDuration, $"call_id {callId} rec_id {row.RecId}"));
            }
            if (row.DteStart < s_earliestPlausible)
            {
                anomalies.Add(new RowAnomaly(RowAnomaly.ImplausibleDate, $"call_id {callId} rec_id {row.RecId}: dte_start {row.DteStart:yyyy-MM-dd}"));
            }
        }
    }
}
