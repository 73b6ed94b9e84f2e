namespace Callout.Dashboard.Domain.Tests.Alarms;

/// <summary>Today's log of alarms: one entry per time an alarm was on, with when it began and ended and the worst it got.</summary>
public sealed class AlarmLogTests
{
    [Fact]
    public void AlarmLog_AlarmComesBack_IsASecondEntry()
    {
        var board = new BoardHarness(At(10, 12));
        board.ApplyAgents(Rows.AgentEvent("p", At(10, 0), pauseType: "Coffee"));
        board.SetLocalNow(At(10, 13));
        board.ApplyAgents(Rows.AgentEvent("r", At(10, 13)));

        board.SetLocalNow(At(11, 0));
        board.ApplyAgents(Rows.AgentEvent("p", At(11, 0), pauseType: "Coffee"));
        board.EvaluateAt(At(11, 11));

        Assert.Collection(board.AlarmLog,
            first => Assert.Equal((At(10, 10), At(10, 13)), (first.Start.DateTime, first.End?.DateTime)),
            second => Assert.Equal((At(11, 10), (DateTime?)null), (second.Start.DateTime, second.End?.DateTime)));
        Assert.Equal(board.AlarmLog[0].Id, board.AlarmLog[1].Id);
    }

    [Fact]
    public void AlarmLog_SeveralAlarms_OldestFirstEachWithItsOwnPeak()
    {
        var board = new BoardHarness(At(10, 12));
        board.Apply(Rows.Ordered(1, At(10, 0)));                // open from 10:10
        board.EvaluateAt(At(10, 16));
        board.Apply(Rows.Ordered(2, At(10, 0), queueKey: Rows.QueueY));
        board.EvaluateAt(At(10, 21));                           // 1 and 2: 21 minutes, alarms

        board.Apply(Rows.Completed(1, At(10, 0)));

        Assert.Collection(board.AlarmLog,
            one => Assert.Equal(("1", AlarmLevel.Alarm, 1260d, true), (one.CallId, one.PeakLevel, one.PeakValue, one.End is not null)),
            two => Assert.Equal(("2", AlarmLevel.Alarm, 1260d, false), (two.CallId, two.PeakLevel, two.PeakValue, two.End is not null)));
        AssertTime.Same(Local(At(10, 10)), board.AlarmLog[1].Start); // from the rows, though first seen at 10:16
    }

    [Fact]
    public void AlarmLog_WarningOnly_PeakIsTheHighestWarningValue()
    {
        var board = new BoardHarness(At(10, 11));
        board.Apply(Rows.Ordered(1, At(10, 0)));
        board.EvaluateAt(At(10, 19, 59));

        var entry = Assert.Single(board.AlarmLog);
        Assert.Equal((AlarmLevel.Warning, 1140d, 600d, (DateTimeOffset?)null), (entry.PeakLevel, entry.PeakValue, entry.Threshold, entry.End));
    }
}
