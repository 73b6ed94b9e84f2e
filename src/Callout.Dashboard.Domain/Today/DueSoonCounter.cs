using Callout.Dashboard.Contracts;

namespace Callout.Dashboard.Domain.Today;

/// <summary>
/// Per queue, the scheduled calls coming due in the next hour and the agents who worked the queue today
/// (<see cref="DueSoon"/>). Fed every callout of the queues wanted; the agents' states come from
/// <see cref="AgentActivities"/>, which must have seen every callout of the board first.
/// </summary>
public sealed class DueSoonCounter(BoardRules rules, DateTime now)
{
    public static readonly TimeSpan[] Windows = [TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60)];

    private readonly Dictionary<string, Queue> _queues = new(StringComparer.Ordinal);
    private readonly DateTime _hourOn = rules.AddElapsed(now, TimeSpan.FromHours(1).TotalSeconds);

    public void Add(CalloutFacts call)
    {
        if (call.Kind != CallKind.Callout || call.QueueKey is not { } key)
        {
            return;
        }
        var waiting = call.Phase == CalloutPhase.Scheduled && call.DueAt is { } due && due <= _hourOn;
        var today = waiting || call.OrderedAt >= now.Date || call.EndedAt >= now.Date || call.Phase == CalloutPhase.InProgress;
        if (!today)
        {
            return;
        }
        var queue = QueueOf(key);
        AddWorker(queue, call.AgentId);
        AddWorker(queue, call.OrderedByAgentId);
        if (waiting)
        {
            queue.Due.Add(call);
        }
    }

    /// <summary>How many of the queue's scheduled calls fall due from now to <paramref name="window"/> on (overdue ones apart).</summary>
    public int DueWithin(string queueKey, TimeSpan window)
    {
        if (!_queues.TryGetValue(queueKey, out var queue))
        {
            return 0;
        }
        var until = rules.AddElapsed(now, window.TotalSeconds);
        return queue.Due.Count(c => c.DueAt >= now && c.DueAt <= until);
    }

    public DueSoon For(string queueKey, Func<int, ActivityState> activityOf)
    {
        if (!_queues.TryGetValue(queueKey, out var queue))
        {
            return Contracts.DueSoon.Empty(queueKey);
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
    public int FreeAgents(string queueKey, Func<int, ActivityState> activityOf) =>
        _queues.TryGetValue(queueKey, out var queue) ? queue.Workers.Count(a => Free(activityOf(a))) : 0;

    public IEnumerable<string> QueueKeys => _queues.Keys;

    private static bool Free(ActivityState state) => state == ActivityState.Free;

    private static bool OnCallout(ActivityState state) => state == ActivityState.OnCallout;

    private static bool Paused(ActivityState state) => state is ActivityState.Paused or ActivityState.ConnectedAndPause;

    private static void AddWorker(Queue queue, int? agentId)
    {
        if (agentId is int id)
        {
            queue.Workers.Add(id);
        }
    }

    private Queue QueueOf(string key)
    {
        if (!_queues.TryGetValue(key, out var queue))
        {
            queue = new Queue();
            _queues[key] = queue;
        }
        return queue;
    }

    private sealed class Queue
    {
        public HashSet<int> Workers { get; } = [];
        public List<CalloutFacts> Due { get; } = [];
    }
}
