using System.Net.Http.Json;
using System.Text.Json;
using Callout.Dashboard.Domain;
using Callout.Dashboard.RawData;
using Callout.Dashboard.RawData.Tests.TestDatabases;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Tests.Hub;

/// <summary>The database is read by one loop per server: its work must not grow with the number of viewers.</summary>
public sealed class PollCostTests : IAsyncLifetime
{
    private readonly CountingReader _counter = new();
    private TestDatabase _db = null!;
    private DashboardApp _app = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreatePostgresAsync();
        _app = DashboardApp.OnPostgres(_db.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Poll_OneVersusFiftyViewers_SameReaderCallsPerPoll()
    {
        using var app = _app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<IRawDataReader>(sp => _counter.Wrapping(new RawDataReader(sp.GetRequiredService<IRawDataConnections>(), sp.GetRequiredService<IOptions<RawDataOptions>>().Value)))));
        var http = app.CreateClient();
        var now = DashboardApp.OsloNow();
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
        Assert.Equal(one.CallsPerPoll, fifty.CallsPerPoll, precision: 1);
        Assert.InRange(fifty.Polls, one.Polls - 3, one.Polls + 3);
    }

    /// <summary>Counts reader calls for two seconds while viewers read the board as fast as they like.</summary>
    private async Task<(int Polls, double CallsPerPoll)> MeasureAsync(HttpClient http, int viewersPolling = 1)
    {
        var (pollsBefore, callsBefore) = _counter.Read();
        var until = DateTime.UtcNow.AddSeconds(2);
        await Task.WhenAll(Enumerable.Range(0, viewersPolling).Select(async _ =>
        {
            while (DateTime.UtcNow < until)
            {
                await http.GetFromJsonAsync<JsonElement>("/api/board");
            }
        }));
        var (pollsAfter, callsAfter) = _counter.Read();
        var polls = pollsAfter - pollsBefore;
        return (polls, polls == 0 ? 0 : (double)(callsAfter - callsBefore) / polls);
    }

    /// <summary>A pass-through reader that counts what the poller asks the database.</summary>
    private sealed class CountingReader : IRawDataReader
    {
        private IRawDataReader _inner = null!;
        private int _polls;
        private int _calls;

        public CountingReader Wrapping(IRawDataReader inner)
        {
            _inner = inner;
            return this;
        }

        public (int Polls, int Calls) Read() => (Volatile.Read(ref _polls), Volatile.Read(ref _calls));

        public Task<IReadOnlyList<CallEventRow>> ReadChangedCallsAsync(DateTime since, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _polls);
            return Count(_inner.ReadChangedCallsAsync(since, cancellationToken));
        }

        public Task<IReadOnlyList<CallEventRow>> ReadStartupCallsAsync(DateTime today, DateTime scheduledSince, TimeSpan scheduledThreshold, CancellationToken cancellationToken) =>
            Count(_inner.ReadStartupCallsAsync(today, scheduledSince, scheduledThreshold, cancellationToken));

        public Task<IReadOnlyList<AgentEventRow>> ReadChangedAgentEventsAsync(DateTime since, CancellationToken cancellationToken) =>
            Count(_inner.ReadChangedAgentEventsAsync(since, cancellationToken));

        public Task<IReadOnlyList<AgentEventRow>> ReadAgentEventsFromAsync(DateTime from, CancellationToken cancellationToken) =>
            Count(_inner.ReadAgentEventsFromAsync(from, cancellationToken));

        public Task<Watermarks> ReadNewestUpdatesAsync(CancellationToken cancellationToken) => Count(_inner.ReadNewestUpdatesAsync(cancellationToken));

        public Task<IReadOnlyList<AgentRow>> ReadAgentsAsync(CancellationToken cancellationToken) => Count(_inner.ReadAgentsAsync(cancellationToken));

        public Task<IReadOnlyList<QueueRow>> ReadQueuesAsync(CancellationToken cancellationToken) => Count(_inner.ReadQueuesAsync(cancellationToken));

        private Task<T> Count<T>(Task<T> call)
        {
            Interlocked.Increment(ref _calls);
            return call;
        }
    }
}
