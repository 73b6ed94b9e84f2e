namespace Callout.Dashboard.Browser.Tests;

/// <summary>A wall link with ?lang= in a real browser: the circuit, its live updates and kiosk.js speak that language.</summary>
public sealed class LanguageBrowserTests(LanguageBrowserTests.DemoHost demo) : IClassFixture<LanguageBrowserTests.DemoHost>
{
    public sealed class DemoHost() : DashboardInBrowser(new Dictionary<string, string> { ["Demo__Seed"] = "11", ["RawData__TimeZone"] = "Europe/Oslo" });

    [Fact]
    public async Task Wall_LangNb_StaysNorwegianWhileItUpdatesLive()
    {
        var page = await demo.Chromium.OpenAsync(new Uri(demo.Host.Address, "/wall?lang=nb"));
        await Chromium.WithScreenshotOnFailureAsync(page, "wall-nb-live", async () =>
        {
            await Assertions.Expect(page.Locator("#connection-badge")).ToHaveTextAsync("direkte", new() { Timeout = 30_000 });
            var freshness = page.Locator("[data-panel='freshness']");
            await Assertions.Expect(freshness).ToContainTextAsync("Siste avlesning", new() { Timeout = 20_000 });
            var first = await freshness.TextContentAsync();

            // The poll time moves with each poll: those renders come from the poller's thread, not the page's request.
            await Assertions.Expect(freshness).Not.ToHaveTextAsync(first!, new() { Timeout = 20_000 });
            await Assertions.Expect(freshness).ToContainTextAsync("Siste avlesning");
            await Assertions.Expect(page.Locator("[data-panel='scheduled'] h2")).ToContainTextAsync("Planlagte i venterommet");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nb");
        });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ArtefactFolder, "wall-nb.png") });
    }
}
