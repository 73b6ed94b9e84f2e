using Callout.Dashboard.Contracts;

namespace Callout.Dashboard.Domain.Today;

/// <summary>
/// Today's callout funnel per queue (<see cref="QueueFunnel"/>): each callout that ended today or is in progress
/// counts once, at the step where it stopped. A cancel (§9.1: a <c>d</c> with Conversation rows) after the agent's
/// phone was answered is lost between the agent and the destination; before that, with the agent's leg. The caller keeps
/// a <see cref="Tally"/> per queue beside its own counters and feeds it the queue's callouts.
/// </summary>
public sealed class FunnelCounter(BoardRules rules, DateTime now)
{
    private readonly DateTime _today = now.Date;

    public void Add(Tally queue, CalloutFacts call)
    {
        var today = call.Phase == CalloutPhase.InProgress
            ? call.OrderedAt >= _today && rules.Elapsed(call.OrderedAt, now) <= BoardRules.OpenCalloutKept
            : call.EndedAt is { } ended && ended.Date == _today && ended <= now.AddDays(1);
        if (today && call.Phase != CalloutPhase.Scheduled)
        {
            queue.Add(call);
        }
    }

    /// <summary>One queue's callouts by the step they stopped at.</summary>
    public sealed class Tally
    {
        private int _inProgress, _notReached, _deleted, _cancelledBefore, _errorBefore, _cancelled, _answered, _noAnswer, _busy, _error;

        internal void Add(CalloutFacts call)
        {
            switch (call.Phase)
            {
                case CalloutPhase.InProgress: _inProgress++; break;
                case CalloutPhase.Deleted: _deleted++; break;
                case CalloutPhase.Cancelled when AgentAnswered(call): _cancelled++; break;
                case CalloutPhase.Cancelled: _cancelledBefore++; break;
                case CalloutPhase.Completed:
                    switch (call.Outcome)
                    {
                        case CalloutOutcome.Answered: _answered++; break;
                        case CalloutOutcome.NoAnswer: _noAnswer++; break;
                        case CalloutOutcome.Busy: _busy++; break;
                        // A callout queue left with an error never reached a Conversation: no agent was called.
                        case CalloutOutcome.Error when call.AgentLegs.Count == 0: _errorBefore++; break;
                        case CalloutOutcome.Error: _error++; break;
                        default: _notReached++; break;
                    }
                    break;
            }
        }

        private static bool AgentAnswered(CalloutFacts call)
        {
            foreach (var leg in call.AgentLegs.Span)
            {
                if (leg.Reached)
                {
                    return true;
                }
            }
            return false;
        }

        public QueueFunnel Funnel(string key)
        {
            var dialled = _answered + _noAnswer + _busy + _error;
            var agentAnswered = dialled + _cancelled;
            var ordered = agentAnswered + _inProgress + _notReached + _deleted + _cancelledBefore + _errorBefore;
            return new QueueFunnel(key, ordered, _inProgress, agentAnswered, dialled, _answered,
                _notReached, _deleted, _cancelledBefore, _errorBefore, _cancelled, _noAnswer, _busy, _error);
        }
    }
}
