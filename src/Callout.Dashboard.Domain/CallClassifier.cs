namespace Callout.Dashboard.Domain;

/// <summary>Turns all rows of one <c>call_id</c> into <see cref="CalloutFacts"/> (domain notes §8.4–8.6).</summary>
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
        var facts = new CalloutFacts
        {
            CallId = callId,
            Kind = CallKind.Callout,
            QueueKey = order.QueueKey,
            // §8.5: the ordering agent from the order session when present, else from the agent leg.
            AgentId = initiation?.AgentId ?? calloutQueueEvents.FirstOrDefault(q => q.AgentId is not null)?.AgentId
                ?? agentLegs.FirstOrDefault(c => c.AgentId is not null)?.AgentId,
            Destination = CutDestination(callId, initiation?.Source, anomalies),
            OrderedAt = initiation?.DteStart ?? order.DteStart,
            Phase = CalloutPhase.InProgress,
            LastUpdated = lastUpdated,
        };

        var deletion = queueEvents.FirstOrDefault(q => PuzzelCodes.Is(q.ResultCode, "d"));
        if (deletion is not null)
        {
            // §8.6: a Cancel click leaves an agent leg hung up ('h'); otherwise the request was deleted.
            var cancelledByAgent = agentLegs.Any(c => PuzzelCodes.Is(c.ResultCode, "h"));
            return facts with
            {
                Phase = cancelledByAgent ? CalloutPhase.Cancelled : CalloutPhase.Deleted,
                EndedAt = deletion.DteStart,
                AgentId = facts.AgentId ?? deletion.AgentId,
            };
        }

        if (conversations.Count > 0)
        {
            return Completed(facts, conversations, anomalies);
        }

        var dueAt = DueAt(initiation, ordered);
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

    private CalloutFacts Completed(CalloutFacts facts, List<CallEventRow> conversations, ICollection<RowAnomaly> anomalies)
    {
        var contactLeg = conversations.FirstOrDefault(c => PuzzelCodes.Is(c.Ciq, PuzzelCodes.ContactLeg));
        var outcome = contactLeg is null
            ? CalloutOutcome.AgentNotReached
            : OutcomeOf(facts.CallId, contactLeg.ResultCode, anomalies);

        // §8.6: a transfer adds a Conversation row without queue key that is neither leg of the callout,
        // and marks the transferring agent's row.
        var transferred = conversations.Any(c => c.CallTransfer == true)
            || conversations.Any(c => string.IsNullOrEmpty(c.QueueKey) && !PuzzelCodes.Is(c.Ciq, PuzzelCodes.AgentLeg) && !PuzzelCodes.Is(c.Ciq, PuzzelCodes.ContactLeg));

        return facts with
        {
            Phase = CalloutPhase.Completed,
            Outcome = outcome,
            TalkSeconds = outcome == CalloutOutcome.Answered ? Math.Max(0, contactLeg?.DurationSpeakSec ?? 0) : 0,
            Transferred = transferred,
            EndedAt = conversations.Max(c => rules.AddElapsed(c.DteStart, Math.Max(0, c.DurationTotSec))),
        };
    }

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

    private static void ReportOddRows(decimal callId, List<CallEventRow> rows, ICollection<RowAnomaly> anomalies)
    {
        foreach (var row in rows)
        {
            var type = PuzzelCodes.Normalize(row.EventType);
            var result = PuzzelCodes.Normalize(row.ResultCode);
            if (type == PuzzelCodes.Queue && string.IsNullOrWhiteSpace(row.QueueKey))
            {
                anomalies.Add(new RowAnomaly(RowAnomaly.MissingQueueKey, $"call_id {callId} rec_id {row.RecId}"));
            }
            if (type == PuzzelCodes.Conversation && string.IsNullOrWhiteSpace(row.Ciq) && !string.IsNullOrEmpty(row.QueueKey))
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
