using Callout.Dashboard.Viewers;

namespace Callout.Dashboard.Browser.Tests;

/// <summary>
/// Sign-in and wall-display links in real Chromium, on the demo with Auth:Mode=Local (its built-in demo
/// users). Every page is watched for Content-Security-Policy violations.
/// </summary>
public sealed class SignInBrowserTests : IAsyncLifetime
{
    private readonly DashboardInBrowser _site = new(
        new Dictionary<string, string> { ["Auth__Mode"] = "Local", ["Demo__Seed"] = "11", ["RawData__TimeZone"] = "Europe/Oslo" }, startSeconds: 120);
    private readonly List<string> _cspViolations = [];

    private DashboardProcess _host => _site.Host;

    private Chromium _chromium => _site.Chromium;

    public Task InitializeAsync() => _site.InitializeAsync();

    public async Task DisposeAsync()
    {
        File.WriteAllText(Path.Combine(Chromium.ArtefactFolder, "sign-in-host.log"), _host.Output);
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task SignIn_ScopedDemoViewer_SeesOnlyTheirQueue_ThenSignsOut()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(_host.Address, "/agents").ToString());
        await Chromium.WithScreenshotOnFailureAsync(page, "sign-in", async () =>
        {
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("(?i)/login\\?returnUrl=%2Fagents"));
            await Assertions.Expect(page.Locator("[data-panel='demo-users']")).ToBeVisibleAsync();

            await AdminPages.SignInAsync(page, "viewer", LocalUsers.DemoPassword);

            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/agents$"));
            await page.WaitForSelectorAsync("[data-interactive='true']", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("[data-panel='user']")).ToContainTextAsync("Demo viewer");
            await page.GotoAsync(new Uri(_host.Address, "/").ToString());
            await Assertions.Expect(page.Locator("[data-panel='queues'] [data-queue='__Callout_Sales']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("[data-panel='queues'] [data-queue='__Callout_Support']")).ToHaveCountAsync(0);

            await page.GotoAsync(new Uri(_host.Address, "/?queue=__Callout_Support").ToString());
            await Assertions.Expect(page.Locator("[data-panel='access-refused']")).ToBeVisibleAsync();

            await page.WaitForSelectorAsync("body[data-circuit='up']", new() { Timeout = 30_000 });
            await page.Locator("[data-action='sign-out']").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?signedOut=1"));
            await page.GotoAsync(new Uri(_host.Address, "/").ToString());
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        });
        Assert.Empty(_cspViolations);
    }

    [Fact]
    public async Task WallLink_MadeByAdmin_OpensTheWallWithoutSignIn_AndRevokingStopsIt()
    {
        var admin = await NewPageAsync();
        await AdminPages.OpenWallLinksAsync(admin, _host.Address, "admin", LocalUsers.DemoPassword);
        string link = "";
        await Chromium.WithScreenshotOnFailureAsync(admin, "wall-link-admin", async () => link = await AdminPages.CreateLinkAsync(admin, "Lobby TV"));
        Assert.StartsWith(new Uri(_host.Address, "/wall?token=").ToString(), link);

        var wall = await NewPageAsync();
        await wall.GotoAsync(link);
        await wall.WaitForSelectorAsync("body[data-circuit='up']", new() { Timeout = 30_000 });
        await Chromium.WithScreenshotOnFailureAsync(wall, "wall-link", async () =>
        {
            await Assertions.Expect(wall.Locator("[data-panel='scheduled'] [data-state='data']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            // The admin sees the screen check in.
            await Assertions.Expect(admin.Locator("[data-state='alive']")).ToBeVisibleAsync(new() { Timeout = 15_000 });

            await admin.Locator("[data-action='revoke']").ClickAsync();

            await Assertions.Expect(wall.Locator("[data-panel='wall-refused']")).ToBeVisibleAsync(new() { Timeout = 5_000 });
            await Assertions.Expect(wall.Locator("[data-call]")).ToHaveCountAsync(0);
        });
        Assert.Empty(_cspViolations);
    }

    private async Task<IPage> NewPageAsync()
    {
        // A context of its own: cookies are not shared between the admin and the wall screen.
        var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (_cspViolations)
                {
                    _cspViolations.Add(message.Text);
                }
            }
        };
        return page;
    }
}
