namespace Callout.Dashboard.Tests;

/// <summary>
/// The real clock moved to a chosen moment: it starts there and runs on in real time, so the host's timers
/// (the poller, the page ticks) work as they do in production while "now" is wherever a test needs it, such
/// as a minute before local midnight, whatever the machine's time.
/// </summary>
public sealed class PinnedClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _shift = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;

    /// <summary>Wall-clock time in Oslo, the zone the test rows are written in.</summary>
    public DateTime OsloNow() => TimeZoneInfo.ConvertTime(GetUtcNow(), Oslo.Zone).DateTime;

    /// <summary>The Oslo wall-clock time that was <paramref name="ago"/> before now, across DST changes too.</summary>
    public DateTime OsloAgo(TimeSpan ago) => TimeZoneInfo.ConvertTime(GetUtcNow() - ago, Oslo.Zone).DateTime;

    /// <summary>
    /// The moments tests that depend on "today" run at: just before and just after local midnight, and just after
    /// the spring DST change (02:00 CET jumps to 03:00 CEST, so that day has 23 hours).
    /// </summary>
    public static readonly TheoryData<string> AroundMidnight = new() { "before-midnight", "after-midnight", "dst-spring" };

    public static PinnedClock At(string moment) => new(moment switch
    {
        "before-midnight" => Oslo.At(new DateTime(2026, 11, 27, 23, 58, 30)),
        "after-midnight" => Oslo.At(new DateTime(2026, 11, 28, 0, 5, 0)),
        "dst-spring" => Oslo.At(new DateTime(2026, 3, 29, 3, 6, 0)),
        _ => throw new ArgumentOutOfRangeException(nameof(moment), moment, null),
    });
}
