namespace Callout.Dashboard.Tests.Viewers;

/// <summary>
/// Auth:Mode=Local over real HTTP and real hub connections: who gets in, which queues they see, and
/// whether numbers are masked. One call in queue A and one in queue B; the team lead and the viewer may
/// see only A, the team lead sees numbers in full.
/// </summary>
public sealed class AccessControlTests : IAsyncLifetime
{
    private const string A = "__Callout_A";
    private const string B = "__Callout_B";

    private TestDatabase _db = null!;
    private DashboardApp _app = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.WithOneOrderPerQueueAsync(A, B);
        _app = DashboardApp.OnPostgres(_db.ConnectionString, SignIn.LocalUsers(A));
        var board = _app.Services.GetRequiredService<Board>();
        await Eventually.Until(() => board.Snapshot(QueueFilter.All).ActiveCallouts.Count == 2, TimeSpan.FromSeconds(20), "both callouts on the board",
            () => $"{board.Snapshot(QueueFilter.All).ActiveCallouts.Count} active callouts");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/scheduled")]
    [InlineData("/agents")]
    [InlineData("/cancelled?queue=__Callout_A")]
    [InlineData("/alarms")]
    [InlineData("/wall")]
    [InlineData("/admin/wall-tokens")]
    public async Task Page_Anonymous_IsSentToSignIn(string path)
    {
        var response = await SignIn.Browser(_app).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login?", response.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("101", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_Anonymous_Is401()
    {
        var response = await SignIn.Browser(_app).GetAsync("/api/board");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Hub_Anonymous_CannotConnect()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => HubClient.ConnectAsync(_app.Server));

        Assert.Contains("401", error.ToString());
    }

    [Fact]
    public async Task SignIn_WrongPassword_BackToFormWithoutSession()
    {
        var browser = SignIn.Browser(_app);

        var response = await SignIn.PostAsync(browser, "lead", "guess");

        Assert.StartsWith("/login?error=invalid", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("callout.auth=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/board")).StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownUser_ReadsLikeAWrongPassword()
    {
        var response = await SignIn.PostAsync(SignIn.Browser(_app), "nobody", SignIn.Password);

        Assert.StartsWith("/login?error=invalid", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRejected()
    {
        var response = await SignIn.Browser(_app).PostAsync(AccountEndpoints.SignInPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "lead",
            ["password"] = SignIn.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_ReturnUrlOffSite_GoesHomeInstead()
    {
        var response = await SignIn.PostAsync(SignIn.Browser(_app), "lead", SignIn.Password, returnUrl: "//evil.example/phish");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_BruteForce_IsRateLimited()
    {
        var browser = SignIn.Browser(_app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await SignIn.PostAsync(browser, "lead", "guess " + i)).StatusCode);
        }

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        // The right password does not get through the limit either.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn.PostAsync(browser, "lead", SignIn.Password)).StatusCode);
    }

    [Fact]
    public async Task Api_TeamLead_SeesOnlyAllowedQueues_WithFullNumbers()
    {
        var (browser, _) = await SignIn.AsAsync(_app, "lead");

        var board = await browser.GetFromJsonAsync<JsonElement>("/api/board");

        var active = board.GetProperty("activeCallouts").EnumerateArray().ToList();
        Assert.Equal(["101"], active.Select(c => c.GetProperty("callId").GetString()));
        Assert.Equal(CallRows.Destination, active[0].GetProperty("destination").GetString());
        Assert.DoesNotContain(board.GetProperty("queues").EnumerateArray(), q => q.GetProperty("queueKey").GetString() == B);
    }

    [Fact]
    public async Task Api_Viewer_SeesMaskedNumbers()
    {
        var (browser, _) = await SignIn.AsAsync(_app, "vic");

        var json = await browser.GetStringAsync("/api/board");

        Assert.Equal(CallRows.MaskedDestination, JsonDocument.Parse(json).RootElement.GetProperty("activeCallouts")[0].GetProperty("destination").GetString());
        Assert.DoesNotContain(CallRows.Destination, json);
    }

    [Theory]
    [InlineData("?queue=__Callout_B")]
    [InlineData("?queue=__Callout_A&queue=__Callout_B")]
    [InlineData("?queue=__Callout_DoesNotExist")]
    public async Task Api_OutOfScopeQueue_Is403(string query)
    {
        var (browser, _) = await SignIn.AsAsync(_app, "lead");

        var response = await browser.GetAsync("/api/board" + query);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("202", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_Admin_SeesEveryQueue()
    {
        var (browser, _) = await SignIn.AsAsync(_app, "ada");

        var board = await browser.GetFromJsonAsync<JsonElement>("/api/board");

        Assert.Equal(2, board.GetProperty("activeCallouts").GetArrayLength());
    }

    [Fact]
    public async Task AdminPage_TeamLead_IsDenied_AdminGetsIn()
    {
        var (lead, _) = await SignIn.AsAsync(_app, "lead");
        var (admin, _) = await SignIn.AsAsync(_app, "ada");

        var denied = await lead.GetAsync("/admin/wall-tokens");
        var allowed = await admin.GetAsync("/admin/wall-tokens");

        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/access-denied", denied.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("Wall-display links", await allowed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Page_OutOfScopeQueue_ShowsRefusal_AndNoneOfItsData()
    {
        var (lead, _) = await SignIn.AsAsync(_app, "lead");

        var html = await lead.GetStringAsync("/?queue=__Callout_B");
        var own = await lead.GetStringAsync("/");

        Assert.Contains("data-panel=\"access-refused\"", html);
        Assert.DoesNotContain("data-call=\"202\"", html);
        Assert.Contains("data-call=\"101\"", own);
        Assert.DoesNotContain("data-call=\"202\"", own);
    }

    [Fact]
    public async Task Page_Viewer_SeesMaskedNumbers()
    {
        var (viewer, _) = await SignIn.AsAsync(_app, "vic");
        var (lead, _) = await SignIn.AsAsync(_app, "lead");

        var masked = WebUtility.HtmlDecode(await viewer.GetStringAsync("/"));
        var full = await lead.GetStringAsync("/");

        Assert.DoesNotContain(CallRows.Destination, masked);
        Assert.Contains("••• •• 222", masked);
        Assert.Contains(CallRows.Destination, full);
    }

    [Fact]
    public async Task Hub_TeamLead_OutOfScopeSubscribe_IsRefused_OwnScopeOnly()
    {
        var (_, cookie) = await SignIn.AsAsync(_app, "lead");
        await using var client = await HubClient.ConnectAsync(_app.Server, cookie: cookie);

        var refused = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync("Subscribe", new[] { B }));
        var snapshot = await client.SubscribeAsync();

        Assert.Contains("Not allowed", refused.Message);
        Assert.Equal(["101"], snapshot.GetProperty("activeCallouts").EnumerateArray().Select(c => c.GetProperty("callId").GetString()));
        Assert.Equal(CallRows.Destination, snapshot.GetProperty("activeCallouts")[0].GetProperty("destination").GetString());
    }

    [Fact]
    public async Task Hub_Viewer_GetsMaskedNumbers()
    {
        var (_, cookie) = await SignIn.AsAsync(_app, "vic");
        await using var client = await HubClient.ConnectAsync(_app.Server, cookie: cookie);

        var snapshot = await client.SubscribeAsync(A);

        Assert.Equal(CallRows.MaskedDestination, snapshot.GetProperty("activeCallouts")[0].GetProperty("destination").GetString());
    }

    [Fact]
    public async Task WallToken_ApiAndHub_BoundToItsQueues_Masked()
    {
        var (_, secret) = Tokens.Create("TV sales", [A], "test");
        var api = SignIn.Browser(_app);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var board = await api.GetFromJsonAsync<JsonElement>("/api/board");
        var refused = await api.GetAsync("/api/board?queue=" + B);
        await using var client = await HubClient.ConnectAsync(_app.Server, accessToken: secret);
        var snapshot = await client.SubscribeAsync();

        Assert.Equal(["101"], board.GetProperty("activeCallouts").EnumerateArray().Select(c => c.GetProperty("callId").GetString()));
        Assert.Equal(CallRows.MaskedDestination, board.GetProperty("activeCallouts")[0].GetProperty("destination").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(["101"], snapshot.GetProperty("activeCallouts").EnumerateArray().Select(c => c.GetProperty("callId").GetString()));
        Assert.NotNull(Tokens.Find(Tokens.All().Single(t => t.Name == "TV sales").Id)!.LastSeenAt);
    }

    [Fact]
    public async Task WallToken_Revoked_ClosesHubAndIsRefusedEverywhere()
    {
        var (token, secret) = Tokens.Create("TV to retire", [], "test");
        await using var client = await HubClient.ConnectAsync(_app.Server, accessToken: secret);
        await client.SubscribeAsync();
        var closed = new TaskCompletionSource();
        client.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        Tokens.Revoke(token.Id, "test");

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var api = SignIn.Browser(_app);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/board")).StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => HubClient.ConnectAsync(_app.Server, accessToken: secret));
        var wall = await SignIn.Browser(_app).GetStringAsync("/wall?token=" + Uri.EscapeDataString(secret));
        Assert.Contains("data-panel=\"wall-refused\"", wall);
        Assert.DoesNotContain("data-call=\"101\"", wall);
    }

    [Fact]
    public async Task WallToken_Forged_IsRefused()
    {
        var (_, secret) = Tokens.Create("TV", [], "test");
        var forged = secret[..^4] + (secret.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var api = SignIn.Browser(_app);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/board")).StatusCode);
    }

    [Fact]
    public async Task WallToken_OpensTheWall_WithoutSignIn_OnlyItsQueues()
    {
        var (_, secret) = Tokens.Create("TV sales", [A], "test");

        var response = await SignIn.Browser(_app).GetAsync("/wall?token=" + Uri.EscapeDataString(secret));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("wall-head", html);
        Assert.DoesNotContain("data-panel=\"wall-refused\"", html);
        Assert.DoesNotContain(CallRows.Destination, html);
    }

    [Fact]
    public async Task WallTokens_SurviveARestart()
    {
        var (token, secret) = Tokens.Create("TV kept", [A], "test");
        var dataDirectory = _app.DataDirectory;

        await using var second = DashboardApp.OnPostgres(_db.ConnectionString, [.. SignIn.LocalUsers(A), ("Auth:DataDirectory", dataDirectory)]);
        var store = second.Services.GetRequiredService<WallTokenStore>();

        Assert.Equal(token.Id, store.Validate(secret)?.Id);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var response = await SignIn.Browser(_app).GetAsync("/login");

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    private WallTokenStore Tokens => _app.Services.GetRequiredService<WallTokenStore>();
}
