using Callout.Dashboard.Domain.Alarms;

namespace Callout.Dashboard.Contracts;

public enum AlarmUnit { Seconds, Percent, Count }

/// <summary>
/// One thing that needs attention now: which rule, how bad, since when, the measured value against the threshold of its
/// level, and what it concerns (a queue, an agent, a call; none: the whole board). <see cref="Id"/> names the rule and
/// what it concerns, so it stays the same while the alarm lasts. Durations are whole minutes in seconds, so the value
/// moves once a minute, not at every tick.
/// </summary>
public sealed record AlarmView(
    string Id, AlarmRule Rule, AlarmLevel Level, DateTimeOffset Since, double Value, double Threshold, AlarmUnit Unit,
    string? QueueKey = null, int? AgentId = null, string? CallId = null, string? PauseType = null);

/// <summary>An alarm of today as the log keeps it: when it began and ended (null: still on), and the worst it got.</summary>
public sealed record AlarmLogEntry(
    string Id, AlarmRule Rule, DateTimeOffset Start, DateTimeOffset? End, AlarmLevel PeakLevel, double PeakValue, double Threshold, AlarmUnit Unit,
    string? QueueKey = null, int? AgentId = null, string? CallId = null, string? PauseType = null);

public enum ActivityState { OnCallout, ConnectedAndPause, Paused, Free, LoggedOff }

/// <summary>What an agent is doing now and since when; on a callout or in Connected-and-Pause, which call and queue.</summary>
public sealed record AgentActivity(ActivityState State, DateTimeOffset Since, string? QueueKey = null, string? CallId = null, string? PauseType = null);

/// <summary>
/// An agent's callouts that ended today (in the view's queues): made (completed or cancelled), by outcome, and talk time.
/// <see cref="AverageTalkSeconds"/> is over the answered ones.
/// </summary>
public sealed record AgentToday(int Callouts, int Answered, int NotAnswered, int BusyOrError, int AgentNotReached, int Cancelled, int TalkSeconds, int AverageTalkSeconds)
{
    public static readonly AgentToday None = new(0, 0, 0, 0, 0, 0, 0, 0);
}
