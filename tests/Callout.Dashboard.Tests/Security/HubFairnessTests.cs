using System.Text;
using Callout.Dashboard.Streaming;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace Callout.Dashboard.Tests.Security;

/// <summary>
/// Hardening item 9: no screen can stall the others. Over real sockets (Kestrel), one client subscribes and then
/// never reads; its TCP buffers are kept small (as a stalled tablet on a bad network soon has them full) so that it
/// stalls within a few deltas. Fifty real SignalR clients on the same view must keep getting every change on time,
/// and the stalled one is dropped once its queue is full.
/// </summary>
public sealed class HubFairnessTests : IAsyncLifetime
{
    private const int Readers = 50;
    private const int Rounds = 24;
    private const int CallsPerRound = 100;
    private static readonly TimeSpan s_onTime = TimeSpan.FromSeconds(5);

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreatePostgresAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Hub_OneClientStopsReading_FiftyOthersGetEveryChangeOnTime()
    {
        await using var app = DashboardApp.OnPostgres(_db.ConnectionString, ("RawData:PollInterval", "00:00:00.200"));
        using var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.Configure<SocketTransportOptions>(o => o.CreateBoundListenSocket = endpoint =>
        {
            // Accepted sockets take the listener's send buffer: a few KB instead of megabytes of autotuning.
            var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
            socket.SendBufferSize = 8 * 1024;
            return socket;
        })));
        host.UseKestrel(0);
        host.StartServer();
        var address = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var connections = host.Services.GetRequiredService<HubConnections>();

        using var stalled = await StalledClientAsync(address);
        var readers = new List<HubConnection>();
        var seen = new int[Readers];
        for (var i = 0; i < Readers; i++)
        {
            var reader = new HubConnectionBuilder().WithUrl(new Uri(address, "hubs/board"), o => o.Transports = HttpTransportType.WebSockets).Build();
            var index = i;
            reader.On<JsonElement>("Delta", delta => Interlocked.Exchange(ref seen[index], Math.Max(seen[index], NewestRound(delta))));
            await reader.StartAsync();
            await reader.InvokeAsync("Subscribe", Array.Empty<string>());
            readers.Add(reader);
        }

        var slowest = TimeSpan.Zero;
        try
        {
            for (var round = 1; round <= Rounds; round++)
            {
                var now = Oslo.Now();
                await _db.Writer.WriteCallsAsync([.. Enumerable.Range(0, CallsPerRound).Select(i => (IReadOnlyList<Callout.Dashboard.Domain.CallEventRow>)
                    new CallRows(round * 10_000 + i, now.AddSeconds(-1), "__Callout_Sales").Order())]);
                var started = DateTime.UtcNow;
                while (seen.Any(s => Volatile.Read(ref s) < round))
                {
                    Assert.True(DateTime.UtcNow - started < s_onTime,
                        $"Round {round}: {seen.Count(s => s < round)} of {Readers} readers had not got the change after {s_onTime.TotalSeconds} s.");
                    await Task.Delay(20);
                }
                slowest = Max(slowest, DateTime.UtcNow - started);
            }

            // The stalled one is dropped when its queue is full; the readers stay.
            await Eventually.Until(() => connections.Count == Readers, TimeSpan.FromSeconds(30), "the stalled connection dropped",
                () => $"{connections.Count} connections");
        }
        finally
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync();
            }
        }
        Assert.True(slowest < s_onTime);
    }

    /// <summary>The highest round whose calls a delta carries (call ids are round × 10 000 + n).</summary>
    private static int NewestRound(JsonElement delta) =>
        delta.GetProperty("activeCallouts").EnumerateArray().Select(c => (int)(long.Parse(c.GetProperty("callId").GetString()!) / 10_000)).DefaultIfEmpty(0).Max();

    /// <summary>A WebSocket client that subscribes and then never reads, on a socket with a small receive buffer.</summary>
    private static async Task<ClientWebSocket> StalledClientAsync(Uri address)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024, NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new ClientWebSocket();
        await client.ConnectAsync(new Uri($"ws://{address.Authority}/hubs/board"), new HttpMessageInvoker(handler), CancellationToken.None);
        foreach (var frame in new[] { """{"protocol":"json","version":1}""", """{"type":1,"target":"Subscribe","arguments":[[]]}""" })
        {
            await client.SendAsync(Encoding.UTF8.GetBytes(frame + "\u001e"), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        return client;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
