namespace Callout.Dashboard.Domain;

/// <summary>The tunables the Board's derivations depend on (DESIGN.md configuration, §8 of the domain notes).</summary>
public sealed record BoardRules
{
    /// <summary>Zone of the Raw data wall-clock timestamps.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Local;

    public IReadOnlyList<string> CalloutQueuePrefixes { get; init; } = ["__Callout_"];

    public TimeSpan RecentWindow { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan ScheduledThreshold { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan InProgressLimit { get; init; } = TimeSpan.FromMinutes(30);

    public Alarms.AlarmRules Alarms { get; init; } = Domain.Alarms.AlarmRules.Default;

    /// <summary>How long an open callout with no rows since its order is kept, shown as awaiting data.</summary>
    public static readonly TimeSpan OpenCalloutKept = TimeSpan.FromHours(12);

    /// <summary>
    /// The earliest end (or order) of a finished call the board still shows: "recent" reaches back across local
    /// midnight (§9.6), "today" from it. The start-up read loads from here, and pruning forgets what is older.
    /// </summary>
    public DateTime KeepFinishedFrom(DateTime localNow) => Earlier(localNow.Date, Ago(localNow, RecentWindow));

    /// <summary>The earliest order of an open (not scheduled) callout the board still shows.</summary>
    public DateTime KeepOpenFrom(DateTime localNow) => Earlier(localNow.Date, Ago(localNow, OpenCalloutKept));

    /// <summary>
    /// The wall-clock time <paramref name="span"/> of elapsed time before <paramref name="local"/>: an hour before
    /// 03:06 on the morning DST starts is 01:06, not 02:06 (a wall time that never was, and only six minutes ago).
    /// </summary>
    public DateTime Ago(DateTime local, TimeSpan span) => AddElapsed(local, -span.TotalSeconds);

    public bool IsCalloutQueue(string? queueKey) =>
        !string.IsNullOrEmpty(queueKey) && CalloutQueuePrefixes.Any(p => queueKey.StartsWith(p, StringComparison.Ordinal));

    /// <summary>Wall-clock time in the Raw data zone.</summary>
    public DateTime LocalNow(TimeProvider clock) =>
        TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZone).DateTime;

    /// <summary>A Raw data wall-clock time with the zone's offset (the standard offset in a DST fold).</summary>
    public DateTimeOffset WithOffset(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(unspecified))
        {
            // The hour skipped when DST starts: Puzzel cannot have written it, but an odd row may hold it.
            unspecified = unspecified.AddHours(1);
        }
        return new DateTimeOffset(unspecified, TimeZone.GetUtcOffset(unspecified));
    }

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    /// <summary>
    /// A wall-clock time plus elapsed seconds. Puzzel's durations are elapsed time, so across a DST change
    /// the wall clock moves by an hour more or less than the duration.
    /// </summary>
    public DateTime AddElapsed(DateTime local, double seconds)
    {
        var start = WithOffset(local);
        var limit = (DateTimeOffset.MaxValue - start).TotalSeconds - 86_400;
        return seconds >= limit ? local : ToLocal(start.AddSeconds(seconds));
    }

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>Elapsed time between two wall-clock times, DST changes included.</summary>
    public TimeSpan Elapsed(DateTime from, DateTime to) => WithOffset(to) - WithOffset(from);
}
