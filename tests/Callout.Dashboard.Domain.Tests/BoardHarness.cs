using Microsoft.Extensions.Time.Testing;

namespace Callout.Dashboard.Domain.Tests;

/// <summary>A Board in Europe/Oslo with its clock pinned by a <see cref="FakeTimeProvider"/>.</summary>
internal sealed class BoardHarness
{
    /// <summary>A winter Thursday (Oslo at +01:00).</summary>
    public static readonly DateTime Winter = new(2026, 1, 15);

    public BoardHarness(DateTime osloNow, BoardRules? rules = null)
    {
        Clock = new FakeTimeProvider(ToInstant(osloNow));
        Board = new Board(rules ?? new BoardRules { TimeZone = Oslo.Zone }, Clock);
    }

    public FakeTimeProvider Clock { get; }

    public Board Board { get; }

    /// <summary>A wall-clock time of the winter test day.</summary>
    public static DateTime At(int hour, int minute, int second = 0) => Winter.AddHours(hour).AddMinutes(minute).AddSeconds(second);

    /// <summary>The instant of an Oslo wall-clock time.</summary>
    public static DateTimeOffset ToInstant(DateTime osloWallClock)
    {
        var local = DateTime.SpecifyKind(osloWallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Oslo.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>An Oslo wall-clock time with Oslo's offset, as the snapshot should carry it.</summary>
    public static DateTimeOffset Local(DateTime osloWallClock) => new(osloWallClock, Oslo.Zone.GetUtcOffset(osloWallClock));

    public void SetLocalNow(DateTime osloWallClock) => Clock.SetUtcNow(ToInstant(osloWallClock));

    public ApplyResult Apply(params IEnumerable<CallEventRow> rows) => Board.Apply(new PollBatch([.. rows], []));

    public ApplyResult ApplyAgents(params IEnumerable<AgentEventRow> events) => Board.Apply(new PollBatch([], [.. events]));

    public BoardSnapshot Snapshot(params string[] queueKeys) =>
        Board.Snapshot(queueKeys.Length == 0 ? QueueFilter.All : new QueueFilter(queueKeys));

    /// <summary>Rules in Oslo with these alarm rules.</summary>
    public static BoardRules WithAlarms(AlarmRules alarms) => new() { TimeZone = Oslo.Zone, Alarms = alarms };

    public IReadOnlyList<AlarmView> Alarms => Board.State.Alarms;

    public IReadOnlyList<AlarmLogEntry> AlarmLog => Board.State.AlarmLog;

    /// <summary>The one alarm of the rule on now, or null.</summary>
    public AlarmView? Alarm(AlarmRule rule) => Alarms.SingleOrDefault(a => a.Rule == rule);

    /// <summary>Moves the clock to an Oslo wall-clock time and lets the board apply its alarm rules, as the server's tick does.</summary>
    public BoardDelta? EvaluateAt(DateTime osloWallClock)
    {
        SetLocalNow(osloWallClock);
        return Board.EvaluateAlarms();
    }
}

internal static class AssertAlarm
{
    /// <summary>Every field of the alarm, and its since with its offset.</summary>
    public static void Is(AlarmView expected, AlarmView? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected, actual);
        AssertTime.Same(expected.Since, actual.Since);
    }

    /// <summary>Every field of the log entry, start and end with their offsets.</summary>
    public static void Logged(AlarmLogEntry expected, AlarmLogEntry actual)
    {
        Assert.Equal(expected, actual);
        AssertTime.Same(expected.Start, actual.Start);
        Assert.Equal(expected.End?.ToString("O"), actual.End?.ToString("O"));
    }
}

internal static class AssertTime
{
    /// <summary>Same instant <b>and</b> same offset (DateTimeOffset equality alone ignores the offset).</summary>
    public static void Same(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.Equal(expected.ToString("O"), actual.ToString("O"));
}
