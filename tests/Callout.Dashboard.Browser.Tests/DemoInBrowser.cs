namespace Callout.Dashboard.Browser.Tests;

/// <summary>A demo-mode dashboard and a Chromium to look at it, started and stopped together.</summary>
public class DemoInBrowser(IReadOnlyDictionary<string, string> settings) : IAsyncLifetime
{
    public DashboardProcess Host { get; private set; } = null!;

    public Chromium Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = DashboardProcess.Start(settings);
        Chromium = await Chromium.LaunchAsync();
        await Host.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await Host.DisposeAsync();
    }
}
