namespace Callout.Dashboard.Ui.Tests.Panels;

/// <summary>The scheduled waiting room: a countdown to the due time, then "overdue" counting up.</summary>
public sealed class ScheduledPanelTests
{
    [Fact]
    public async Task ScheduledPanel_DueInTenMinutes_ShowsCountdownNotOverdue()
    {
        await using var h = new UiHarness(At(10, 50));
        h.Poll(Rows.Scheduled(7002, At(9, 0), At(11, 0)));

        var cut = h.RenderPanel<ScheduledPanel>();

        var row = cut.Find("tr[data-call='7002']");
        Assert.DoesNotContain("overdue", row.ClassList);
        Assert.Equal("10:00", row.QuerySelector("[data-countdown]")!.TextContent.Trim());
        Assert.DoesNotContain("overdue", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("11:00", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduledPanel_ClockPastDue_MarksRowOverdueAndCountsUp()
    {
        await using var h = new UiHarness(At(10, 50));
        h.Poll(Rows.Scheduled(7002, At(9, 0), At(11, 0)));
        var cut = h.RenderPanel<ScheduledPanel>();

        h.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(5));
        cut.Render(p => p.Add(x => x.View, h.View()));

        var row = cut.Find("tr[data-call='7002']");
        Assert.Contains("overdue", row.ClassList);
        Assert.Equal("overdue +0:05", row.QuerySelector(".overdue-text")!.TextContent.Trim());
    }

    [Fact]
    public async Task ScheduledPanel_ExactlyAtDueTime_IsNotYetOverdue()
    {
        await using var h = new UiHarness(At(11, 0));
        h.Poll(Rows.Scheduled(7002, At(9, 0), At(11, 0)));

        var cut = h.RenderPanel<ScheduledPanel>();

        var row = cut.Find("tr[data-call='7002']");
        Assert.DoesNotContain("overdue", row.ClassList);
        Assert.Equal("0:00", row.QuerySelector("[data-countdown]")!.TextContent.Trim());
    }

    [Fact]
    public async Task ScheduledPanel_ReservedForAgent_ShowsAgentName()
    {
        await using var h = new UiHarness(At(10, 50));
        h.Poll([.. Rows.Scheduled(7002, At(9, 0), At(11, 0)), .. Rows.Scheduled(7003, At(9, 0), At(11, 30), agentId: null)], []);

        var cut = h.RenderPanel<ScheduledPanel>();

        Assert.Contains("Kari Nordmann", cut.Find("tr[data-call='7002']").TextContent, StringComparison.Ordinal);
        Assert.Contains("queue", cut.Find("tr[data-call='7003']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduledPanel_MoreRowsThanLimit_ShowsLimitAndMoreNote()
    {
        await using var h = new UiHarness(At(10, 0));
        h.Poll([.. Enumerable.Range(0, 23).SelectMany(i => Rows.Scheduled(8000 + i, At(9, 0), At(11, i)))], []);

        var cut = h.RenderPanel<ScheduledPanel>();

        Assert.Equal(20, cut.FindAll("tr[data-call]").Count);
        Assert.Equal("+ 3 more", cut.Find(".more-rows").TextContent.Trim());
        Assert.Equal("23", cut.Find("[data-count]").TextContent.Trim());
    }

    [Fact]
    public async Task ScheduledPanel_DueAcrossSpringForward_CountsDownRealTime()
    {
        // 29 March 2026: Oslo's clocks jump from 02:00 to 03:00. Ordered 01:50 for 20 minutes, the call is
        // due at 03:10 on the wall clock, 15 real minutes after 01:55.
        var day = new DateTime(2026, 3, 29);
        await using var h = new UiHarness(day.AddHours(1).AddMinutes(55));
        h.Poll(Rows.Scheduled(7002, day.AddHours(1).AddMinutes(50), day.AddHours(2).AddMinutes(10)));

        var cut = h.RenderPanel<ScheduledPanel>();

        var row = cut.Find("tr[data-call='7002']");
        Assert.Contains("03:10", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("15:00", row.QuerySelector("[data-countdown]")!.TextContent.Trim());
    }
}
