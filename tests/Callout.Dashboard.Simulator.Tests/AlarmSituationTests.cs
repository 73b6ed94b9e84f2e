using Callout.Dashboard.Demo;

namespace Callout.Dashboard.Simulator.Tests;

/// <summary>
/// The situations the dashboard's KPI alarms are for (issue: "the simulator produces each situation now and then"):
/// each crosses its alarm in a seeded run and goes again, and the demo centre has each past its warning within minutes
/// of start.
/// </summary>
public sealed class AlarmSituationTests(FourSeededHours run, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<FourSeededHours>
{
    [Fact]
    public void Run_FourSeededHours_EachAlarmComesAndGoes()
    {
        var situations = new AlarmSituations(run.Centre);
        var levels = run.Snapshots.Select(situations.On).ToList();

        foreach (var name in AlarmSituations.All)
        {
            var timeline = levels.Select(l => l[name]).ToList();
            output.WriteLine($"{name}: {string.Concat(timeline.Select(l => l switch { Level.Alarm => '#', Level.Warning => '+', _ => '.' }))}");
        }
        foreach (var name in AlarmSituations.All)
        {
            var timeline = levels.Select(l => l[name]).ToList();
            var episodes = timeline.Zip(timeline.Skip(1)).Count(p => p.First == Level.None && p.Second != Level.None);
            Assert.True(timeline.Contains(Level.Alarm), $"{name} never reached its alarm");
            Assert.True(episodes >= 2, $"{name} came {episodes} times");
            // A share over the last hour stays up until a stretch's calls have left the hour: "on" most of the time would
            // still be a permanent alarm to a viewer.
            Assert.True(timeline.Count(l => l != Level.None) < timeline.Count * 2 / 3, $"{name} was on {timeline.Count(l => l != Level.None)} of {timeline.Count} minutes");
        }
    }

    [Fact]
    public void FailingPhone_AfterFiveErrors_PuzzelLogsTheAgentOffInSomeFailuresOnly()
    {
        var situations = new AlarmSituations(run.Centre);
        var failures = run.Snapshots.Select(situations.On).Select(l => l[AlarmSituations.FailingPhone]).ToList();
        var alarms = failures.Zip(failures.Skip(1)).Count(p => p.First != Level.Alarm && p.Second == Level.Alarm);
        var automatic = run.AgentEvents.Where(w => w.Row.EventSource == "a").ToList();

        // §2.5: "Automatic logoff produces an o event with source a ... after X errors (default 5)".
        Assert.All(automatic, w => Assert.Equal("o", w.Row.EventType));
        Assert.InRange(automatic.Count, 1, alarms - 1);
    }

    /// <summary>Server clock (Oslo) and seed, as the demo's other start-up tests take them.</summary>
    public static readonly TheoryData<int, int, int> Starts = new()
    {
        { 23, 30, 1 }, { 23, 30, 2 }, { 3, 0, 7 }, { 10, 0, 9 }, { 14, 15, 21 }, { 19, 45, 22 },
    };

    [Theory]
    [MemberData(nameof(Starts))]
    public void Demo_FirstLook_EachAlarmPastItsWarningWithinThreeMinutes(int hour, int minute, int seed)
    {
        var now = new DateTime(2026, 11, 27, hour, minute, 0);
        var options = new DemoOptions();
        var from = DemoCentre.HistoryFrom(now, options);
        var centre = new SimulatedCentre(DemoCentre.Profile(options, Oslo.Zone, now), seed, from);
        var first = new Dictionary<string, TimeSpan>();

        var board = centre.Step(now - from);
        for (var elapsed = TimeSpan.Zero; elapsed <= TimeSpan.FromMinutes(3); elapsed += TimeSpan.FromSeconds(10), board = centre.Step(TimeSpan.FromSeconds(10)))
        {
            foreach (var (name, level) in new AlarmSituations(centre).On(board).Where(l => l.Value != Level.None))
            {
                first.TryAdd(name, elapsed);
            }
        }

        output.WriteLine(string.Join(", ", AlarmSituations.All.Select(n => $"{n}: {(first.TryGetValue(n, out var at) ? at.ToString() : "-")}")));
        Assert.Empty(AlarmSituations.All.Except(first.Keys));
    }
}
