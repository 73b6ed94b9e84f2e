using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using Callout.Dashboard.Domain;
using Callout.Dashboard.RawData;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Callout.Dashboard.Benchmarks;

public static partial class FanoutBenchmark
{
    /// <summary>A row the benchmark committed: when the write returned (Stopwatch timestamp) and its queue (index into the queue keys).</summary>
    internal readonly record struct Commit(long Timestamp, int Queue);

    /// <summary>Something that shows callouts to a person: a hub client of the dashboard or a naive self-polling viewer.</summary>
    internal abstract class Viewer(int? queue)
    {
        private readonly Dictionary<string, long> _firstSeen = new(StringComparer.Ordinal);

        /// <summary>Index of the one queue this viewer filters to; null for all queues.</summary>
        public int? Queue => queue;

        public bool Expects(int rowQueue) => queue is null || queue == rowQueue;

        public bool TryGetFirstSeen(string callId, out long timestamp)
        {
            lock (_firstSeen)
            {
                return _firstSeen.TryGetValue(callId, out timestamp);
            }
        }

        protected void Saw(string callId, long timestamp)
        {
            lock (_firstSeen)
            {
                _firstSeen.TryAdd(callId, timestamp);
            }
        }
    }

    /// <summary>
    /// A real SignalR client of /hubs/board over WebSockets. It records when each callId first appears in a
    /// Delta's activeCallouts, counts leaks (a callout of a queue outside its filter) and version gaps.
    /// </summary>
    internal sealed class HubViewer : Viewer, IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly string[] _queueKeys;
        private readonly string? _onlyQueueKey;
        private readonly TaskCompletionSource _snapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _version = -1;
        private int _leaks;
        private int _gaps;
        private int _deltas;
        private volatile bool _closed;

        public HubViewer(Uri hub, int? queue, IReadOnlyList<string> allQueueKeys) : base(queue)
        {
            _onlyQueueKey = queue is { } q ? allQueueKeys[q] : null;
            _queueKeys = _onlyQueueKey is null ? [] : [_onlyQueueKey];
            _connection = new HubConnectionBuilder()
                .WithUrl(hub, o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                })
                .Build();
            _connection.On<BoardProbe>("Snapshot", OnSnapshot);
            _connection.On<BoardProbe>("Delta", OnDelta);
            _connection.Closed += _ =>
            {
                _closed = true;
                return Task.CompletedTask;
            };
        }

        public int Leaks => Volatile.Read(ref _leaks);

        public int Gaps => Volatile.Read(ref _gaps);

        public int Deltas => Volatile.Read(ref _deltas);

        public bool Closed => _closed;

        /// <summary>Connects, calls Subscribe with this viewer's filter and waits for the Snapshot.</summary>
        public async Task ConnectAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            await _connection.StartAsync(limit.Token);
            await _connection.InvokeAsync("Subscribe", _queueKeys, limit.Token);
            await _snapshot.Task.WaitAsync(limit.Token);
        }

        public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

        private void OnSnapshot(BoardProbe snapshot)
        {
            CountLeaks(snapshot);
            Volatile.Write(ref _version, snapshot.Version);
            _snapshot.TrySetResult();
        }

        private void OnDelta(BoardProbe delta)
        {
            var received = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _deltas);
            if (delta.PreviousVersion != Volatile.Read(ref _version))
            {
                Interlocked.Increment(ref _gaps);
            }
            Volatile.Write(ref _version, delta.Version);
            CountLeaks(delta);
            foreach (var callout in delta.ActiveCallouts ?? [])
            {
                if (callout.CallId is { } id)
                {
                    Saw(id, received);
                }
            }
        }

        private void CountLeaks(BoardProbe message)
        {
            if (_onlyQueueKey is null)
            {
                return;
            }
            foreach (var callout in message.ActiveCallouts ?? [])
            {
                if (!string.Equals(callout.QueueKey, _onlyQueueKey, StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _leaks);
                }
            }
        }

        /// <summary>The part of a Snapshot or Delta the benchmark reads; the rest of the message is skipped.</summary>
        public sealed class BoardProbe
        {
            [JsonPropertyName("version")]
            public long Version { get; set; }

            [JsonPropertyName("previousVersion")]
            public long PreviousVersion { get; set; }

            [JsonPropertyName("activeCallouts")]
            public List<CalloutProbe>? ActiveCallouts { get; set; }
        }

        public sealed class CalloutProbe
        {
            [JsonPropertyName("callId")]
            public string? CallId { get; set; }

            [JsonPropertyName("queueKey")]
            public string? QueueKey { get; set; }
        }
    }

    /// <summary>Shared counters of the naive viewers: statements sent, failed polls, and each poll's duration.</summary>
    internal sealed class NaiveCounters
    {
        private long _queries;
        private long _failures;

        public long Queries => Interlocked.Read(ref _queries);

        public long Failures => Interlocked.Read(ref _failures);

        public ConcurrentQueue<double> PollMilliseconds { get; } = new();

        public string? LastError { get; private set; }

        public void Polled(int statements, double milliseconds)
        {
            Interlocked.Add(ref _queries, statements);
            PollMilliseconds.Enqueue(milliseconds);
        }

        public void Failed(Exception exception)
        {
            Interlocked.Increment(ref _failures);
            LastError = exception.Message;
        }
    }

    /// <summary>
    /// The naive design: a viewer that polls the database itself every poll interval with the dashboard's own
    /// SQL (changed calls and changed agent events since its own watermark less the overlap), and shows the
    /// callouts of its filter from the rows.
    /// </summary>
    internal sealed class NaiveViewer(int? queue, IReadOnlyList<string> allQueueKeys) : Viewer(queue)
    {
        private readonly string? _onlyQueueKey = queue is { } q ? allQueueKeys[q] : null;

        public async Task RunAsync(RawDataReader reader, RawDataOptions options, Watermarks start, NaiveCounters counters, CancellationToken cancellationToken)
        {
            var changes = new ChangedCalls(reader);
            var calls = start.Calls ?? DateTime.MinValue + options.OverlapWindow;
            var agents = start.AgentEvents ?? DateTime.MinValue + options.OverlapWindow;
            try
            {
                // Viewers open their pages at different moments: spread the polls over the interval.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * options.PollInterval.TotalMilliseconds), cancellationToken);
                using var timer = new PeriodicTimer(options.PollInterval);
                do
                {
                    var began = Stopwatch.GetTimestamp();
                    try
                    {
                        var changed = await changes.ReadAsync(calls - options.OverlapWindow, cancellationToken);
                        var agentRows = (await reader.ReadChangedAgentEventsAsync(agents - options.OverlapWindow, cancellationToken)).Rows;
                        var seen = Stopwatch.GetTimestamp();
                        // The row stamps and the agent events every time, the changed calls when there are any.
                        counters.Polled(changed.NewRowCount > 0 ? 3 : 2, Stopwatch.GetElapsedTime(began, seen).TotalMilliseconds);
                        foreach (var row in changed.Rows)
                        {
                            if (row.EventType == PuzzelCodes.Queue && (_onlyQueueKey is null || string.Equals(row.QueueKey, _onlyQueueKey, StringComparison.Ordinal)))
                            {
                                Saw(row.CallId.ToString(CultureInfo.InvariantCulture), seen);
                            }
                        }
                        var now = DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified);
                        calls = Min(Max(calls, changed.NewestStamp), now);
                        agents = Min(Max(agents, agentRows.Max(r => r.DteUpdated)), now);
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        counters.Failed(ex);
                    }
                }
                while (await timer.WaitForNextTickAsync(cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }

        private static DateTime Max(DateTime a, DateTime? b) => b is { } v && v > a ? v : a;

        private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    }
}
