using Callout.Dashboard.Tests.Reliability;

namespace Callout.Dashboard.Tests.Streaming;

/// <summary>The database is read by one loop per server: its work must not grow with the number of viewers.</summary>
public sealed class PollCostTests : IAsyncLifetime
{
    private readonly CountingReader _counter = new();
    private TestDatabase _db = null!;
    private DashboardApp _app = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreatePostgresAsync();
        // Fifty simulated viewers share one test client address: lift the API rate limit for them.
        _app = DashboardApp.OnPostgres(_db.ConnectionString, ("Security:ApiRequestsPerSecond", "100000"), ("Security:ApiBurst", "100000"));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Poll_OneVersusFiftyViewers_SameReaderCallsPerPoll()
    {
        using var app = _app.WithWebHostBuilder(_counter.InstallIn);
        var http = app.CreateClient();
        var now = Oslo.Now();
        await _db.Writer.WriteCallAsync(new CallRows(1, now.AddMinutes(-1), "__Callout_A").Order());

        await using var first = await HubClient.ConnectAsync(app.Server);
        await first.SubscribeAsync();
        var one = await MeasureAsync(http);

        var viewers = new List<HubClient>();
        for (var i = 0; i < 49; i++)
        {
            var viewer = await HubClient.ConnectAsync(app.Server);
            await viewer.SubscribeAsync(i % 2 == 0 ? [] : ["__Callout_A"]);
            viewers.Add(viewer);
        }
        var fifty = await MeasureAsync(http, viewersPolling: 50);
        foreach (var viewer in viewers)
        {
            await viewer.DisposeAsync();
        }

        Assert.True(one.Polls >= 5, $"only {one.Polls} polls measured");
        // Two statements a poll while nothing changes (row stamps, agent events) whatever the audience; a poll cut
        // by the window's edge can move the ratio by a fraction, a per-viewer query would multiply it.
        Assert.InRange(fifty.CallsPerPoll, one.CallsPerPoll - 0.5, one.CallsPerPoll + 0.5);
        Assert.InRange(fifty.CallsPerPoll, 1.5, 2.5);
        // Viewers must not starve the poller either (loosely: a busy 2-core machine slows both phases).
        Assert.True(fifty.Polls >= one.Polls / 2, $"{fifty.Polls} polls with fifty viewers against {one.Polls} with one");
    }

    /// <summary>Counts reader calls for two seconds while viewers read the board as fast as they like.</summary>
    private async Task<(int Polls, double CallsPerPoll)> MeasureAsync(HttpClient http, int viewersPolling = 1)
    {
        var (pollsBefore, callsBefore) = (_counter.Polls, _counter.Calls);
        var until = DateTime.UtcNow.AddSeconds(2);
        await Task.WhenAll(Enumerable.Range(0, viewersPolling).Select(async _ =>
        {
            while (DateTime.UtcNow < until)
            {
                await http.GetFromJsonAsync<JsonElement>("/api/board");
            }
        }));
        var (pollsAfter, callsAfter) = (_counter.Polls, _counter.Calls);
        var polls = pollsAfter - pollsBefore;
        return (polls, polls == 0 ? 0 : (double)(callsAfter - callsBefore) / polls);
    }
}
