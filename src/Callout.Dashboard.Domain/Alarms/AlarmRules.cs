using System.Collections.Immutable;

namespace Callout.Dashboard.Domain.Alarms;

/// <summary>The rules the board raises alarms by (issue "What needs attention now"); JSON names are kebab-case.</summary>
public enum AlarmRule
{
    ScheduledOverdue,
    OverdueCount,
    OpenCallout,
    AnswerRateHour,
    AnswerRateToday,
    CancelledShareHour,
    LongPause,
    ConnectedAndPause,
    AgentNotReachable,
    DataAge,
    DueSoon,
}

public enum AlarmLevel { Warning, Alarm }

/// <summary>A rule's two levels: past <see cref="Warning"/> it warns, past <see cref="Alarm"/> it alarms.</summary>
/// <remarks>Durations and shares alarm above the level, rates below it, counts from it on. A rule switched off raises nothing.</remarks>
public sealed record Threshold<T>(T Warning, T Alarm, bool Enabled = true) where T : struct, IComparable<T>
{
    /// <summary>The level <paramref name="value"/> reaches when more is worse (durations, counts, shares).</summary>
    public AlarmLevel? Above(T value) =>
        !Enabled ? null : value.CompareTo(Alarm) > 0 ? AlarmLevel.Alarm : value.CompareTo(Warning) > 0 ? AlarmLevel.Warning : null;

    /// <summary>The level <paramref name="value"/> reaches when less is worse (answer rates).</summary>
    public AlarmLevel? Below(T value) =>
        !Enabled ? null : value.CompareTo(Alarm) < 0 ? AlarmLevel.Alarm : value.CompareTo(Warning) < 0 ? AlarmLevel.Warning : null;

    /// <summary>The level a count reaches when the levels say from how many on (3 overdue calls warn).</summary>
    public AlarmLevel? AtLeast(T value) =>
        !Enabled ? null : value.CompareTo(Alarm) >= 0 ? AlarmLevel.Alarm : value.CompareTo(Warning) >= 0 ? AlarmLevel.Warning : null;

    public T For(AlarmLevel level) => level == AlarmLevel.Alarm ? Alarm : Warning;
}

/// <summary>A share in percent, judged only once <see cref="MinCompleted"/> callouts make it mean something.</summary>
public sealed record RateThreshold(double Warning, double Alarm, int MinCompleted, bool Enabled = true)
{
    public Threshold<double> Levels => new(Warning, Alarm, Enabled);
}

/// <summary>Failed legs to one agent (<c>ciq='a'</c>, b/c/e/t) within <see cref="Within"/>, no answered leg between.</summary>
public sealed record LegFailureThreshold(int Warning, int Alarm, TimeSpan Within, bool Enabled = true)
{
    public Threshold<int> Levels => new(Warning, Alarm, Enabled);
}

/// <summary>
/// Scheduled calls falling due within <see cref="Window"/> that outnumber the free agents of their queue: a warning
/// only, since the agents on a callout or in a short pause may be free in time. Calls already overdue have their own
/// rules (<see cref="QueueAlarmRules.ScheduledOverdue"/>, <see cref="QueueAlarmRules.OverdueCount"/>).
/// </summary>
public sealed record DueSoonRule(TimeSpan Window, bool Enabled = true);

/// <summary>The rules that may differ per callout queue.</summary>
public sealed record QueueAlarmRules
{
    public Threshold<TimeSpan> ScheduledOverdue { get; init; } = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15));

    /// <summary>How many scheduled calls of the queue are past their due time, from how many on.</summary>
    public Threshold<int> OverdueCount { get; init; } = new(3, 6);

    public Threshold<TimeSpan> OpenCallout { get; init; } = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20));

    /// <summary>
    /// Answered share of the callouts that ended in the last hour with their destination dialled: one whose agent was
    /// never reached has no say (<see cref="AlarmRules.AgentNotReachable"/> covers it).
    /// </summary>
    public RateThreshold AnswerRateHour { get; init; } = new(50, 35, 10);

    /// <summary>As <see cref="AnswerRateHour"/>, over the callouts that ended today.</summary>
    public RateThreshold AnswerRateToday { get; init; } = new(55, 40, 20);

    /// <summary>Cancelled or deleted share of all callouts that ended in the last hour, agent not reached included.</summary>
    public RateThreshold CancelledShareHour { get; init; } = new(15, 30, 10);

    public DueSoonRule DueSoon { get; init; } = new(TimeSpan.FromMinutes(15));
}

/// <summary>Every alarm rule, with the defaults that hold without configuration.</summary>
public sealed record AlarmRules
{
    public static readonly AlarmRules Default = new();

    /// <summary>Rules of queues without an override.</summary>
    public QueueAlarmRules Queue { get; init; } = new();

    /// <summary>Per queue key, the rules that differ from <see cref="Queue"/> (already merged with it).</summary>
    public ImmutableDictionary<string, QueueAlarmRules> Queues { get; init; } = ImmutableDictionary<string, QueueAlarmRules>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>A pause of a type without its own threshold.</summary>
    public Threshold<TimeSpan> Pause { get; init; } = new(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(25));

    /// <summary>Per pause type (compared ignoring case): Lunch is not Coffee.</summary>
    public ImmutableDictionary<string, Threshold<TimeSpan>> PauseTypes { get; init; } =
        ImmutableDictionary<string, Threshold<TimeSpan>>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase)
            .Add("Lunch", new(TimeSpan.FromMinutes(35), TimeSpan.FromMinutes(45)))
            .Add("Coffee", new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15)));

    public Threshold<TimeSpan> ConnectedAndPause { get; init; } = new(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(8));

    public LegFailureThreshold AgentNotReachable { get; init; } = new(3, 5, TimeSpan.FromMinutes(15));

    /// <summary>Age of the newest Raw data row; a failing poll is an alarm at once.</summary>
    public Threshold<TimeSpan> DataAge { get; init; } = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30));

    public QueueAlarmRules For(string? queueKey) =>
        queueKey is not null && Queues.TryGetValue(queueKey, out var own) ? own : Queue;

    public Threshold<TimeSpan> PauseFor(string? pauseType) =>
        pauseType is not null && PauseTypes.TryGetValue(pauseType.Trim(), out var own) ? own : Pause;
}
