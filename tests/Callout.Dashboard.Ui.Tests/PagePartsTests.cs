namespace Callout.Dashboard.Ui.Tests;

/// <summary>The parts a live page is made of, each on its own: who is looking, the feed, the throttle, the tick, the change check.</summary>
public sealed class PagePartsTests
{
    [Fact]
    public async Task ViewerResolver_WallLinkUserOrNobody_ResolvesEach()
    {
        await using var h = new UiHarness(At(10, 0));
        var (token, secret) = h.WallTokens.Create("TV", [Rows.Sales], "test");
        var lead = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.TeamLead)], "test"));

        var byLink = h.Viewers.Resolve(new ClaimsPrincipal(), secret, acceptsWallLink: true);
        var linkIgnored = h.Viewers.Resolve(new ClaimsPrincipal(), secret, acceptsWallLink: false);
        var forged = h.Viewers.Resolve(lead, secret + "x", acceptsWallLink: true);
        var signedIn = h.Viewers.Resolve(lead, null, acceptsWallLink: true);

        Assert.Equal((token.Id, true), (byLink.WallTokenId, byLink.Access!.MaskNumbers));
        Assert.Equal(["__Callout_Sales"], byLink.Access.AllowedQueues!);
        Assert.Equal((null, false, true), (linkIgnored.Access, linkIgnored.WallLinkRefused, linkIgnored.NeedsSignIn));
        Assert.Equal((null, true, false), (forged.Access, forged.WallLinkRefused, forged.NeedsSignIn));
        Assert.Null(signedIn.Access!.AllowedQueues);
        h.WallTokens.Revoke(token.Id, "test");
        Assert.False(h.Viewers.StillValid(token.Id));
    }

    [Fact]
    public async Task FeedSubscription_SameViewTwice_SubscribesOnce_AndHearsOnlyItsQueues()
    {
        await using var h = new UiHarness(At(10, 0));
        h.Poll([]); // the lookups land first: a change of names concerns every view
        var heard = 0;
        using var subscription = new FeedSubscription(h.Feed, () => heard++);

        Assert.True(subscription.Follow(new QueueFilter([Rows.Sales]), maskNumbers: true));
        Assert.False(subscription.Follow(new QueueFilter([Rows.Sales]), maskNumbers: true));
        Assert.Equal(1, h.Feed.SubscriberCount);
        h.Poll(Rows.Ordered(7001, At(9, 59), Rows.Support));
        h.Poll(Rows.Ordered(7002, At(9, 59), Rows.Sales));
        Assert.True(subscription.Follow(new QueueFilter([Rows.Sales]), maskNumbers: false));
        subscription.Stop();

        Assert.Equal(1, heard);
        Assert.Equal(0, h.Feed.SubscriberCount);
    }

    [Fact]
    public async Task RenderThrottle_BurstWithinTheSpacing_RendersOnceWhenTheClockAllows()
    {
        await using var h = new UiHarness(At(10, 0));
        var renders = 0;
        var throttle = new RenderThrottle(h.Clock, () => 4, () => { renders++; return Task.CompletedTask; }, CancellationToken.None)
        {
            LastRender = h.Clock.GetUtcNow(),
        };

        throttle.Request();
        throttle.Request();
        throttle.Request();
        Assert.Equal(0, renders);
        h.Clock.Advance(TimeSpan.FromMilliseconds(249));
        Assert.Equal(0, renders);
        h.Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(1, renders);
        throttle.LastRender = h.Clock.GetUtcNow() - TimeSpan.FromSeconds(1);
        throttle.Request();
        Assert.Equal(2, renders);
    }

    [Fact]
    public async Task PageTicker_RunsUntilStopped_OneTickASecond()
    {
        await using var h = new UiHarness(At(10, 0));
        using var stop = new CancellationTokenSource();
        var ticks = 0;
        var running = PageTicker.RunAsync(h.Clock, () => { ticks++; return Task.CompletedTask; }, stop.Token);

        for (var second = 1; second <= 3; second++)
        {
            h.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        stop.Cancel();
        await running;

        Assert.Equal(3, ticks);
    }

    [Fact]
    public async Task RenderedPage_SameBoardSameClockTexts_NeedsNoRender()
    {
        await using var h = new UiHarness(At(10, 0));
        h.Poll(Rows.Ordered(7001, At(9, 59)));
        var view = new BoardView(h.Snapshots.Get(QueueFilter.All, maskNumbers: true), h.Board.State, h.Options, TestTexts.Localizer);
        var rendered = new RenderedPage(view, ["10:00"]);

        Assert.False(rendered.DiffersFrom(view, ["10:00"]));
        Assert.True(rendered.DiffersFrom(view, ["10:01"]));
        h.Poll(Rows.Ordered(7002, At(9, 59)));
        Assert.True(rendered.DiffersFrom(new BoardView(h.Snapshots.Get(QueueFilter.All, maskNumbers: true), h.Board.State, h.Options, TestTexts.Localizer), ["10:00"]));
    }
}
