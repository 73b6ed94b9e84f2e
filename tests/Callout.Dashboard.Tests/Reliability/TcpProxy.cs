namespace Callout.Dashboard.Tests.Reliability;

/// <summary>
/// A loopback TCP relay in front of the test PostgreSQL server. <see cref="Cut"/> drops every connection
/// and refuses new ones, as a network outage or a database restart would, while the server itself keeps
/// taking writes from the test; <see cref="Restore"/> lets traffic through again.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private volatile bool _cut;

    private TcpProxy(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>A proxy to the database of the given connection string, and that string rewritten to go through it.</summary>
    public static (TcpProxy Proxy, string ConnectionString) For(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var proxy = new TcpProxy(new IPEndPoint(IPAddress.Parse(builder.Host!), builder.Port));
        builder.Host = "127.0.0.1";
        builder.Port = proxy.Port;
        builder.Timeout = 2;
        return (proxy, builder.ConnectionString);
    }

    public void Cut()
    {
        _cut = true;
        lock (_open)
        {
            foreach (var client in _open)
            {
                // Linger 0 resets the connection, as a dead network does, instead of closing it politely.
                // A relay ending at the same moment may have disposed the socket already.
                try
                {
                    client.Client.LingerState = new LingerOption(true, 0);
                }
                catch (Exception ex) when (ex is ObjectDisposedException or SocketException or NullReferenceException)
                {
                }
                client.Dispose();
            }
            _open.Clear();
        }
    }

    public void Restore() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient incoming;
            try
            {
                incoming = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            if (_cut)
            {
                incoming.Client.LingerState = new LingerOption(true, 0);
                incoming.Dispose();
                continue;
            }
            _ = RelayAsync(incoming);
        }
    }

    private async Task RelayAsync(TcpClient incoming)
    {
        using var outgoing = new TcpClient();
        try
        {
            await outgoing.ConnectAsync(_target, _stop.Token);
            lock (_open)
            {
                _open.Add(incoming);
                _open.Add(outgoing);
            }
            using var ends = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = incoming.GetStream().CopyToAsync(outgoing.GetStream(), ends.Token);
            var down = outgoing.GetStream().CopyToAsync(incoming.GetStream(), ends.Token);
            await Task.WhenAny(up, down);
            ends.Cancel();
        }
        catch (Exception)
        {
            // A cut connection ends here, as it would on a real network.
        }
        finally
        {
            incoming.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        Cut();
        return ValueTask.CompletedTask;
    }
}
