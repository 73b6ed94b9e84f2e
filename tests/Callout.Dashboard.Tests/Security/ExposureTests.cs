using Browser = Callout.Dashboard.Tests.Viewers.SignIn;

namespace Callout.Dashboard.Tests.Security;

/// <summary>
/// Hardening items 7, 8 and 10: what anonymous callers and walls see of a failure, open access only on purpose, and
/// the deployment defaults (forwarded client addresses, HSTS, the hub's Origin check, owner-only keys, masking).
/// </summary>
public sealed class ExposureTests
{
    /// <summary>Nothing listens on port 9: every poll fails with Npgsql's text, which names host and port.</summary>
    private const string Unreachable = "Host=127.0.0.1;Port=9;Username=reader;Database=raw;Timeout=2";

    [Fact]
    public async Task Healthz_DatabaseDown_AnonymousGetsTheKindOfFailure_AdminGetsTheDetail()
    {
        await using var app = DashboardApp.OnPostgres(Unreachable, Browser.LocalUsers("__Callout_A"));
        var anonymous = app.CreateClient();
        var health = await DashboardApp.WaitForJsonAsync(anonymous, "/healthz", h => h.GetProperty("status").GetString() == "degraded");
        var (admin, _) = await Browser.AsAsync(app, "ada");
        var (lead, _) = await Browser.AsAsync(app, "lead");

        var forAdmin = await admin.GetFromJsonAsync<JsonElement>("/healthz");
        var board = await lead.GetFromJsonAsync<JsonElement>("/api/board");

        Assert.Equal($"Raw data poll failing: {PollFailure.Unreachable}", health.GetProperty("reason").GetString());
        Assert.DoesNotContain("127.0.0.1", health.ToString());
        Assert.Equal(["instance"], health.GetProperty("details").EnumerateObject().Select(p => p.Name));
        Assert.Contains("127.0.0.1", forAdmin.GetProperty("details").GetProperty("lastErrorDetail").GetString());
        Assert.Equal(PollFailure.Unreachable, board.GetProperty("freshness").GetProperty("lastError").GetString());
    }

    [Theory]
    [InlineData("None", "Auth:Mode is None")]
    [InlineData("Local", "the demo users (password 'demo') would guard the configured Raw data database")]
    public void Start_OpenAccessToAConfiguredDatabase_IsRefusedUnlessMeant(string mode, string message)
    {
        (string, string?)[] settings = [("Auth:Mode", mode), ("Demo:Enabled", "true"), ("Auth:AllowOpenAccess", "false")];
        using var refused = DashboardApp.OnPostgres(Unreachable, settings);
        using var meant = DashboardApp.OnPostgres(Unreachable, [.. settings, ("Auth:AllowOpenAccess", "true")]);

        var error = refused.StartFailure<OptionsValidationException>();
        meant.CreateClient();

        Assert.Contains(message, error.Message);
        Assert.Contains("Auth:AllowOpenAccess=true", error.Message);
    }

    /// <summary>Behind a proxy on loopback (trusted by default, more with Security:KnownProxies) each client has its own sign-in budget.</summary>
    [Fact]
    public async Task RateLimit_BehindAProxy_KeysOnTheForwardedClient()
    {
        await using var app = DashboardApp.OnPostgres(Unreachable, Browser.LocalUsers("__Callout_A"));
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var viaProxy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(address) });

        async Task<HttpStatusCode> AttemptAsync(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent([]) };
            request.Headers.Add("X-Forwarded-For", client);
            return (await viaProxy.SendAsync(request)).StatusCode;
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await AttemptAsync("203.0.113.1"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await AttemptAsync("203.0.113.1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await AttemptAsync("203.0.113.2"));
    }

    [Theory]
    [InlineData("https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost", HttpStatusCode.OK)]
    [InlineData("https://portal.example", HttpStatusCode.OK)]
    public async Task Hub_OtherSitesOrigin_IsRefused(string origin, HttpStatusCode expected)
    {
        await using var app = DashboardApp.OnPostgres(Unreachable, ("Security:AllowedOrigins:0", "https://portal.example"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/board/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", origin);

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Production_OverHttps_SendsHsts_AndMarksTheCookieSecure()
    {
        await using var app = DashboardApp.OnPostgres(Unreachable, Browser.LocalUsers("__Callout_A"));
        using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var https = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://dashboard.example"), AllowAutoRedirect = false });

        var health = await https.GetAsync("/healthz");
        var page = await https.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await https.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "ada", ["password"] = Browser.Password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));

        Assert.True(health.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("secure", signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("callout.auth=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Keys_AreInAFolderOnlyTheAppMayOpen()
    {
        await using var app = DashboardApp.OnPostgres(Unreachable, Browser.LocalUsers("__Callout_A"));
        await Browser.AsAsync(app, "ada");

        var keys = Path.Combine(app.DataDirectory, "keys");

        Assert.NotEmpty(Directory.GetFiles(keys));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        }
    }

    /// <summary>A number longer than E.164 (a dialler prefix, an extension) must not show its leading digits as a "country code".</summary>
    [Theory]
    [InlineData("4722222222", "+47 ••• •• 222")]
    [InlineData("35840123456", "+358 ••• •• 456")]
    [InlineData("0047912345678901234", "••• •• 234")]
    [InlineData("12345", "•••")]
    public void Masking_AnyLength_ShowsAtMostACountryCodeAndTheLastThreeDigits(string number, string expected)
    {
        Assert.Equal(expected, NumberMasking.Masked(number));
    }
}
