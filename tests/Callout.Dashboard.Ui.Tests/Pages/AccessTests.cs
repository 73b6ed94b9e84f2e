namespace Callout.Dashboard.Ui.Tests.Pages;

/// <summary>What a viewer may see on the live pages: queue scope, masked numbers, and wall-display links.</summary>
public sealed class AccessTests
{
    private static readonly DateTime Now = At(10, 10);

    private static UiHarness ScopedTo(string queue, string role = Roles.Viewer, Action<DashboardOptions>? configure = null)
    {
        var h = new UiHarness(Now, configure);
        h.Auth.SetRoles(role);
        h.Auth.SetClaims(new Claim(CalloutClaims.Queue, queue));
        h.Poll([.. Rows.Ordered(7001, At(10, 5), Rows.Sales), .. Rows.Ordered(7002, At(10, 6), Rows.Support)], []);
        return h;
    }

    [Fact]
    public async Task Overview_ScopedViewer_SeesOnlyTheirQueues()
    {
        await using var h = ScopedTo(Rows.Sales);

        var cut = h.RenderPage<Overview>("/");

        Assert.NotEmpty(cut.FindAll("[data-call='7001']"));
        Assert.Empty(cut.FindAll("[data-call='7002']"));
        Assert.Empty(cut.FindAll("[data-panel='access-refused']"));
    }

    [Theory]
    [InlineData("/?queue=__Callout_Support")]
    [InlineData("/?queue=__Callout_Sales&queue=__Callout_Support")]
    public async Task Overview_QueueOutsideScope_ShowsRefusalAndNoData(string url)
    {
        await using var h = ScopedTo(Rows.Sales);

        var cut = h.RenderPage<Overview>(url);

        Assert.Contains("__Callout_Support", cut.Find("[data-panel='access-refused']").TextContent);
        Assert.Empty(cut.FindAll("[data-call]"));
    }

    [Fact]
    public async Task Overview_Viewer_NumbersMasked_TeamLeadInFullWhenConfigured()
    {
        await using var viewer = ScopedTo(Rows.Sales, Roles.Viewer, o => o.FullNumberRoles = [Roles.TeamLead]);
        await using var lead = ScopedTo(Rows.Sales, Roles.TeamLead, o => o.FullNumberRoles = [Roles.TeamLead]);

        var masked = viewer.RenderPage<Overview>("/").Markup;
        var full = lead.RenderPage<Overview>("/").Markup;

        Assert.DoesNotContain(Rows.Number, masked);
        Assert.Contains(Rows.MaskedNumber, masked);
        Assert.Contains(Rows.Number, full);
    }

    [Fact]
    public async Task AlarmsPage_ScopedViewer_SeesOnlyTheirQueuesAlarms()
    {
        await using var h = ScopedTo(Rows.Sales);
        h.Poll([.. Rows.Scheduled(7101, At(9, 0), At(10, 0), Rows.Sales, updated: Now), .. Rows.Scheduled(7102, At(9, 0), At(10, 0), Rows.Support, Rows.OtherAgentId, updated: Now)]);

        var cut = h.RenderPage<AlarmsPage>("/alarms");

        var entry = Assert.Single(cut.FindAll("[data-entry]"));
        Assert.Contains(Rows.Sales, entry.GetAttribute("data-entry"), StringComparison.Ordinal);
        Assert.Contains(Rows.Sales, Assert.Single(cut.FindAll("[data-alarm]")).GetAttribute("data-alarm"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlarmsPage_QueueOutsideScope_ShowsRefusalAndNoAlarms()
    {
        await using var h = ScopedTo(Rows.Sales);
        h.Poll(Rows.Scheduled(7102, At(9, 0), At(10, 0), Rows.Support, Rows.OtherAgentId, updated: Now));

        var cut = h.RenderPage<AlarmsPage>($"/alarms?queue={Rows.Support}");

        Assert.Contains(Rows.Support, cut.Find("[data-panel='access-refused']").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-entry]"));
        Assert.Empty(cut.FindAll("[data-alarm]"));
    }

    [Fact]
    public async Task AlarmsPage_NotSignedIn_GoesToSignIn()
    {
        await using var h = ScopedTo(Rows.Sales);
        h.Auth.SetNotAuthorized();

        h.RenderPage<AlarmsPage>("/alarms");

        Assert.StartsWith("http://localhost/login?returnUrl=", h.Context.Services.GetRequiredService<BunitNavigationManager>().Uri);
    }

    [Fact]
    public async Task Wall_ValidLink_ShowsItsQueuesWithoutSignIn()
    {
        await using var h = ScopedTo(Rows.Sales);
        h.Auth.SetNotAuthorized();
        var (_, secret) = h.WallTokens.Create("TV", [Rows.Support], "test");

        var cut = h.RenderPage<Wall>("/wall?token=" + Uri.EscapeDataString(secret));

        Assert.NotEmpty(cut.FindAll("[data-call='7002']"));
        Assert.Empty(cut.FindAll("[data-call='7001']"));
        Assert.Empty(cut.FindAll("[data-panel='wall-refused']"));
    }

    [Fact]
    public async Task Wall_LinkRevoked_ScreenStopsAtOnce_NotAtItsNextTick()
    {
        await using var h = ScopedTo(Rows.Sales);
        h.Auth.SetNotAuthorized();
        var (token, secret) = h.WallTokens.Create("TV", [], "test");
        var cut = h.RenderPage<Wall>("/wall?token=" + Uri.EscapeDataString(secret));
        Assert.NotEmpty(cut.FindAll("[data-call]"));

        // The pinned clock does not move: no tick comes.
        h.WallTokens.Revoke(token.Id, "test");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-panel='wall-refused']")));
        Assert.Empty(cut.FindAll("[data-call]"));
    }

    [Fact]
    public async Task Wall_ForgedLink_IsRefused()
    {
        await using var h = ScopedTo(Rows.Sales);
        h.Auth.SetNotAuthorized();

        var cut = h.RenderPage<Wall>("/wall?token=not-a-real-token");

        Assert.NotNull(cut.Find("[data-panel='wall-refused']"));
        Assert.Empty(cut.FindAll("[data-call]"));
    }

    [Fact]
    public async Task Wall_NoLinkAndNotSignedIn_GoesToSignIn()
    {
        await using var h = ScopedTo(Rows.Sales);
        h.Auth.SetNotAuthorized();

        h.RenderPage<Wall>("/wall?queue=__Callout_Sales");

        var navigation = h.Context.Services.GetRequiredService<BunitNavigationManager>();
        Assert.StartsWith("http://localhost/login?returnUrl=", navigation.Uri);
        Assert.Contains(Uri.EscapeDataString("/wall?queue=__Callout_Sales"), navigation.Uri);
    }

    [Fact]
    public async Task WallTokensPage_CreateShowsLinkOnce_RevokeMarksIt()
    {
        await using var h = new UiHarness(Now);
        h.Auth.SetRoles(Roles.Admin);
        var cut = h.RenderPage<WallTokensPage>("/admin/wall-tokens");

        cut.Find("[data-action='create-token']").Click();
        Assert.Empty(h.WallTokens.All());
        cut.Find(".token-name input").Input("TV by sales");
        cut.Find("[data-action='create-token']").Click();

        var link = cut.Find("[data-token-link]").TextContent;
        Assert.Contains("/wall?token=", link);
        var token = Assert.Single(h.WallTokens.All());
        Assert.Equal("TV by sales", token.Name);
        Assert.NotNull(h.WallTokens.Validate(Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..])));

        cut.Find("[data-action='revoke']").Click();

        Assert.True(h.WallTokens.All().Single().IsRevoked);
        Assert.Equal("revoked", cut.Find("[data-state]").TextContent);
    }
}
