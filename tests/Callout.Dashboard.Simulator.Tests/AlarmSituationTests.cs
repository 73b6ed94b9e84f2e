using Callout.Dashboard.Demo;
using Callout.Dashboard.Domain.Alarms;

namespace Callout.Dashboard.Simulator.Tests;

/// <summary>
/// The situations the dashboard's KPI alarms are for (issue: "the simulator produces each situation now and then"), as
/// the real Board's alarms report them: each crosses its alarm in a seeded run and goes again, and the demo centre has
/// each past its warning within minutes of start.
/// </summary>
public sealed class AlarmSituationTests(FourSeededHours run, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<FourSeededHours>
{
    /// <summary>
    /// The rules whose situations the simulator makes: a failing phone, a long pause, connected and pause, an overdue
    /// call, overdue calls in a queue, a callout open long, an answer-rate dip and a cancelled stretch. The day's answer
    /// rate follows the hour's slowly, and the data age is the poller's, not the centre's.
    /// </summary>
    public static readonly IReadOnlyList<AlarmRule> Situations =
    [
        AlarmRule.AgentNotReachable, AlarmRule.LongPause, AlarmRule.ConnectedAndPause, AlarmRule.ScheduledOverdue,
        AlarmRule.OverdueCount, AlarmRule.OpenCallout, AlarmRule.AnswerRateHour, AlarmRule.CancelledShareHour,
    ];

    [Fact]
    public void Run_FourSeededHours_EachAlarmComesAndGoes()
    {
        foreach (var rule in Situations)
        {
            output.WriteLine($"{rule}: {string.Concat(Timeline(rule).Select(l => l switch { AlarmLevel.Alarm => '#', AlarmLevel.Warning => '+', _ => '.' }))}");
        }
        foreach (var rule in Situations)
        {
            var timeline = Timeline(rule);
            var episodes = timeline.Zip(timeline.Skip(1)).Count(p => p.First is null && p.Second is not null);
            Assert.True(timeline.Contains(AlarmLevel.Alarm), $"{rule} never reached its alarm");
            Assert.True(episodes >= 2, $"{rule} came {episodes} times");
            // A share over the last hour stays up until a stretch's calls have left the hour: "on" most of the time would
            // still be a permanent alarm to a viewer.
            Assert.True(timeline.Count(l => l is not null) < timeline.Count * 2 / 3, $"{rule} was on {timeline.Count(l => l is not null)} of {timeline.Count} minutes");
        }
    }

    [Fact]
    public void FailingPhone_AfterFiveErrors_PuzzelLogsTheAgentOffInSomeFailuresOnly()
    {
        var failures = Timeline(AlarmRule.AgentNotReachable);
        var alarms = failures.Zip(failures.Skip(1)).Count(p => p.First != AlarmLevel.Alarm && p.Second == AlarmLevel.Alarm);
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
        var first = new Dictionary<AlarmRule, TimeSpan>();

        // Each step's batch is folded and the alarms evaluated at the centre's clock: the snapshot has this moment's.
        var board = centre.Step(now - from);
        for (var elapsed = TimeSpan.Zero; elapsed <= TimeSpan.FromMinutes(3); elapsed += TimeSpan.FromSeconds(10), board = centre.Step(TimeSpan.FromSeconds(10)))
        {
            foreach (var alarm in board.Alarms)
            {
                first.TryAdd(alarm.Rule, elapsed);
            }
        }

        output.WriteLine(string.Join(", ", Situations.Select(r => $"{r}: {(first.TryGetValue(r, out var at) ? at.ToString() : "-")}")));
        Assert.Empty(Situations.Except(first.Keys));
    }

    /// <summary>The rule's worst level in each minute's snapshot of the run; null where none of its alarms is on.</summary>
    private List<AlarmLevel?> Timeline(AlarmRule rule) =>
        [.. run.Snapshots.Select(s => s.Alarms.Where(a => a.Rule == rule).Max(a => (AlarmLevel?)a.Level))];
}
