namespace Callout.Dashboard.Ui.Tests.Pages;

/// <summary>/alarms: today's log, newest first, each entry with start, end, duration and the worst it got.</summary>
public sealed class AlarmsPageTests
{
    [Fact]
    public async Task AlarmsPage_PauseCameAndWent_ShowsStartEndAndPeak()
    {
        await using var h = new UiHarness(At(9, 50));
        // A pause since 9:30 warns from 9:45 (past 15 min), alarms from 9:55 (past 25 min).
        h.Poll([.. Rows.Ordered(7001, At(9, 49), agentId: Rows.OtherAgentId)], [Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", At(9, 30))]);
        var cut = h.RenderPage<AlarmsPage>("/alarms");
        Assert.Equal("ongoing", Cells(cut.Find("[data-entry^='long-pause']"))[1]);

        h.Advance(TimeSpan.FromMinutes(10));
        h.Poll([], [Rows.AgentEvent("r", At(10, 0))]);
        // The page renders at most a few times a second by the (pinned) clock: the end's render waits for it to move.
        h.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() =>
        {
            var cells = Cells(cut.Find("[data-entry^='long-pause']"));
            Assert.Equal(["09:45", "10:00", "15 min", "✖ alarm", "Kari Nordmann: in pause for 30 min (limit 25 min)", "—", "Kari Nordmann"], cells);
            Assert.Empty(cut.FindAll("[data-panel='attention'] [data-rule='long-pause']"));
        });
    }

    [Fact]
    public async Task AlarmsPage_SeveralAlarms_NewestFirstAndOngoing()
    {
        await using var h = new UiHarness(At(10, 40));
        h.Poll(
        [
            .. Rows.Scheduled(7001, At(9, 0), At(10, 10), Rows.Sales, updated: At(10, 40)),
            .. Rows.Scheduled(7002, At(9, 0), At(10, 30), Rows.Support, Rows.OtherAgentId, updated: At(10, 40)),
        ]);

        var cut = h.RenderPage<AlarmsPage>("/alarms");

        var rows = cut.FindAll("[data-entry]").Select(Cells).ToList();
        Assert.Equal(["10:35", "10:15"], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal("ongoing", r[1]));
        Assert.Equal(["5 min", "⚠ warning", "Support: scheduled call overdue 10 min (limit 5 min)", "Support"], rows[0][2..6]);
        Assert.Equal(["25 min", "✖ alarm"], rows[1][2..4]);
    }

    [Fact]
    public async Task AlarmsPage_QueueFilter_ShowsThatQueuesLogAndStrip()
    {
        await using var h = new UiHarness(At(10, 40));
        h.Poll(
        [
            .. Rows.Scheduled(7001, At(9, 0), At(10, 10), Rows.Sales, updated: At(10, 40)),
            .. Rows.Scheduled(7002, At(9, 0), At(10, 30), Rows.Support, Rows.OtherAgentId, updated: At(10, 40)),
        ]);

        var cut = h.RenderPage<AlarmsPage>($"/alarms?queue={Rows.Support}");

        var entry = Assert.Single(cut.FindAll("[data-entry]"));
        Assert.Equal("Support", Cells(entry)[5]);
        Assert.StartsWith("⚠ warning Support:", Assert.Single(cut.FindAll("[data-panel='attention'] [data-alarm]")).TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-panel='attention'] [data-notify-toggle]"));
    }

    [Fact]
    public async Task AlarmsPage_NoAlarmToday_SaysSo()
    {
        await using var h = new UiHarness(At(10, 40));
        h.Poll(Rows.Ordered(7001, At(10, 38), updated: At(10, 40)));

        var cut = h.RenderPage<AlarmsPage>("/alarms");

        Assert.Equal("No alarms today", cut.Find("[data-panel='alarm-log'] [data-state='empty']").TextContent.Trim());
    }

    /// <summary>The texts of the entry's row, from the cell that carries its id.</summary>
    private static string[] Cells(AngleSharp.Dom.IElement first) => [.. first.ParentElement!.Children.Select(c => c.TextContent.Trim())];
}
