using Browser = Callout.Dashboard.Tests.Viewers.SignIn;

namespace Callout.Dashboard.Tests.Security;

/// <summary>
/// Hardening item 5: a session ends when access ends. Users live in a JSON file the host watches, as an operator's
/// appsettings.json is: removing or narrowing a user takes effect on the next request and closes their hub
/// connections within the revalidation interval; signing out ends the session on the server, so a copy of the
/// cookie stops working.
/// </summary>
public sealed partial class SessionTests : IAsyncLifetime
{
    private const string A = "__Callout_A";

    private readonly string _settings = Path.Combine(Directory.CreateTempSubdirectory("callout-users-").FullName, "users.json");
    private TestDatabase _db = null!;
    private DashboardApp _app = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreatePostgresAsync();
        WriteUsers(("lead", A));
        var app = DashboardApp.OnPostgres(_db.ConnectionString, ("Auth:Mode", "Local"), ("Auth:RevalidationInterval", "00:00:01"));
        _app = app;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(_settings)!, recursive: true);
    }

    [Fact]
    public async Task SignOut_CopiedCookie_StopsWorking()
    {
        using var host = WithUsersFile();
        var (browser, cookie) = await SignInAsync(host, "lead");
        var page = await browser.GetStringAsync("/");

        var signOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        }));
        var copy = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        var withCopy = await copy.GetAsync("/api/board");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withCopy.StatusCode);
    }

    [Fact]
    public async Task UserRemoved_NextRequestRefused_AndHubConnectionClosed()
    {
        using var host = WithUsersFile();
        var (browser, cookie) = await SignInAsync(host, "lead");
        await using var hub = await HubClient.ConnectAsync(host.Server, cookie);
        await hub.SubscribeAsync();
        var closed = new TaskCompletionSource();
        hub.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/board")).StatusCode);

        WriteUsers(("someone-else", A));

        await Eventually.Until(async () => (await browser.GetAsync("/api/board")).StatusCode == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(15), "the removed user's next request refused");
        Assert.Same(closed.Task, await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(10))));
    }

    [Fact]
    public async Task UserNarrowedToOtherQueues_SignsInAgainToSeeThem()
    {
        using var host = WithUsersFile();
        var (browser, _) = await SignInAsync(host, "lead");

        WriteUsers(("lead", "__Callout_B"));

        await Eventually.Until(async () => (await browser.GetAsync("/api/board?queue=" + A)).StatusCode == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(15), "the narrowed user's old session refused");
        var (again, _) = await SignInAsync(host, "lead");
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/board?queue=" + A)).StatusCode);
    }

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithUsersFile() =>
        _app.WithWebHostBuilder(b => b.ConfigureAppConfiguration(c => c.AddJsonFile(_settings, optional: false, reloadOnChange: true)));

    private static async Task<(HttpClient Browser, string Cookie)> SignInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, string userName)
    {
        var browser = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync("/login");
        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = Browser.Password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        }));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("callout.auth=", StringComparison.Ordinal)).Split(';')[0];
        return (browser, cookie);
    }

    /// <summary>The users file as an operator edits it; written whole, as editors do.</summary>
    private void WriteUsers(params (string Name, string Queue)[] users)
    {
        var hash = LocalUsers.Hash(Browser.Password);
        var json = JsonSerializer.Serialize(new
        {
            Auth = new
            {
                Users = users.Select(u => new { UserName = u.Name, PasswordHash = hash, Roles = new[] { Roles.TeamLead }, Queues = new[] { u.Queue } }),
            },
        });
        File.WriteAllText(_settings, json);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
