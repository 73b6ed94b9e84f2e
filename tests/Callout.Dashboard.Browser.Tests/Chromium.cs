namespace Callout.Dashboard.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download). A missing browser fails the test with
/// the fix, never skips it.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Where failure screenshots go: TestResults/screenshots under the repo root.</summary>
    public static string ArtefactFolder
    {
        get
        {
            var folder = RepoRoot.Combine("TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static async Task<Chromium> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CALLOUT_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium not found at {executable}. Run ./build/test.sh (it installs Debian's chromium) or set CALLOUT_CHROMIUM.");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>
    /// A 1920x1080 page, the wall display's screen, open at the url with the Blazor circuit up. Its browser asks for
    /// British English, as a Nordic centre's English-language screen would: a 24-hour clock.
    /// </summary>
    public async Task<IPage> OpenAsync(Uri url)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 }, Locale = "en-GB" });
        await page.GotoAsync(url.ToString());
        // Clicks on prerendered markup are lost until the circuit is up: kiosk.js marks the body then.
        await page.WaitForSelectorAsync("body[data-circuit='up']", new PageWaitForSelectorOptions { Timeout = 30_000 });
        return page;
    }

    /// <summary>Runs a browser check; on failure keeps a screenshot of the page as a test artefact.</summary>
    public static async Task WithScreenshotOnFailureAsync(IPage page, string name, Func<Task> check)
    {
        try
        {
            await check();
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtefactFolder, $"failed-{name}.png"), FullPage = true });
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
