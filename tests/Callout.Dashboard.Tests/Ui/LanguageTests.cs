using System.Net.Http.Headers;

namespace Callout.Dashboard.Tests.Ui;

/// <summary>Which language a page speaks: ?lang= on the link, else Dashboard:Culture, else the browser's Accept-Language.</summary>
public sealed class LanguageTests
{
    private static async Task<(string Html, HttpResponseMessage Response)> GetAsync(HttpClient client, string path, string? acceptLanguage = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(acceptLanguage));
        }
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        // Blazor writes letters outside ASCII as character references.
        return (System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), response);
    }

    private static HttpClient Client(DashboardApp app) => app.CreateClient(new() { HandleCookies = false });

    [Theory]
    [InlineData("nb-NO", "nb", "Utringinger i dag")]
    [InlineData("sv", "sv", "Utringningar i dag")]
    [InlineData("da-DK", "da", "Udringninger i dag")]
    [InlineData("fi", "fi", "Soitot tänään")]
    [InlineData("de-DE", "en", "Callouts today")]
    public async Task Overview_AcceptLanguage_ChoosesTheLanguage(string acceptLanguage, string lang, string heading)
    {
        await using var app = new DashboardApp(new Dictionary<string, string?>());

        var (html, _) = await GetAsync(Client(app), "/", acceptLanguage);

        Assert.Contains($"<html lang=\"{lang}\">", html);
        Assert.Contains(heading, html);
    }

    [Fact]
    public async Task Overview_CultureConfigured_OverrulesTheBrowser()
    {
        await using var app = new DashboardApp(new Dictionary<string, string?> { ["Dashboard:Culture"] = "sv-SE" });

        var (html, _) = await GetAsync(Client(app), "/", "en-GB");

        Assert.Contains("Utringningar i dag", html);
    }

    [Fact]
    public async Task Wall_LangOnTheLink_WinsAndIsRememberedForTheCircuit()
    {
        await using var app = new DashboardApp(new Dictionary<string, string?> { ["Dashboard:Culture"] = "sv" });
        var client = Client(app);

        var (html, response) = await GetAsync(client, "/wall?lang=nb", "en");

        Assert.Contains("<html lang=\"nb\">", html);
        Assert.Contains("Utringinger", html);
        // The circuit's connection has no query: the choice travels in a session cookie.
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("callout-lang=", StringComparison.Ordinal));
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase);
        var (later, _) = await GetAsync(client, "/", "en", cookie.Split(';')[0]);
        Assert.Contains("Utringinger i dag", later);
    }

    [Fact]
    public async Task Login_AcceptLanguageDanish_IsDanish()
    {
        await using var app = new DashboardApp(new Dictionary<string, string?> { ["Auth:Mode"] = "Local" });

        var (html, _) = await GetAsync(Client(app), "/login", "da");

        Assert.Contains("Brugernavn", html);
        Assert.Contains("Adgangskode", html);
        Assert.DoesNotContain("User name", html);
    }

    [Fact]
    public void Start_UnknownCulture_StopsWithClearMessage()
    {
        using var app = new DashboardApp(new Dictionary<string, string?> { ["Dashboard:Culture"] = "klingon" });

        var error = app.StartFailure<OptionsValidationException>();

        Assert.Contains("Dashboard:Culture 'klingon' is not a language the dashboard speaks", error.Message);
    }
}
