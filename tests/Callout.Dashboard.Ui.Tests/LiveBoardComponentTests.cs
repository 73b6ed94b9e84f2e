namespace Callout.Dashboard.Ui.Tests;

/// <summary>Pages are pushed to by the board feed: no polling, no manual re-render, unsubscribe on dispose.</summary>
public sealed class LiveBoardComponentTests
{
    private static readonly DateTime Now = At(10, 10);

    [Fact]
    public async Task Overview_BoardAppliesNewCallout_RowAppearsWithoutManualRender()
    {
        await using var h = new UiHarness(Now);
        h.Poll(Rows.Ordered(7001, At(10, 0)));
        var cut = h.RenderPage<Overview>();
        Assert.Single(cut.FindAll("tr[data-call]"));

        h.Board.Apply(new PollBatch([.. Rows.Ordered(7009, At(10, 9))], []));

        cut.WaitForAssertion(() =>
        {
            Assert.NotNull(cut.Find("[data-panel='active'] tr[data-call='7009']"));
            Assert.Equal("2", cut.Find("[data-kpi='in-progress'] .kpi-value").TextContent.Trim());
        });
    }

    [Fact]
    public async Task Overview_PollFailsAfterRender_TurnsStaleOnTheNextTick()
    {
        await using var h = new UiHarness(Now);
        h.Poll(Rows.Ordered(7001, At(10, 0)));
        var cut = h.RenderPage<Overview>();

        // A failed poll changes no row, so the feed says nothing: the heartbeat must show it.
        h.Board.RecordPoll(false, "connection refused");
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("—", cut.Find("[data-kpi='in-progress'] .kpi-value").TextContent.Trim());
            Assert.Contains("connection refused", cut.Find("[data-panel='freshness']").TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Overview_BurstOfChanges_RendersAtMostMaxRendersPerSecond()
    {
        await using var h = new UiHarness(Now, o => o.MaxRendersPerSecond = 4);
        h.Poll(Rows.Ordered(7001, At(10, 0)));
        var cut = h.RenderPage<Overview>();
        h.Board.Apply(new PollBatch([.. Rows.Ordered(7002, At(10, 9))], []));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("tr[data-call='7002']")));
        var renders = await UiHarness.SettledRenderCountAsync(cut);

        // Within 250 ms of the last render, further changes wait for the clock.
        h.Board.Apply(new PollBatch([.. Rows.Ordered(7003, At(10, 9))], []));
        h.Board.Apply(new PollBatch([.. Rows.Ordered(7004, At(10, 9))], []));
        // What the changes queued for the renderer has run once this marker has.
        await cut.InvokeAsync(() => { });
        Assert.Equal(renders, cut.RenderCount);
        Assert.Empty(cut.FindAll("tr[data-call='7004']"));

        h.Clock.Advance(TimeSpan.FromMilliseconds(250));

        // Both changes arrive together in the one throttled render.
        cut.WaitForAssertion(() =>
        {
            Assert.NotNull(cut.Find("tr[data-call='7003']"));
            Assert.NotNull(cut.Find("tr[data-call='7004']"));
        });
    }

    [Fact]
    public async Task Overview_FilteredToSales_IgnoresChangesInOtherQueues()
    {
        await using var h = new UiHarness(Now);
        h.Poll(Rows.Ordered(7001, At(10, 0), Rows.Sales));
        var cut = h.RenderPage<Overview>($"/?queue={Rows.Sales}");
        var renders = await UiHarness.SettledRenderCountAsync(cut);

        h.Board.Apply(new PollBatch([.. Rows.Ordered(7101, At(10, 9), Rows.Support)], []));
        // What the change queued for the renderer has run once this marker has.
        await cut.InvokeAsync(() => { });

        Assert.Equal(renders, cut.RenderCount);
        Assert.Empty(cut.FindAll("tr[data-call='7101']"));

        h.Board.Apply(new PollBatch([.. Rows.Ordered(7002, At(10, 9), Rows.Sales)], []));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("tr[data-call='7002']")));
        Assert.Empty(cut.FindAll("tr[data-call='7101']"));
    }

    [Fact]
    public async Task Page_Rendered_SubscribesOnceAndUnsubscribesOnDispose()
    {
        await using var h = new UiHarness(Now);
        h.Poll(Rows.Ordered(7001, At(10, 0)));
        Assert.Equal(0, h.Feed.SubscriberCount);

        h.RenderPage<Overview>();
        Assert.Equal(1, h.Feed.SubscriberCount);

        await h.Context.DisposeComponentsAsync();

        Assert.Equal(0, h.Feed.SubscriberCount);
    }

    [Theory]
    [InlineData(typeof(Overview), "/")]
    [InlineData(typeof(ScheduledPage), "/scheduled")]
    [InlineData(typeof(AgentsPage), "/agents")]
    [InlineData(typeof(CancelledPage), "/cancelled")]
    [InlineData(typeof(AlarmsPage), "/alarms")]
    [InlineData(typeof(Wall), "/wall")]
    public async Task EveryPage_RenderedThenDisposed_LeavesNoSubscriber(Type page, string uri)
    {
        await using var h = new UiHarness(Now);
        h.Poll(Rows.Ordered(7001, At(10, 0)));
        h.Context.Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>().NavigateTo(uri);
        h.Context.Render<MudBlazor.MudPopoverProvider>();

        h.Context.Render(builder =>
        {
            builder.OpenComponent(0, page);
            builder.CloseComponent();
        });
        Assert.Equal(1, h.Feed.SubscriberCount);

        await h.Context.DisposeComponentsAsync();
        Assert.Equal(0, h.Feed.SubscriberCount);
    }

    [Fact]
    public async Task Page_Disposed_StopsRenderingOnTicksAndChanges()
    {
        await using var h = new UiHarness(Now);
        h.Poll(Rows.Ordered(7001, At(10, 0)));
        var cut = h.RenderPage<Overview>();
        var renders = await UiHarness.SettledRenderCountAsync(cut);

        await h.Context.DisposeComponentsAsync();
        // A page opened after is the marker: by the time it shows the change, the disposed one would have too.
        var later = h.RenderPage<Overview>();
        h.Board.Apply(new PollBatch([.. Rows.Ordered(7002, At(10, 9))], []));
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        later.WaitForAssertion(() => Assert.NotNull(later.Find("tr[data-call='7002']")));

        Assert.True(cut.IsDisposed);
        Assert.Equal(renders, cut.RenderCount);
    }

    [Fact]
    public async Task Overview_FilterChangedByNavigation_ResubscribesWithNewFilter()
    {
        await using var h = new UiHarness(Now);
        h.Poll([.. Rows.Ordered(7001, At(10, 0), Rows.Sales), .. Rows.Ordered(7101, At(10, 1), Rows.Support)], []);
        var cut = h.RenderPage<Overview>();
        Assert.Equal(2, cut.FindAll("tr[data-call]").Count);

        h.Context.Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>().NavigateTo($"/?queue={Rows.Support}");

        cut.WaitForAssertion(() => Assert.Equal(["7101"], cut.FindAll("tr[data-call]").Select(r => r.GetAttribute("data-call"))));
        Assert.Equal(1, h.Feed.SubscriberCount);

        // The new subscription hears Support and ignores Sales.
        var renders = await UiHarness.SettledRenderCountAsync(cut);
        h.Board.Apply(new PollBatch([.. Rows.Ordered(7002, At(10, 9), Rows.Sales)], []));
        await cut.InvokeAsync(() => { });
        Assert.Equal(renders, cut.RenderCount);
    }
}
