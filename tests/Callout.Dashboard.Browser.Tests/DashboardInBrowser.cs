namespace Callout.Dashboard.Browser.Tests;

/// <summary>The dashboard as a process and a Chromium to look at it, started and stopped together.</summary>
public class DashboardInBrowser(IReadOnlyDictionary<string, string> settings, int startSeconds = 60) : IAsyncLifetime
{
    public DashboardProcess Host { get; private set; } = null!;

    public Chromium Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = DashboardProcess.Start(settings);
        Chromium = await Chromium.LaunchAsync();
        await Host.WaitUntilServingAsync(TimeSpan.FromSeconds(startSeconds));
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await Host.DisposeAsync();
    }
}
