using Callout.Dashboard.Demo;

namespace Callout.Dashboard.Tests.Demo;

/// <summary>
/// The demo's centre as DemoTraffic builds it, run on a pinned clock and folded by the real Board: the embedded
/// file's history in one go (as start-up loads it), then live traffic polled every 2 s, faster than real time.
/// </summary>
public sealed class DemoCentreTests
{
    /// <summary>Server clock (Oslo) and seed: mostly the evening the issue was found at, the small hours, and a morning.</summary>
    public static readonly TheoryData<int, int, int> Starts = new()
    {
        { 23, 30, 1 }, { 23, 30, 2 }, { 23, 30, 3 }, { 23, 30, 4 }, { 23, 30, 5 }, { 23, 30, 6 },
        { 3, 0, 7 }, { 3, 0, 8 }, { 10, 0, 9 },
    };

    [Theory]
    [MemberData(nameof(Starts))]
    public void Demo_StartedAtAnyHour_FillsEveryLiveCategoryWithinTwoMinutes(int hour, int minute, int seed)
    {
        var now = new DateTime(2026, 11, 27, hour, minute, 0);
        var options = new DemoOptions();
        var from = DemoCentre.HistoryFrom(now, options);
        var centre = new SimulatedCentre(DemoCentre.Profile(options, Oslo.Zone, now), seed, from);
        var seen = new HashSet<string>(LiveCategories.In(centre.Step(now - from)));

        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromMinutes(2); elapsed += TimeSpan.FromSeconds(2))
        {
            seen.UnionWith(LiveCategories.In(centre.Step(TimeSpan.FromSeconds(2))));
        }

        Assert.Empty(LiveCategories.All.Except(seen));
    }
}
