using Callout.Dashboard.Contracts;

namespace Callout.Dashboard.Ui.Tests;

/// <summary>One sentence per rule, naming the queue and agent by name, with the value and limit in minutes, % or a count.</summary>
public sealed class AlarmTextsTests
{
    private static readonly DateTimeOffset Since = new(2026, 1, 15, 10, 0, 0, TimeSpan.FromHours(1));

    public static TheoryData<AlarmRule, double, double, AlarmUnit, string?, int?, string?, string> Sentences => new()
    {
        { AlarmRule.ScheduledOverdue, 1020, 900, AlarmUnit.Seconds, Rows.Sales, Rows.AgentId, null, "Sales: scheduled call overdue 17 min (limit 15 min)" },
        { AlarmRule.OverdueCount, 7, 6, AlarmUnit.Count, Rows.Sales, null, null, "Sales: 7 scheduled calls overdue (limit 6)" },
        { AlarmRule.OpenCallout, 4500, 1200, AlarmUnit.Seconds, Rows.Sales, Rows.AgentId, null, "Sales: callout by Kari Nordmann open for 1 h 15 min (limit 20 min)" },
        { AlarmRule.OpenCallout, 1320, 1200, AlarmUnit.Seconds, Rows.Sales, null, null, "Sales: callout open for 22 min (limit 20 min)" },
        { AlarmRule.AnswerRateHour, 32.5, 35, AlarmUnit.Percent, Rows.Support, null, null, "Support: answer rate last hour 32.5% (limit 35%)" },
        { AlarmRule.AnswerRateToday, 38, 40, AlarmUnit.Percent, Rows.Support, null, null, "Support: answer rate today 38% (limit 40%)" },
        { AlarmRule.CancelledShareHour, 34, 30, AlarmUnit.Percent, Rows.Sales, null, null, "Sales: 34% cancelled in the last hour (limit 30%)" },
        { AlarmRule.LongPause, 2820, 2700, AlarmUnit.Seconds, null, Rows.AgentId, "Lunch", "Kari Nordmann: Lunch pause for 47 min (limit 45 min)" },
        { AlarmRule.LongPause, 1200, 900, AlarmUnit.Seconds, null, Rows.AgentId, null, "Kari Nordmann: in pause for 20 min (limit 15 min)" },
        { AlarmRule.ConnectedAndPause, 540, 480, AlarmUnit.Seconds, null, Rows.OtherAgentId, "Admin", "Ola Hansen: in Connected & Pause for 9 min (limit 8 min)" },
        { AlarmRule.AgentNotReachable, 5, 5, AlarmUnit.Count, Rows.Support, Rows.AgentId, null, "Kari Nordmann: not reached 5 times in a row in Support (limit 5)" },
        { AlarmRule.DataAge, 1920, 1800, AlarmUnit.Seconds, null, null, null, "Raw data: newest row 32 min old (limit 30 min)" },
        { AlarmRule.DataAge, 60, 1800, AlarmUnit.Seconds, null, null, null, "Raw data: reading fails (newest row 1 min old)" },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public async Task Sentence_EachRule_SaysWhatInHumanUnits(AlarmRule rule, double value, double threshold, AlarmUnit unit, string? queue, int? agent, string? pauseType, string expected)
    {
        await using var h = Named();

        Assert.Equal(expected, AlarmTexts.Sentence(h.View(), new AlarmView("id", rule, AlarmLevel.Warning, Since, value, threshold, unit, queue, agent, null, pauseType)));
    }

    [Fact]
    public async Task Sentence_LogEntry_SaysItsPeak()
    {
        await using var h = Named();
        var entry = new AlarmLogEntry("id", AlarmRule.OverdueCount, Since, null, AlarmLevel.Alarm, 9, 6, AlarmUnit.Count, Rows.Sales);

        Assert.Equal("Sales: 9 scheduled calls overdue (limit 6)", AlarmTexts.Sentence(h.View(), entry));
    }

    [Fact]
    public async Task Sentence_InNorwegian_IsNorwegian()
    {
        await using var h = Named();
        using var nb = TestTexts.InCulture("nb-NO");
        var view = h.View();

        Assert.Equal("Support: svarprosent siste time 32,5 % (grense 35 %)",
            AlarmTexts.Sentence(view, new AlarmView("id", AlarmRule.AnswerRateHour, AlarmLevel.Alarm, Since, 32.5, 35, AlarmUnit.Percent, Rows.Support)));
        Assert.Equal("Kari Nordmann: pause (Lunsj) i 1 t 05 min (grense 45 min)",
            AlarmTexts.Sentence(view, new AlarmView("id", AlarmRule.LongPause, AlarmLevel.Alarm, Since, 3900, 2700, AlarmUnit.Seconds, null, Rows.AgentId, null, "Lunsj")));
        Assert.Equal("✖ alarm", AlarmTexts.Mark(AlarmLevel.Alarm, view.T));
        Assert.Equal("⚠ varsel", AlarmTexts.Mark(AlarmLevel.Warning, view.T));
    }

    /// <summary>A board that knows the queues' and agents' names.</summary>
    private static UiHarness Named()
    {
        var h = new UiHarness(At(10, 10));
        h.Poll(Rows.Ordered(7001, At(10, 9)));
        return h;
    }
}
