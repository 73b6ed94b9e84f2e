using Callout.Dashboard.Contracts;

namespace Callout.Dashboard.Ui.Charts;

/// <summary>
/// The outcomes a quarter hour is stacked by, bottom to top: the answered ones on the axis, the losses above them in
/// the order of the funnel. <see cref="Css"/> names the colour (callout.css), the same family as the outcome chips.
/// </summary>
public sealed record Outcome(string Css, string Text, Func<IntradayBucket, int> Count)
{
    public static readonly IReadOnlyList<Outcome> Stack =
    [
        new("answered", "Outcome.Answered", b => b.Answered),
        new("no-answer", "Outcome.NoAnswer", b => b.NoAnswer),
        new("busy", "Outcome.Busy", b => b.Busy),
        new("error", "Outcome.Error", b => b.Error),
        new("agent-not-reached", "Outcome.AgentNotReached", b => b.AgentNotReached),
        new("cancelled", "Cancelled.Cancelled", b => b.Cancelled),
        new("deleted", "Cancelled.Deleted", b => b.Deleted),
    ];
}
