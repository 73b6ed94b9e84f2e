using Callout.Dashboard.Ui.Charts;
using Callout.Dashboard.Ui.Pages;

namespace Callout.Dashboard.Ui.Tests.Panels;

/// <summary>
/// The day at a glance as markup: the quarter-hour chart (a bar per quarter hour with its numbers as its text, the
/// current one marked, the legend with today's counts), the funnel's steps and losses, and the calls coming due.
/// </summary>
public sealed class DayPanelsTests
{
    [Fact]
    public async Task IntradayChart_CalloutsInTwoQuarterHours_StacksEachBarByOutcomeWithItsNumbersAsText()
    {
        await using var h = new UiHarness(At(10, 25));
        h.Poll([.. Rows.Answered(7001, At(10, 1)), .. Rows.NotAnswered(7002, At(10, 2)), .. Rows.Answered(7003, At(10, 16))]);

        var cut = h.RenderPanel<IntradayChartPanel>();

        var first = cut.Find("g.bar[data-bucket='10:00']");
        Assert.Equal("2", first.GetAttribute("data-total"));
        Assert.Equal("10:00–10:15: 2 callouts · 1 answered · 1 no answer · answer rate 50%", first.QuerySelector("title")!.TextContent);
        var current = cut.Find("g.bar.current");
        Assert.Equal("10:15", current.GetAttribute("data-bucket"));
        Assert.NotNull(current.QuerySelector("rect.filling"));
        // One stacked segment per bar that has the outcome: answered in both quarter hours, no answer in the first.
        Assert.Equal(2, cut.Find("path.o-answered").GetAttribute("d")!.Count(c => c == 'M'));
        Assert.Equal(1, cut.Find("path.o-no-answer").GetAttribute("d")!.Count(c => c == 'M'));
        Assert.Empty(cut.FindAll("path.o-busy"));
        Assert.Empty(cut.FindAll("g.bar[data-bucket='10:30']"));
        Assert.Equal("answered 2", cut.Find(".chart-legend li[data-outcome='answered']").TextContent.Trim());
        Assert.Equal("3", cut.Find("[data-count]").TextContent.Trim());
    }

    [Fact]
    public async Task IntradayChart_CalloutEndsWithinTheMinute_ShowsAtTheNextMinute()
    {
        await using var h = new UiHarness(At(10, 25, 10));
        h.Poll(Rows.Answered(7001, At(10, 1)));
        var cut = h.RenderPanel<IntradayChartPanel>();

        h.Poll(Rows.Answered(7002, At(10, 18)));
        cut.Render(p => p.Add(x => x.View, h.View()));
        var sameMinute = cut.Find("g.bar[data-bucket='10:15']").GetAttribute("data-total");
        h.Advance(TimeSpan.FromMinutes(1));
        cut.Render(p => p.Add(x => x.View, h.View()));

        Assert.Equal("0", sameMinute);
        Assert.Equal("1", cut.Find("g.bar[data-bucket='10:15']").GetAttribute("data-total"));
    }

    [Fact]
    public async Task IntradayChart_NothingEndedToday_SaysSoInsteadOfAnEmptyChart()
    {
        await using var h = new UiHarness(At(10, 25));
        h.Poll(Rows.Ordered(7001, At(10, 20)));

        var cut = h.RenderPanel<IntradayChartPanel>();

        Assert.Equal("No callout has ended today yet", cut.Find("[data-state='empty']").TextContent.Trim());
        Assert.Empty(cut.FindAll("svg"));
    }

    [Fact]
    public void IntradayChartSvg_ManyCallouts_RoundsTheAxisToFourWholeSteps()
    {
        Assert.Equal(4, IntradayChartSvg.NiceMax(0));
        Assert.Equal(20, IntradayChartSvg.NiceMax(13));
        Assert.Equal(160, IntradayChartSvg.NiceMax(121));
        Assert.Equal(1200, IntradayChartSvg.NiceMax(1001));
        Assert.All(new[] { 3, 13, 77, 121, 999, 5000 }, n => Assert.Equal(0, IntradayChartSvg.NiceMax(n) % 4));
    }

    [Fact]
    public async Task FunnelPanel_MadeMissedAndCancelled_ShowsEachStepWithWhatItLostAndWhy()
    {
        await using var h = new UiHarness(At(10, 30));
        h.Poll([.. Rows.Answered(7001, At(10, 1)), .. Rows.NotAnswered(7002, At(10, 2)), .. Rows.Cancelled(7003, At(10, 3)), .. Rows.Ordered(7004, At(10, 29))]);

        var cut = h.RenderPanel<FunnelPanel>();

        Assert.Equal("4", cut.Find("[data-step='ordered']").GetAttribute("data-count"));
        Assert.Equal("1 in progress", cut.Find("[data-in-progress]:not(ol)").TextContent.Trim());
        Assert.Equal("3", cut.Find("[data-step='agent-answered']").GetAttribute("data-count"));
        Assert.Equal("2", cut.Find("[data-step='dialled']").GetAttribute("data-count"));
        Assert.Equal("1", cut.Find("[data-step='dialled'] [data-loss='cancelled']").GetAttribute("data-count"));
        Assert.Equal("1", cut.Find("[data-step='answered']").GetAttribute("data-count"));
        Assert.Contains("1 no answer", cut.Find("[data-step='answered'] .funnel-lost").TextContent, StringComparison.Ordinal);
        Assert.Equal("width:25%", cut.Find("[data-step='answered'] .funnel-bar").GetAttribute("style"));
    }

    [Fact]
    public async Task DueSoonPanel_CallsDueAndNoFreeAgent_CountsThemAndMarksTheQueueWithTheWarning()
    {
        await using var h = new UiHarness(At(10, 0));
        h.Poll([.. Rows.Scheduled(7001, At(8, 0), At(10, 10)), .. Rows.Scheduled(7002, At(8, 0), At(10, 40)), .. Rows.Scheduled(7003, At(8, 0), At(9, 55), Rows.Support)],
            [Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", At(9, 30), pauseType: "Lunch")]);

        var cut = h.RenderPanel<DueSoonPanel>();

        var sales = cut.Find("tr[data-queue='__Callout_Sales']");
        Assert.Equal("1", Cell(sales, "within15"));
        Assert.Equal("2", Cell(sales, "within60"));
        Assert.Equal("0", Cell(sales, "free"));
        Assert.Equal("1", Cell(sales, "paused"));
        Assert.Equal("2 paused", Cell(sales, "reserved"));
        Assert.Contains("level-warning", sales.ClassList);
        Assert.Contains("1 scheduled calls due soon, 0 agents free", sales.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Equal("1", Cell(cut.Find("tr[data-queue='__Callout_Support']"), "overdue"));
    }

    [Fact]
    public async Task DueSoonPanel_NothingDueWithinTheHour_ShowsTheEmptyState()
    {
        await using var h = new UiHarness(At(10, 0));
        h.Poll(Rows.Scheduled(7001, At(8, 0), At(12, 0)));

        var cut = h.RenderPanel<DueSoonPanel>();

        Assert.Equal("No scheduled call is due within the hour", cut.Find("[data-state='empty']").TextContent.Trim());
    }

    [Fact]
    public async Task TodayPage_TwoQueues_ListsEachQueuesFunnelAndTheirSum()
    {
        await using var h = new UiHarness(At(10, 30));
        h.Poll([.. Rows.Answered(7001, At(10, 1)), .. Rows.NotAnswered(7002, At(10, 2), Rows.Support), .. Rows.Answered(7003, At(10, 3), Rows.Support)]);

        var cut = h.RenderPage<TodayPage>("/today");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("td[data-queue]")));
        var support = cut.Find("td[data-queue='__Callout_Support']").ParentElement!;
        Assert.Equal(["Support", "2", "0", "0", "0", "0", "0", "2", "0", "2", "1", "0", "0", "1", "50%"], support.Children.Select(c => c.TextContent.Trim()));
        var total = cut.Find("td[data-total]").ParentElement!;
        Assert.Equal("3", total.Children[1].TextContent.Trim());
        Assert.Equal("67%", total.Children[^1].TextContent.Trim());
        Assert.NotEmpty(cut.FindAll("[data-panel='intraday'] svg g.bar"));
    }

    [Fact]
    public async Task Wall_PanelsDay_ShowsChartFunnelAndDueCallsInsteadOfTheLists()
    {
        await using var h = new UiHarness(At(10, 30));
        h.Poll([.. Rows.Answered(7001, At(10, 1)), .. Rows.Scheduled(7002, At(8, 0), At(10, 40))]);

        var cut = h.RenderPage<Wall>("/wall?panels=day");

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".wall-day [data-panel='intraday'] svg")));
        Assert.NotEmpty(cut.FindAll(".wall-day [data-panel='funnel'] [data-step='answered']"));
        Assert.NotEmpty(cut.FindAll(".wall-day [data-panel='due-soon'] tr[data-queue]"));
        Assert.Empty(cut.FindAll("[data-panel='scheduled']"));
    }

    private static string Cell(AngleSharp.Dom.IElement row, string column) => row.QuerySelector($"[data-col='{column}']")!.TextContent.Trim();
}
