using System.Collections.Concurrent;

namespace Callout.Dashboard.Tests.Streaming;

/// <summary>A real SignalR client on the board hub, over WebSockets into the in-memory test server.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private HubClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonElement>("Snapshot", s => Messages.Enqueue(("Snapshot", s)));
        connection.On<JsonElement>("Delta", d => Messages.Enqueue(("Delta", d)));
    }

    public HubConnection Connection { get; }

    public ConcurrentQueue<(string Kind, JsonElement Body)> Messages { get; } = new();

    public IEnumerable<JsonElement> Deltas => Messages.Where(m => m.Kind == "Delta").Select(m => m.Body);

    /// <summary>Connects as a browser would: with a sign-in cookie, or a wall-display token in the query.</summary>
    public static async Task<HubClient> ConnectAsync(TestServer server, string? cookie = null, string? accessToken = null)
    {
        var path = accessToken is null ? "hubs/board" : $"hubs/board?access_token={Uri.EscapeDataString(accessToken)}";
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = server.CreateWebSocketClient();
                    if (cookie is not null)
                    {
                        client.ConfigureRequest = request => request.Headers.Cookie = cookie;
                    }
                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .Build();
        var client = new HubClient(connection);
        await connection.StartAsync();
        return client;
    }

    public async Task<JsonElement> SubscribeAsync(params string[] queueKeys)
    {
        var before = Messages.Count(m => m.Kind == "Snapshot");
        await Connection.InvokeAsync("Subscribe", queueKeys);
        return await WaitForAsync(() => Messages.Where(m => m.Kind == "Snapshot").Skip(before).Select(m => (JsonElement?)m.Body).FirstOrDefault());
    }

    public async Task<JsonElement> WaitForDeltaAsync(Func<JsonElement, bool> condition, int timeoutSeconds = 20)
    {
        try
        {
            return await WaitForAsync(() => Deltas.Where(condition).Select(d => (JsonElement?)d).FirstOrDefault(), timeoutSeconds);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} Received: {string.Join("\n", Messages.Select(m => m.Kind + " " + m.Body))}", ex);
        }
    }

    public static bool Mentions(JsonElement message, string callId) =>
        BoardLists.All.Where(list => list.HoldsCalls)
            .Any(list => message.GetProperty(list.Name).EnumerateArray().Any(c => c.GetProperty("callId").GetString() == callId));

    private static async Task<JsonElement> WaitForAsync(Func<JsonElement?> probe, int timeoutSeconds = 20) =>
        (await Eventually.Until(() => Task.FromResult(probe()), found => found is not null, TimeSpan.FromSeconds(timeoutSeconds), "a matching hub message",
            every: TimeSpan.FromMilliseconds(50)))!.Value;

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
