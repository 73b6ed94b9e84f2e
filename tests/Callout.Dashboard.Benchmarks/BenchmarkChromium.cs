using Microsoft.Playwright;

namespace Callout.Dashboard.Benchmarks;

/// <summary>Debian's Chromium as the benchmarks drive it: no browser download, headless, nothing phoning home.</summary>
internal static class BenchmarkChromium
{
    public static string Executable() => Environment.GetEnvironmentVariable("CALLOUT_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>What to print when <see cref="Executable"/> is missing.</summary>
    public static string NotFound(string command, string executable) =>
        $"{command}: Chromium not found at {executable}. Install Debian's chromium (./build/test.sh does) or set CALLOUT_CHROMIUM.";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string executable, params string[] extraArgs) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Timeout = 60_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", .. extraArgs,
            ],
        });

    /// <summary>Closes the browser (a hung one is given up on after a minute) and its driver.</summary>
    public static async Task CloseAsync(IBrowser? browser, IPlaywright playwright, string command)
    {
        if (browser is not null)
        {
            try
            {
                await browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                Console.Error.WriteLine($"{command}: closing the browser: {ex.Message}");
            }
        }
        playwright.Dispose();
    }
}
