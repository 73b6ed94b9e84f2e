namespace Callout.Dashboard.Tests.Streaming;

/// <summary>/hubs/board with real SignalR clients against the real host and a real PostgreSQL database.</summary>
public sealed class BoardHubTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private DashboardApp _app = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreatePostgresAsync();
        _app = DashboardApp.OnPostgres(_db.ConnectionString);
        _app.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Subscribe_QueueA_GetsDeltaForRowOfA_AndNothingOfQueueB()
    {
        await using var onlyA = await HubClient.ConnectAsync(_app.Server);
        await using var everything = await HubClient.ConnectAsync(_app.Server);
        var snapshot = await onlyA.SubscribeAsync("__Callout_A");
        await everything.SubscribeAsync();
        Assert.Equal(0, snapshot.GetProperty("activeCallouts").GetArrayLength());

        var now = Oslo.Now();
        await _db.Writer.WriteCallAsync(new CallRows(101, now.AddSeconds(-30), "__Callout_A").Order());
        var deltaA = await onlyA.WaitForDeltaAsync(d => HubClient.Mentions(d, "101"));
        await _db.Writer.WriteCallAsync(new CallRows(202, now.AddSeconds(-20), "__Callout_B").Order());
        await everything.WaitForDeltaAsync(d => HubClient.Mentions(d, "202"));
        // A later change of A is the marker: a connection's messages come in order, so anything of B would be before it.
        await _db.Writer.WriteCallAsync(new CallRows(103, now.AddSeconds(-10), "__Callout_A").UpdatedAt(Oslo.Now()).Order());
        await onlyA.WaitForDeltaAsync(d => HubClient.Mentions(d, "103"));

        Assert.Equal("in-progress", deltaA.GetProperty("activeCallouts")[0].GetProperty("state").GetString());
        Assert.DoesNotContain(onlyA.Deltas, d => HubClient.Mentions(d, "202") || d.GetProperty("queues").EnumerateArray().Any(q => q.GetProperty("queueKey").GetString() == "__Callout_B"));
    }

    [Fact]
    public async Task Deltas_EachCarriesThePreviousVersion_SoGapsAreDetectable()
    {
        await using var client = await HubClient.ConnectAsync(_app.Server);
        var snapshot = await client.SubscribeAsync();
        var now = Oslo.Now();

        for (var i = 1; i <= 3; i++)
        {
            await _db.Writer.WriteCallAsync(new CallRows(300 + i, now.AddSeconds(-10 * i), "__Callout_A").UpdatedAt(Oslo.Now()).Order());
            await client.WaitForDeltaAsync(d => HubClient.Mentions(d, (300 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var version = snapshot.GetProperty("version").GetInt64();
        foreach (var delta in client.Deltas.ToList())
        {
            Assert.Equal(version, delta.GetProperty("previousVersion").GetInt64());
            version = delta.GetProperty("version").GetInt64();
        }
        Assert.True(version > snapshot.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Snapshot_HasTheApiShape()
    {
        var now = Oslo.Now();
        await _db.Writer.WriteCallAsync(new CallRows(9876543210987654321m, now.AddMinutes(-1), "__Callout_A").Order());
        var api = await _app.WaitForBoardAsync(b => b.GetProperty("activeCallouts").GetArrayLength() == 1);
        await using var client = await HubClient.ConnectAsync(_app.Server);

        var snapshot = await client.SubscribeAsync("__Callout_A");

        Assert.Equal(Names(api), Names(snapshot));
        Assert.Equal(Names(api.GetProperty("activeCallouts")[0]), Names(snapshot.GetProperty("activeCallouts")[0]));
        Assert.Equal("9876543210987654321", snapshot.GetProperty("activeCallouts")[0].GetProperty("callId").GetString());
    }

    [Fact]
    public async Task Subscribe_HostileArguments_GetClearErrorsAndTheConnectionSurvives()
    {
        await using var client = await HubClient.ConnectAsync(_app.Server);

        var tooMany = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync("Subscribe", Enumerable.Range(0, 101).Select(i => $"q{i}").ToArray()));
        var tooLong = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync("Subscribe", new[] { new string('x', 10_000) }));
        var junk = await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync("Subscribe", 42));
        await client.Connection.InvokeAsync("Subscribe", (string[]?)null);
        var sql = await client.SubscribeAsync("'; DROP TABLE call_events; --", "ø\u202e\u0000");

        Assert.Contains("at most 100", tooMany.Message);
        Assert.Contains("at most 200 characters", tooLong.Message);
        Assert.NotNull(junk.Message);
        Assert.Equal(0, sql.GetProperty("activeCallouts").GetArrayLength());
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
    }

    private static List<string> Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
