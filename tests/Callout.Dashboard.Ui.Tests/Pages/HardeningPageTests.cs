namespace Callout.Dashboard.Ui.Tests.Pages;

/// <summary>Hardening items 4 and 8 on the pages: a limited admin's links stay within their queues; links made while access was open are marked.</summary>
public sealed class HardeningPageTests
{
    private static readonly DateTime Now = At(10, 0);

    [Fact]
    public async Task WallTokensPage_AdminOfSalesOnly_OffersSalesAndMakesSalesLinks()
    {
        await using var h = new UiHarness(Now);
        h.Poll([.. Rows.Ordered(7001, At(9, 59), Rows.Sales), .. Rows.Ordered(7002, At(9, 59), Rows.Support)]);
        h.Auth.SetRoles(Roles.Admin);
        h.Auth.SetClaims(new Claim(CalloutClaims.Queue, Rows.Sales));
        var others = h.WallTokens.Create("Support TV", [Rows.Support], "someone");
        var cut = h.RenderPage<WallTokensPage>("/admin/wall-tokens");

        cut.Find(".token-name input").Input("Sales TV");
        cut.Find("[data-action='create-token']").Click();

        var made = Assert.Single(h.WallTokens.All(), t => t.Name == "Sales TV");
        Assert.Equal([Rows.Sales], made.Queues);
        Assert.DoesNotContain("Support TV", cut.Find("[data-panel='tokens']").TextContent);
        Assert.Contains("all of yours", cut.Markup);
        Assert.False(others.Token.IsRevoked);
    }

    [Fact]
    public async Task QueuePicker_ViewerOfSalesOnly_OffersOnlySales()
    {
        await using var h = new UiHarness(Now);
        h.Poll([.. Rows.Ordered(7001, At(9, 59), Rows.Sales), .. Rows.Ordered(7002, At(9, 59), Rows.Support)]);
        var popovers = h.Context.Render<MudBlazor.MudPopoverProvider>();
        var cut = h.Context.Render<Callout.Dashboard.Ui.Panels.QueueFilterSelect>(p => p
            .Add(x => x.State, h.Board.State).Add(x => x.Rules, h.Board.Rules).Add(x => x.Filter, QueueFilter.All)
            .Add(x => x.Allowed, new HashSet<string> { Rows.Sales }));
        Assert.Equal("All your callout queues", cut.Find("[data-panel='queue-filter']").GetAttribute("placeholder"));

        cut.Find(".mud-select").Click();

        popovers.WaitForAssertion(() => Assert.Equal(["Sales"], popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())));
    }

    [Fact]
    public async Task WallTokensPage_LinksMadeWhileAccessWasOpen_AreMarkedAndRevokedInOneClick()
    {
        await using var h = new UiHarness(Now);
        h.Auth.SetRoles(Roles.Admin);
        h.WallTokens.Create("Open TV 1", [], "Anonymous", whileAccessOpen: true);
        h.WallTokens.Create("Open TV 2", [], "Anonymous", whileAccessOpen: true);
        h.WallTokens.Create("Signed TV", [], "ada");
        var cut = h.RenderPage<WallTokensPage>("/admin/wall-tokens");
        Assert.Contains("made while access was open", cut.Find("[data-panel='tokens']").TextContent);

        cut.Find("[data-action='revoke-open-access']").Click();

        Assert.All(h.WallTokens.All().Where(t => t.CreatedWhileAccessOpen), t => Assert.True(t.IsRevoked));
        Assert.False(h.WallTokens.All().Single(t => t.Name == "Signed TV").IsRevoked);
        Assert.Empty(cut.FindAll("[data-panel='open-access-links']"));
    }

    [Fact]
    public async Task WallTokensPage_RevokeCannotBeSaved_SaysSoAndOffersToSaveItLater()
    {
        await using var h = new UiHarness(Now);
        h.Auth.SetRoles(Roles.Admin);
        var (token, _) = h.WallTokens.Create("TV", [], "ada");
        var cut = h.RenderPage<WallTokensPage>("/admin/wall-tokens");
        Directory.Delete(h.DataDirectory, recursive: true);
        File.WriteAllText(h.DataDirectory, "a file where the folder was");
        try
        {
            cut.Find("[data-action='revoke']").Click();

            Assert.Contains("the revoke is not saved yet", cut.Find("[data-panel='token-error']").TextContent);
            Assert.Equal("revoke not saved", cut.Find($"[data-token='{token.Id}']").ParentElement!.QuerySelector("[data-state]")!.TextContent);
            Assert.Equal("Save revoke", cut.Find("[data-action='revoke']").TextContent.Trim());
        }
        finally
        {
            File.Delete(h.DataDirectory);
            Directory.CreateDirectory(h.DataDirectory);
        }

        cut.Find("[data-action='revoke']").Click();

        Assert.Empty(cut.FindAll("[data-panel='token-error']"));
        Assert.Equal("revoked", cut.Find("[data-state]").TextContent);
        Assert.Empty(cut.FindAll("[data-action='revoke']"));
    }

    [Fact]
    public async Task WallTokensPage_MadeUnderOpenAccess_IsMarked()
    {
        await using var h = new UiHarness(Now);
        h.AuthSettings.Mode = AuthMode.None;
        h.Auth.SetRoles(Roles.Admin);
        var cut = h.RenderPage<WallTokensPage>("/admin/wall-tokens");

        cut.Find(".token-name input").Input("TV");
        cut.Find("[data-action='create-token']").Click();

        Assert.True(Assert.Single(h.WallTokens.All()).CreatedWhileAccessOpen);
    }

    /// <summary>A stray line of C# in a .razor file renders as text on the page.</summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/wall")]
    [InlineData("/admin/wall-tokens")]
    public async Task Pages_CarryNoStrayCode(string uri)
    {
        await using var h = new UiHarness(Now);
        h.Poll(Rows.Ordered(7001, At(9, 59)));
        h.Auth.SetRoles(Roles.Admin);

        var markup = uri switch
        {
            "/" => h.RenderPage<Overview>(uri).Markup,
            "/wall" => h.RenderPage<Wall>(uri).Markup,
            _ => h.RenderPage<WallTokensPage>(uri).Markup,
        };

        Assert.DoesNotContain("using Callout", markup);
    }
}
