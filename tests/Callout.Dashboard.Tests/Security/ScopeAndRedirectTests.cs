using Browser = Callout.Dashboard.Tests.Viewers.SignIn;

namespace Callout.Dashboard.Tests.Security;

/// <summary>
/// Hardening items 1–3 over real HTTP and real hub connections: a queue list that names no queue grants none, a
/// return URL never sends the browser off-site, and filters that look alike never share a cached view.
/// </summary>
public sealed class ScopeAndRedirectTests : IAsyncLifetime
{
    private const string A = "__Callout_A";
    private const string B = "__Callout_B";

    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.WithOneOrderPerQueueAsync(A, B);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Start_LocalUserWithOnlyEmptyQueueKeys_IsRefusedNamingTheKey(string blank)
    {
        using var app = DashboardApp.OnPostgres(_db.ConnectionString, [.. Browser.LocalUsers(A), ("Auth:Users:2:Queues:0", blank)]);

        var error = app.StartFailure<OptionsValidationException>();

        Assert.Contains("Auth:Users:2:Queues:0 is empty", error.Message);
    }

    /// <summary>An identity provider that sends the queue claim empty ("", [], [""]) removed the person from every queue.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("[\"\"]")]
    [InlineData(" ")]
    public void OpenIdConnectClaims_QueueClaimPresentButEmpty_SeeNoQueue(string claim)
    {
        var identity = new ClaimsIdentity([new Claim("roles", Roles.TeamLead), new Claim("callout_queues", claim)], "oidc");

        OpenIdConnectSignIn.AddOurClaims(identity, new OpenIdConnectSettings());
        var access = ViewerAccess.For(new ClaimsPrincipal(identity), new DashboardOptions());

        Assert.True(access.MaySeeNoQueue);
        Assert.True(access.Scope(QueueFilter.All).Filter!.IsNothing);
        Assert.True(access.Scope(new QueueFilter([A])).IsRefused);
    }

    [Fact]
    public void OpenIdConnectClaims_NoQueueClaim_SeeEveryQueue()
    {
        var identity = new ClaimsIdentity([new Claim("roles", Roles.TeamLead)], "oidc");

        OpenIdConnectSignIn.AddOurClaims(identity, new OpenIdConnectSettings());

        Assert.True(ViewerAccess.For(new ClaimsPrincipal(identity), new DashboardOptions()).Scope(QueueFilter.All).Filter!.IsAll);
    }

    /// <summary>Browsers drop tabs and line breaks and read "\" as "/": each of these would have left the site.</summary>
    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    public async Task SignIn_HostileReturnUrl_LandsOnThisSite(string returnUrl)
    {
        await using var app = DashboardApp.OnPostgres(_db.ConnectionString, Browser.LocalUsers(A));
        var browser = Browser.Browser(app);

        var signedIn = await Browser.PostAsync(browser, "ada", Browser.Password, returnUrl);
        var failed = await Browser.PostAsync(browser, "ada", "wrong", returnUrl);
        var form = await browser.GetStringAsync("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        Assert.EndsWith("returnUrl=%2F", failed.Headers.Location!.OriginalString);
        Assert.DoesNotContain("evil.example", form);
    }

    [Fact]
    public async Task SignIn_LocalReturnUrl_IsKept()
    {
        await using var app = DashboardApp.OnPostgres(_db.ConnectionString, Browser.LocalUsers(A));

        var signedIn = await Browser.PostAsync(Browser.Browser(app), "ada", Browser.Password, "/wall?queue=__Callout_A");

        Assert.Equal("/wall?queue=__Callout_A", signedIn.Headers.Location!.OriginalString);
    }

    /// <summary>"*" named the all-queues entry of the cache: an all-queues viewer could blank everyone's board.</summary>
    [Theory]
    [InlineData("?queue=*")]
    [InlineData("?queue=__Callout_A%0A__Callout_B")]
    public async Task Api_FilterThatLooksLikeAnother_GetsItsOwnView(string query)
    {
        await using var app = DashboardApp.OnPostgres(_db.ConnectionString);
        await app.WaitForBoardAsync(b => b.GetProperty("activeCallouts").GetArrayLength() == 2);
        var client = app.CreateClient();

        var odd = await client.GetFromJsonAsync<JsonElement>("/api/board" + query);
        var all = await client.GetFromJsonAsync<JsonElement>("/api/board");
        var both = await client.GetFromJsonAsync<JsonElement>("/api/board?queue=__Callout_A&queue=__Callout_B");

        Assert.Equal(0, odd.GetProperty("activeCallouts").GetArrayLength());
        Assert.Equal(2, all.GetProperty("activeCallouts").GetArrayLength());
        Assert.Equal(2, both.GetProperty("activeCallouts").GetArrayLength());
    }

    [Fact]
    public async Task Hub_SubscriberOfStar_SharesNoGroupWithAllQueues()
    {
        await using var app = DashboardApp.OnPostgres(_db.ConnectionString);
        await app.WaitForBoardAsync(b => b.GetProperty("activeCallouts").GetArrayLength() == 2);
        await using var star = await HubClient.ConnectAsync(app.Server);
        await using var everything = await HubClient.ConnectAsync(app.Server);

        var starSnapshot = await star.SubscribeAsync("*");
        var allSnapshot = await everything.SubscribeAsync();

        Assert.Equal(0, starSnapshot.GetProperty("activeCallouts").GetArrayLength());
        Assert.Equal(2, allSnapshot.GetProperty("activeCallouts").GetArrayLength());
    }
}
