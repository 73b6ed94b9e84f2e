using Callout.Dashboard.Contracts;

namespace Callout.Dashboard.Domain.Today;

/// <summary>
/// Per queue, the scheduled calls coming due in the next hour and the agents who worked the queue today
/// (<see cref="DueSoon"/>). The caller keeps a <see cref="Tally"/> per queue beside its own counters (one lookup per call
/// for all of them) and feeds it the queue's callouts; the agents' states come from <see cref="AgentActivities"/>,
/// which must have seen every callout of the board first.
/// </summary>
public sealed class DueSoonCounter(BoardRules rules, DateTime now)
{
    public static readonly TimeSpan[] Windows = [TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60)];

    private readonly DateTime _today = now.Date;
    private readonly DateTime _hourOn = rules.AddElapsed(now, TimeSpan.FromHours(1).TotalSeconds);

    /// <summary>One queue's waiting calls and the agents who worked it today.</summary>
    public sealed class Tally
    {
        internal HashSet<int> Workers { get; } = [];
        internal List<CalloutFacts> Due { get; } = [];
    }

    public void Add(Tally queue, CalloutFacts call)
    {
        var waiting = call.Phase == CalloutPhase.Scheduled && call.DueAt is { } due && due <= _hourOn;
        if (!waiting && call.OrderedAt < _today && !(call.EndedAt >= _today) && call.Phase != CalloutPhase.InProgress)
        {
            return;
        }
        AddWorker(queue, call.AgentId);
        AddWorker(queue, call.OrderedByAgentId);
        if (waiting)
        {
            queue.Due.Add(call);
        }
    }

    /// <summary>How many of the queue's scheduled calls fall due from now to <paramref name="window"/> on (overdue ones apart).</summary>
    public int DueWithin(Tally queue, TimeSpan window)
    {
        var until = rules.AddElapsed(now, window.TotalSeconds);
        return queue.Due.Count(c => c.DueAt >= now && c.DueAt <= until);
    }

    public DueSoon For(string queueKey, Tally? queue, Func<int, ActivityState> activityOf)
    {
        if (queue is null)
        {
            return DueSoon.Empty(queueKey);
        }
        var limits = Windows.Select(w => rules.AddElapsed(now, w.TotalSeconds)).ToArray();
        var overdue = queue.Due.Count(c => c.DueAt < now);
        int Within(int i) => queue.Due.Count(c => c.DueAt >= now && c.DueAt <= limits[i]);
        var agents = queue.Workers.Select(activityOf).ToList();
        var reserved = queue.Due.Where(c => c.OrderedByAgentId is not null).Select(c => activityOf(c.OrderedByAgentId!.Value)).ToList();
        return new DueSoon(queueKey, overdue, Within(0), Within(1), Within(2),
            agents.Count(Free), agents.Count(OnCallout), agents.Count(Paused),
            reserved.Count(Free), reserved.Count(OnCallout), reserved.Count(Paused), reserved.Count(s => s == ActivityState.LoggedOff));
    }

    /// <summary>The free agents of a queue as <see cref="For"/> counts them.</summary>
    public static int FreeAgents(Tally queue, Func<int, ActivityState> activityOf) => queue.Workers.Count(a => Free(activityOf(a)));

    private static bool Free(ActivityState state) => state == ActivityState.Free;

    private static bool OnCallout(ActivityState state) => state == ActivityState.OnCallout;

    private static bool Paused(ActivityState state) => state is ActivityState.Paused or ActivityState.ConnectedAndPause;

    private static void AddWorker(Tally queue, int? agentId)
    {
        if (agentId is int id)
        {
            queue.Workers.Add(id);
        }
    }
}
