using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Callout.Dashboard.Tests.Demo;

public sealed class EmbeddedDemoTests
{
    [Fact]
    public async Task Start_NoDatabaseConfigured_ServesLiveDemoBoardWithin30Seconds()
    {
        // Nothing but a faster demo centre: it follows the working day, and at night its default trickle
        // (about one call a minute) can leave the board unchanged for 30 s, so the test would depend on the hour.
        await using var host = RealHost.Start(new Dictionary<string, string> { ["Demo__RatePerMinute"] = "120" });
        using var client = new HttpClient { BaseAddress = host.Address };
        // The 30 s are the demo's: from the moment the server listens (process start-up under CI load is not).
        await host.WaitUntilListeningAsync(TimeSpan.FromSeconds(90));
        var clock = Stopwatch.StartNew();
        JsonElement? board = null;

        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                var body = await client.GetFromJsonAsync<JsonElement>("/api/board");
                if (body.GetProperty("recentCallouts").GetArrayLength() > 0 && body.GetProperty("agents").GetArrayLength() > 0)
                {
                    board = body;
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }

        Assert.True(board is not null, "No non-empty board within 30 s. Host output:\n" + host.Output);
        Assert.True(File.Exists(Path.Combine(host.ContentRoot, "data", "rawdata.db")));
        Assert.Contains("Demo mode", host.Output);
        Assert.NotEmpty(board.Value.GetProperty("queues").EnumerateArray());
        var version = board.Value.GetProperty("version").GetInt64();
        var later = await WaitAsync(client, b => b.GetProperty("version").GetInt64() > version, TimeSpan.FromSeconds(30));
        Assert.True(later, "The demo board did not change within 30 s: no live traffic. Host output:\n" + host.Output);
    }

    private static async Task<bool> WaitAsync(HttpClient client, Func<JsonElement, bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (condition(await client.GetFromJsonAsync<JsonElement>("/api/board")))
            {
                return true;
            }
            await Task.Delay(250);
        }
        return false;
    }
}
