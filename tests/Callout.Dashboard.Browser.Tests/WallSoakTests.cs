using System.Globalization;
using Xunit.Abstractions;

namespace Callout.Dashboard.Browser.Tests;

/// <summary>
/// The long run: /wall open while the simulator writes at a high rate. Opt-in (it takes 10 minutes), run with
/// <c>./build/test.sh --filter Category=Soak</c>; CALLOUT_SOAK_MINUTES changes the length.
/// </summary>
[Trait("Category", "Soak")]
public sealed class WallSoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Wall_LongRunAtHighRate_KeepsUpdating_ServerMemoryStaysFlat()
    {
        var minutes = int.TryParse(Environment.GetEnvironmentVariable("CALLOUT_SOAK_MINUTES"), CultureInfo.InvariantCulture, out var m) ? m : 10;
        await using var host = DashboardProcess.Start(new Dictionary<string, string>
        {
            ["Demo__RatePerMinute"] = "300",
            ["Demo__MaxArrivalDelay"] = "00:00:05",
            ["Demo__Seed"] = "11",
        });
        await using var chromium = await Chromium.LaunchAsync();
        await host.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
        var page = await chromium.OpenAsync(new Uri(host.Address, "/wall"));
        var samples = new List<(TimeSpan At, long Bytes, string Clock, string DataAge)>();
        var started = DateTime.UtcNow;

        while (DateTime.UtcNow - started < TimeSpan.FromMinutes(minutes))
        {
            await Task.Delay(TimeSpan.FromSeconds(30));
            var clock = await page.Locator("[data-panel='clock']").TextContentAsync() ?? "";
            var age = await page.Locator("[data-panel='data-age']").TextContentAsync() ?? "";
            samples.Add((DateTime.UtcNow - started, host.ResidentBytes(), clock, age.Trim()));
            output.WriteLine($"{samples[^1].At.TotalMinutes:0.0} min: server RSS {samples[^1].Bytes / 1048576.0:0.0} MB, wall clock {clock}, {age.Trim()}");
            await Assertions.Expect(page.Locator("#connection-badge")).ToHaveTextAsync("live");
            // Rows keep landing: the newest is at most a couple of minutes old (calls end and land late by design).
            Assert.Matches(@"data (\d+ s|1 min|2 min) old", age.Trim());
        }

        var settled = samples.First(s => s.At >= TimeSpan.FromMinutes(Math.Min(2, minutes / 2.0)));
        var last = samples[^1];
        output.WriteLine($"Settled at {settled.Bytes / 1048576.0:0.0} MB, ended at {last.Bytes / 1048576.0:0.0} MB over {minutes} min.");
        Assert.NotEqual(samples[0].Clock, last.Clock);
        Assert.DoesNotContain("Demo traffic stopped", host.Output);
        Assert.DoesNotContain("Raw data poll failed", host.Output);
        Assert.True(last.Bytes < settled.Bytes * 1.3, $"Server memory grew from {settled.Bytes / 1048576.0:0.0} MB to {last.Bytes / 1048576.0:0.0} MB.");
    }
}
