namespace Callout.Dashboard.Tests.Reliability;

/// <summary>A pass-through reader that counts what the poller asks the database, and how many asks overlap.</summary>
public sealed class CountingReader : IRawDataReader
{
    private IRawDataReader _inner = null!;
    private int _polls;
    private int _calls;
    private int _running;
    private int _maxRunning;

    public int Polls => Volatile.Read(ref _polls);

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The most reader calls ever in flight at once: 1 means polls never overlapped.</summary>
    public int MaxConcurrent => Volatile.Read(ref _maxRunning);

    /// <summary>Puts this counter between the app's poller and its real reader.</summary>
    public void InstallIn(IWebHostBuilder builder) => builder.ConfigureTestServices(services =>
        services.AddSingleton<IRawDataReader>(sp =>
        {
            _inner = new RawDataReader(sp.GetRequiredService<IRawDataConnections>(), sp.GetRequiredService<IOptions<RawDataOptions>>().Value);
            return this;
        }));

    /// <summary>The first poll, and every poll after a failed one, starts by looking at the schema.</summary>
    public Task<RawDataSchema> DiscoverSchemaAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _polls);
        return CountAsync(() => _inner.DiscoverSchemaAsync(cancellationToken));
    }

    /// <summary>Every incremental poll reads the row stamps of its window (after the schema, when it looked at that first).</summary>
    public Task<RawRead<RowStamp>> ReadRowStampsAsync(DateTime since, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _polls);
        return CountAsync(() => _inner.ReadRowStampsAsync(since, cancellationToken));
    }

    public Task<RawRead<CallEventRow>> ReadCallsWithRowsAsync(DateTime since, IReadOnlyCollection<long> recIds, CancellationToken cancellationToken) =>
        CountAsync(() => _inner.ReadCallsWithRowsAsync(since, recIds, cancellationToken));

    public Task<RawRead<CallEventRow>> ReadStartupCallsAsync(StartupWindow window, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _polls);
        return CountAsync(() => _inner.ReadStartupCallsAsync(window, cancellationToken));
    }

    public Task<RawRead<AgentEventRow>> ReadChangedAgentEventsAsync(DateTime since, CancellationToken cancellationToken) =>
        CountAsync(() => _inner.ReadChangedAgentEventsAsync(since, cancellationToken));

    public Task<RawRead<AgentEventRow>> ReadAgentEventsFromAsync(DateTime from, CancellationToken cancellationToken) =>
        CountAsync(() => _inner.ReadAgentEventsFromAsync(from, cancellationToken));

    public Task<Watermarks> ReadNewestUpdatesAsync(CancellationToken cancellationToken) => CountAsync(() => _inner.ReadNewestUpdatesAsync(cancellationToken));

    public Task<RawRead<AgentRow>> ReadAgentsAsync(CancellationToken cancellationToken) => CountAsync(() => _inner.ReadAgentsAsync(cancellationToken));

    public Task<RawRead<QueueRow>> ReadQueuesAsync(CancellationToken cancellationToken) => CountAsync(() => _inner.ReadQueuesAsync(cancellationToken));

    private async Task<T> CountAsync<T>(Func<Task<T>> call)
    {
        Interlocked.Increment(ref _calls);
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _maxRunning, running);
        try
        {
            return await call();
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
