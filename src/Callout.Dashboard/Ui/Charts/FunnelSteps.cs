using Callout.Dashboard.Contracts;

namespace Callout.Dashboard.Ui.Charts;

/// <summary>A loss at a step of the funnel: why (a text key) and how many.</summary>
public sealed record FunnelLoss(string Css, string Text, int Count);

/// <summary>One step of the funnel: how many got this far, and what was lost on the way from the step before.</summary>
public sealed record FunnelStep(string Name, string Text, int Count, IReadOnlyList<FunnelLoss> Lost)
{
    public int LostCount => Lost.Sum(l => l.Count);
}

/// <summary>The four steps of <see cref="QueueFunnel"/>, for the compact funnel and the drill-down's table alike.</summary>
public static class FunnelSteps
{
    /// <summary>The queues of a view added up; the key of the sum is empty.</summary>
    public static QueueFunnel Sum(IEnumerable<QueueFunnel> funnels) => funnels.Aggregate(QueueFunnel.Empty(""), (sum, f) => new QueueFunnel("",
        sum.Ordered + f.Ordered, sum.InProgress + f.InProgress, sum.AgentAnswered + f.AgentAnswered, sum.Dialled + f.Dialled, sum.Answered + f.Answered,
        sum.AgentNotReached + f.AgentNotReached, sum.Deleted + f.Deleted, sum.CancelledBeforeAgent + f.CancelledBeforeAgent, sum.ErrorBeforeAgent + f.ErrorBeforeAgent,
        sum.Cancelled + f.Cancelled, sum.NoAnswer + f.NoAnswer, sum.Busy + f.Busy, sum.Error + f.Error));

    public static IReadOnlyList<FunnelStep> Of(QueueFunnel f) =>
    [
        new("ordered", "Funnel.Ordered", f.Ordered, []),
        new("agent-answered", "Funnel.AgentAnswered", f.AgentAnswered, Losses(
            new("agent-not-reached", "Outcome.AgentNotReached", f.AgentNotReached),
            new("deleted", "Cancelled.Deleted", f.Deleted),
            new("cancelled", "Cancelled.ByAgent", f.CancelledBeforeAgent),
            new("error", "Outcome.Error", f.ErrorBeforeAgent))),
        new("dialled", "Funnel.Dialled", f.Dialled, Losses(new FunnelLoss("cancelled", "Cancelled.ByAgent", f.Cancelled))),
        new("answered", "Funnel.Answered", f.Answered, Losses(
            new("no-answer", "Outcome.NoAnswer", f.NoAnswer),
            new("busy", "Outcome.Busy", f.Busy),
            new("error", "Outcome.Error", f.Error))),
    ];

    private static FunnelLoss[] Losses(params FunnelLoss[] losses) => [.. losses.Where(l => l.Count > 0)];
}
