using Callout.Dashboard.Simulator;

namespace Callout.Dashboard.Demo;

/// <summary>
/// The demo's simulated centre. It keeps its own working day: the server's clock gives the rows their times, never the
/// traffic its pace, so a demo started in the evening is as busy as one started at ten in the morning (following the
/// server's office hours, it showed a night's trickle and minutes passed between new items).
/// </summary>
public static class DemoCentre
{
    /// <summary>Three teams of eight: staff for the demo's rate, so that each kind of item is on the board at any moment.</summary>
    private const int Agents = 24;

    /// <param name="now">Local now in the Raw data zone: the demo opens with each alarm situation going from here.</param>
    public static CentreProfile Profile(DemoOptions options, TimeZoneInfo zone, DateTime now) => new()
    {
        RatePerMinute = options.RatePerMinute,
        MaxArrivalDelay = options.MaxArrivalDelay,
        TimeZone = zone,
        Agents = CentreProfile.Staff(Agents),
        AroundTheClock = true,
        // A centre this size comes upon each alarm situation a few times an hour; a first look should not wait for them.
        FirstLook = now,
    };

    /// <summary>Where the embedded file's history starts: Demo:MinBackfill before now, or local midnight if that is earlier.</summary>
    public static DateTime HistoryFrom(DateTime now, DemoOptions options) =>
        now.Date < now - options.MinBackfill ? now.Date : now - options.MinBackfill;
}
