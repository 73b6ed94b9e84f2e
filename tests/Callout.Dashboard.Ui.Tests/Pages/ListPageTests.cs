namespace Callout.Dashboard.Ui.Tests.Pages;

/// <summary>The sortable single-panel pages: scheduled, agents, cancelled.</summary>
public sealed class ListPageTests
{
    [Fact]
    public async Task ScheduledPage_ClockPassesDueTime_RowTurnsOverdueOnTheTick()
    {
        await using var h = new UiHarness(At(10, 59, 58));
        h.Poll([.. Rows.Scheduled(7002, At(9, 0), At(11, 0)), .. Rows.Scheduled(7003, At(9, 0), At(12, 0))], []);
        var cut = h.RenderPage<ScheduledPage>("/scheduled");
        var row = cut.Find("td[data-call='7002']").ParentElement!;
        Assert.DoesNotContain("overdue", row.ClassList);
        Assert.Equal("0:02", row.QuerySelector(".countdown")!.TextContent.Trim());

        h.Clock.Advance(TimeSpan.FromSeconds(3));

        cut.WaitForAssertion(() =>
        {
            var overdue = cut.Find("td[data-call='7002']").ParentElement!;
            Assert.Contains("overdue", overdue.ClassList);
            Assert.Equal("overdue +0:01", overdue.QuerySelector(".countdown")!.TextContent.Trim());
            Assert.DoesNotContain("overdue", cut.Find("td[data-call='7003']").ParentElement!.ClassList);
        });
    }

    [Fact]
    public async Task ScheduledPage_NoRows_ShowsEmptyText()
    {
        await using var h = new UiHarness(At(10, 0));
        h.Board.RecordPoll(true);

        var cut = h.RenderPage<ScheduledPage>("/scheduled");

        Assert.Equal("No scheduled calls waiting", cut.Find("[data-panel='scheduled'] [data-state='empty']").TextContent.Trim());
    }

    [Fact]
    public async Task AgentsPage_PausedAgentWithCalloutInProgress_RowFlaggedConnectedAndPause()
    {
        await using var h = new UiHarness(At(10, 10));
        h.Poll(
            Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId),
            [Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", At(10, 2), pauseType: "Admin"), Rows.AgentEvent("i", At(8, 30), Rows.OtherAgentId)]);

        var cut = h.RenderPage<AgentsPage>("/agents");

        var flagged = cut.Find($"td[data-agent='{Rows.AgentId}']").ParentElement!;
        Assert.Contains("connected-and-pause", flagged.ClassList);
        Assert.Contains("Kari Nordmann", flagged.TextContent, StringComparison.Ordinal);
        Assert.Contains("connected & pause", flagged.TextContent, StringComparison.Ordinal);
        var other = cut.Find($"td[data-agent='{Rows.OtherAgentId}']").ParentElement!;
        Assert.DoesNotContain("connected-and-pause", other.ClassList);
        Assert.Contains("free", other.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentsPage_NoPollYet_ShowsLoading()
    {
        await using var h = new UiHarness(At(10, 10));

        var cut = h.RenderPage<AgentsPage>("/agents");

        Assert.NotNull(cut.Find("[data-panel='agents'] [data-state='loading']"));
    }

    [Fact]
    public async Task CancelledPage_CancelledAndDeleted_ShowsBothKinds()
    {
        await using var h = new UiHarness(At(10, 10));
        h.Poll(
            [
                .. Rows.Cancelled(7004, At(9, 55)),
                .. Rows.Ordered(7005, At(9, 40)),
                new CallEventRow { RecId = 3, CallId = 7005, CallSequence = 3, DteStart = At(9, 45), QueueKey = Rows.Sales, EventType = "q", ResultCode = "d", DteUpdated = At(9, 45) },
            ],
            []);

        var cut = h.RenderPage<CancelledPage>("/cancelled");

        Assert.Contains("cancelled by agent", cut.Find("td[data-call='7004']").ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("deleted", cut.Find("td[data-call='7005']").ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sales", cut.Find("td[data-call='7004']").ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelledPage_UnknownQueue_ShowsNoticeNotException()
    {
        await using var h = new UiHarness(At(10, 10));
        h.Poll(Rows.Cancelled(7004, At(9, 55)));

        var cut = h.RenderPage<CancelledPage>("/cancelled?queue=__Callout_Nope");

        Assert.NotNull(cut.Find("[data-panel='unknown-queues']"));
        Assert.NotNull(cut.Find("[data-panel='cancelled'] [data-state='empty']"));
    }
}
