using static Callout.Dashboard.Simulator.Tests.FourSeededHours;

namespace Callout.Dashboard.Simulator.Tests;

public enum Level { None, Warning, Alarm }

/// <summary>
/// The KPI alarms the dashboard will use, at their default thresholds, measured on what a board knows at one moment:
/// its snapshot, and (for the failing phone) the agent legs that had landed by then. Read without the alarm code, so a
/// simulator run can be checked for the situations it has to produce.
/// </summary>
public sealed class AlarmSituations
{
    public const string FailingPhone = "failing phone";
    public const string LongPause = "long pause";
    public const string ConnectedAndPause = "connected and pause";
    public const string Overdue = "overdue call";
    public const string OverdueInQueue = "overdue calls in a queue";
    public const string OpenLong = "callout open long";
    public const string AnswerRate = "answer rate";
    public const string CancelledShare = "cancelled share";

    public static readonly IReadOnlyList<string> All = [FailingPhone, LongPause, ConnectedAndPause, Overdue, OverdueInQueue, OpenLong, AnswerRate, CancelledShare];

    private static readonly TimeSpan s_legWindow = TimeSpan.FromMinutes(15);

    /// <summary>Every agent leg the centre wrote, with when its call session landed.</summary>
    private readonly List<(int AgentId, DateTime Start, bool Failed, DateTime Landed)> _agentLegs;

    public AlarmSituations(SimulatedCentre centre)
    {
        _agentLegs = [.. centre.Writes.OfType<CallWrite>().GroupBy(w => w.CallId)
            .SelectMany(call => AgentLegs(call.Last().Rows).Select(leg =>
                (leg.AgentId!.Value, leg.DteStart, leg.ResultCode is "b" or "c" or "e", call.First(w => w.Rows.Any(r => r.DteStart == leg.DteStart && r.Ciq == leg.Ciq)).At)))];
    }

    /// <summary>Each alarm's level on <paramref name="board"/>.</summary>
    public Dictionary<string, Level> On(BoardSnapshot board)
    {
        var now = board.AsOf.DateTime;
        var overdue = board.ScheduledPending.Where(s => s.Overdue).ToList();
        // A callout whose agent was never reached dialled no destination: it has no say in the answer rate.
        var dialled = board.RecentCallouts.Where(c => c.Outcome != CalloutOutcome.AgentNotReached).ToLookup(c => c.QueueKey);
        var finished = board.RecentCallouts.ToLookup(c => c.QueueKey);
        var cancelled = board.RecentCancelled.ToLookup(c => c.QueueKey);
        return new()
        {
            [FailingPhone] = Max(FailedLegsInARow(now).Select(n => ByCount(n, 3, 5))),
            [LongPause] = Max(board.Agents.Where(a => a.Status == AgentPresence.Paused).Select(a => PauseLevel(a.PauseType, board.AsOf - a.Since))),
            [ConnectedAndPause] = Max(board.Agents.Where(a => a.ConnectedAndPause).Select(a => ByMinutes(board.AsOf - a.Since, 3, 8))),
            [Overdue] = Max(overdue.Select(s => ByMinutes(board.AsOf - s.DueAt, 5, 15))),
            [OverdueInQueue] = Max(overdue.GroupBy(s => s.QueueKey).Select(q => ByCount(q.Count(), 3, 6))),
            [OpenLong] = Max(board.ActiveCallouts.Where(c => c.State == ActiveState.InProgress).Select(c => ByMinutes(board.AsOf - c.OrderedAt, 10, 20))),
            [AnswerRate] = Max(dialled.Where(q => q.Count() >= 10).Select(q => Below(q.Count(c => c.Outcome == CalloutOutcome.Answered) / (double)q.Count(), 0.50, 0.35))),
            [CancelledShare] = Max(board.Queues.Select(q => (Cancelled: cancelled[q.QueueKey].Count(), All: cancelled[q.QueueKey].Count() + finished[q.QueueKey].Count()))
                .Where(q => q.All >= 10).Select(q => Above(q.Cancelled / (double)q.All, 0.15, 0.30))),
        };
    }

    /// <summary>Per agent, the failed legs within the last 15 minutes after its last answered one, as landed by <paramref name="now"/>.</summary>
    public IEnumerable<int> FailedLegsInARow(DateTime now) =>
        _agentLegs.Where(l => l.Landed <= now && l.Start > now - s_legWindow).GroupBy(l => l.AgentId)
            .Select(agent => agent.OrderBy(l => l.Start).Reverse().TakeWhile(l => l.Failed).Count());

    private static Level PauseLevel(string? type, TimeSpan paused) => type switch
    {
        "Lunch" => ByMinutes(paused, 35, 45),
        "Coffee" => ByMinutes(paused, 10, 15),
        _ => ByMinutes(paused, 15, 25),
    };

    private static Level ByMinutes(TimeSpan span, int warning, int alarm) => ByCount(span.TotalMinutes, warning, alarm);

    private static Level ByCount(double value, double warning, double alarm) => value >= alarm ? Level.Alarm : value >= warning ? Level.Warning : Level.None;

    private static Level Above(double share, double warning, double alarm) => share > alarm ? Level.Alarm : share > warning ? Level.Warning : Level.None;

    private static Level Below(double share, double warning, double alarm) => share < alarm ? Level.Alarm : share < warning ? Level.Warning : Level.None;

    private static Level Max(IEnumerable<Level> levels) => levels.DefaultIfEmpty(Level.None).Max();
}
