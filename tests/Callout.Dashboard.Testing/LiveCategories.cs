using Callout.Dashboard.Contracts;
using Callout.Dashboard.Domain;

namespace Callout.Dashboard.Testing;

/// <summary>
/// The kinds of item a live board shows, as a demo must fill them within two minutes of start (issue 15): callouts in
/// progress and finished by outcome, a scheduled call coming due soon, cancelled and deleted callouts, paused agents
/// and Connected and Pause.
/// </summary>
public static class LiveCategories
{
    private static readonly TimeSpan s_dueSoon = TimeSpan.FromMinutes(15);

    public static readonly IReadOnlyList<string> All =
    [
        "in progress", "answered", "not answered", "busy", "error", "scheduled due soon", "cancelled", "deleted", "paused", "connected and pause",
    ];

    /// <summary>The categories <paramref name="board"/> has at least one item in.</summary>
    public static IEnumerable<string> In(BoardSnapshot board)
    {
        if (board.ActiveCallouts.Any(c => c.State == ActiveState.InProgress))
        {
            yield return "in progress";
        }
        foreach (var (outcome, name) in new[] { (CalloutOutcome.Answered, "answered"), (CalloutOutcome.NoAnswer, "not answered"), (CalloutOutcome.Busy, "busy"), (CalloutOutcome.Error, "error") })
        {
            if (board.RecentCallouts.Any(c => c.Outcome == outcome))
            {
                yield return name;
            }
        }
        if (board.ScheduledPending.Any(s => !s.Overdue && s.DueAt - board.AsOf <= s_dueSoon))
        {
            yield return "scheduled due soon";
        }
        if (board.RecentCancelled.Any(c => c.Kind == CancelKind.Cancelled))
        {
            yield return "cancelled";
        }
        if (board.RecentCancelled.Any(c => c.Kind == CancelKind.Deleted))
        {
            yield return "deleted";
        }
        if (board.Agents.Any(a => a.Status == AgentPresence.Paused))
        {
            yield return "paused";
        }
        if (board.Agents.Any(a => a.ConnectedAndPause))
        {
            yield return "connected and pause";
        }
    }
}
