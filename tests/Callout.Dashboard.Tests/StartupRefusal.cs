namespace Callout.Dashboard.Tests;

/// <summary>What an operator must see when start-up refuses an operator's mistake, run as they run it.</summary>
public static class StartupRefusal
{
    /// <summary>
    /// The process ends with exit code 1 and one line naming <paramref name="key"/> that says <paramref name="message"/>:
    /// the line StartupFailure writes, and no other line of the output names the key. No stack frame anywhere.
    /// </summary>
    public static async Task AssertOneLineAsync(DashboardProcess host, string key, string message)
    {
        Assert.True(await host.WaitForExitAsync(TimeSpan.FromSeconds(60)), "Still running after a mistake:\n" + host.Output);

        var lines = host.Output.Split('\n');
        Assert.True(host.ExitCode == 1, $"Exit code {host.ExitCode}:\n{host.Output}");
        var line = Assert.Single(lines, l => l.Contains(key, StringComparison.Ordinal));
        Assert.StartsWith("Callout Dashboard did not start: ", line);
        Assert.Contains(message, line);
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain("Unhandled exception", host.Output);
    }
}
