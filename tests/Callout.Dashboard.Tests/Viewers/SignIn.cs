namespace Callout.Dashboard.Tests.Viewers;

/// <summary>Signs in through the real form: GET /login for the antiforgery token, then POST it.</summary>
internal static partial class SignIn
{
    public const string Password = "correct horse battery staple";

    /// <summary>Local users: an admin of everything, and a team lead and a viewer of queue A only.</summary>
    public static (string Key, string? Value)[] LocalUsers(string queue)
    {
        var hash = Dashboard.Viewers.LocalUsers.Hash(Password);
        return
        [
            ("Auth:Mode", "Local"),
            ("Auth:Users:0:UserName", "ada"), ("Auth:Users:0:PasswordHash", hash), ("Auth:Users:0:Roles:0", Roles.Admin),
            ("Auth:Users:1:UserName", "lead"), ("Auth:Users:1:PasswordHash", hash), ("Auth:Users:1:Roles:0", Roles.TeamLead), ("Auth:Users:1:Queues:0", queue),
            ("Auth:Users:2:UserName", "vic"), ("Auth:Users:2:PasswordHash", hash), ("Auth:Users:2:Roles:0", Roles.Viewer), ("Auth:Users:2:Queues:0", queue),
            ("Dashboard:FullNumberRoles:0", Roles.TeamLead),
        ];
    }

    public static HttpClient Browser(DashboardApp app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string userName, string password, string returnUrl = "/")
    {
        var page = await browser.GetStringAsync("/login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "The sign-in form carries no antiforgery token.");
        return await browser.PostAsync(AccountEndpoints.SignInPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>A browser-like client signed in as the user (its cookie jar holds the session), and the cookie itself.</summary>
    public static async Task<(HttpClient Browser, string Cookie)> AsAsync(DashboardApp app, string userName)
    {
        var browser = Browser(app);
        var response = await PostAsync(browser, userName, Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("callout.auth=", StringComparison.Ordinal));
        return (browser, cookie.Split(';')[0]);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
