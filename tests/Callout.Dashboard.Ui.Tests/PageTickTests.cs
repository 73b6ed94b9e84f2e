namespace Callout.Dashboard.Ui.Tests;

/// <summary>
/// The one-second tick renders only what shows the clock; a board change renders only the panels whose rows
/// changed. A page rendered whole every second cost its circuit ~137 KB of garbage a second.
/// </summary>
public sealed class PageTickTests
{
    [Fact]
    public async Task Overview_TickWithoutBoardChange_RendersCountdownPanelNotPageNorOtherPanels()
    {
        await using var h = new UiHarness(At(10, 50));
        h.Poll([.. Rows.Scheduled(7002, At(9, 0), At(11, 0)), .. Rows.Answered(7003, At(10, 40))], []);
        var cut = h.RenderPage<CountedOverview>();
        await UiHarness.SettledRenderCountAsync(cut);
        var page = cut.Instance;
        var scheduled = cut.FindComponent<ScheduledPanel>();
        var unchanged = UnchangedPanels(cut);
        var before = (Page: page.Renders, Scheduled: scheduled.RenderCount, Others: RenderCounts(unchanged));

        h.Clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Equal("9:59", cut.Find("tr[data-call='7002'] [data-countdown]").TextContent.Trim()));
        Assert.Equal(before.Page, page.Renders);
        Assert.True(scheduled.RenderCount > before.Scheduled);
        Assert.Equal(before.Others, RenderCounts(unchanged));
    }

    [Fact]
    public async Task Overview_TwoTicks_CountdownMovesOnEach()
    {
        await using var h = new UiHarness(At(10, 50));
        h.Poll(Rows.Scheduled(7002, At(9, 0), At(11, 0)));
        var cut = h.RenderPage<Overview>();

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("9:59", Countdown(cut)));
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("9:58", Countdown(cut)));
    }

    [Fact]
    public async Task Overview_LateTick_NextTickStillComes()
    {
        await using var h = new UiHarness(At(10, 50));
        h.Poll(Rows.Scheduled(7002, At(9, 0), At(11, 0)));
        var cut = h.RenderPage<Overview>();

        // A busy server: the tick comes five seconds late, once.
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        cut.WaitForAssertion(() => Assert.Equal("9:55", Countdown(cut)));
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Equal("9:54", Countdown(cut)));
    }

    [Fact]
    public async Task Overview_ElapsedInMinutes_PanelRendersWhenTheMinuteTurnsNotEverySecond()
    {
        await using var h = new UiHarness(At(10, 50));
        h.Poll([.. Rows.Ordered(7001, At(10, 40)), .. Rows.Scheduled(7002, At(9, 0), At(11, 0))], []);
        var cut = h.RenderPage<Overview>();
        await UiHarness.SettledRenderCountAsync(cut);
        var active = cut.FindComponent<ActiveCalloutsPanel>();
        var renders = active.RenderCount;

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("9:59", Countdown(cut)));
        Assert.Equal(renders, active.RenderCount);
        Assert.Contains("10 min ago", cut.Find("tr[data-call='7001']").TextContent, StringComparison.Ordinal);

        h.Clock.Advance(TimeSpan.FromSeconds(59));

        cut.WaitForAssertion(() => Assert.Contains("11 min ago", cut.Find("tr[data-call='7001']").TextContent, StringComparison.Ordinal));
        Assert.True(active.RenderCount > renders);
    }

    [Fact]
    public async Task Overview_NewActiveCallout_PanelsOfOtherListsDoNotRender()
    {
        await using var h = new UiHarness(At(10, 50));
        h.Poll([.. Rows.Scheduled(7002, At(9, 0), At(11, 0)), .. Rows.Answered(7003, At(10, 40)), .. Rows.Ordered(7001, At(10, 45))], []);
        var cut = h.RenderPage<Overview>();
        await UiHarness.SettledRenderCountAsync(cut);
        var scheduled = cut.FindComponent<ScheduledPanel>();
        var recent = cut.FindComponent<RecentCalloutsPanel>();
        var before = (scheduled.RenderCount, recent.RenderCount);

        h.Board.Apply(new PollBatch([.. Rows.Ordered(7009, At(10, 49))], []));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-panel='active'] tr[data-call='7009']")));
        Assert.Equal("2", cut.Find("[data-kpi='in-progress'] .kpi-value").TextContent.Trim());
        Assert.Equal(before, (scheduled.RenderCount, recent.RenderCount));
    }

    [Fact]
    public async Task Wall_TickWithoutBoardChange_MovesCountdownAndClockWithoutRenderingThePage()
    {
        await using var h = new UiHarness(At(10, 50, 59));
        h.Poll(Rows.Scheduled(7002, At(9, 0), At(11, 0)));
        var cut = h.RenderPage<CountedWall>("/wall");
        await UiHarness.SettledRenderCountAsync(cut);
        var renders = cut.Instance.Renders;
        Assert.Equal("10:50", cut.Find("[data-panel='clock']").TextContent.Trim());

        h.Clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("in 9:00", cut.Find("[data-panel='scheduled'] [data-call='7002'] .countdown").TextContent.Trim());
            Assert.Equal("10:51", cut.Find("[data-panel='clock']").TextContent.Trim());
        });
        Assert.Equal(renders, cut.Instance.Renders);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(99, 1)]
    [InlineData(100, 1000)]
    [InlineData(101, 999)]
    [InlineData(950, 150)]
    public void UntilNextTick_AnyMomentOfASecond_LandsJustPastTheNextWholeSecond(int intoSecondMs, int expectedWaitMs)
    {
        var now = new DateTimeOffset(2026, 1, 15, 9, 10, 0, TimeSpan.Zero).AddMilliseconds(intoSecondMs);

        var wait = PageTicker.UntilNextTick(now);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedWaitMs), wait);
    }

    private static string Countdown<T>(IRenderedComponent<T> cut)
        where T : IComponent => cut.Find("tr[data-call='7002'] [data-countdown]").TextContent.Trim();

    /// <summary>Panels with no clock texts on this board: recent calls, queues, KPIs, and the empty live list.</summary>
    private static Func<int>[] UnchangedPanels(IRenderedComponent<CountedOverview> cut)
    {
        var recent = cut.FindComponent<RecentCalloutsPanel>();
        var queues = cut.FindComponent<QueueTable>();
        var kpis = cut.FindComponent<KpiTiles>();
        var active = cut.FindComponent<ActiveCalloutsPanel>();
        return [() => recent.RenderCount, () => queues.RenderCount, () => kpis.RenderCount, () => active.RenderCount];
    }

    private static int[] RenderCounts(Func<int>[] panels) => [.. panels.Select(p => p())];

    /// <summary>The overview, counting renders of its own markup (bUnit's RenderCount also counts its children's).</summary>
    public sealed class CountedOverview : Overview
    {
        public int Renders { get; private set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            Renders++;
            base.BuildRenderTree(builder);
        }
    }

    public sealed class CountedWall : Wall
    {
        public int Renders { get; private set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            Renders++;
            base.BuildRenderTree(builder);
        }
    }
}
