using Callout.Dashboard.Contracts;
using System.Diagnostics.Metrics;
using Callout.Dashboard.Domain;
using Callout.Dashboard.Domain.Alarms;

namespace Callout.Dashboard.Metrics;

/// <summary>
/// The dashboard's own meter, <c>Callout.Dashboard</c>. The poller, the snapshot cache, the hub and the circuits record
/// into it as things happen; the board's version and data age are read off the board at each collection. It sits below
/// every feature that records, so it uses none of them: the hub hands it its connection count.
/// </summary>
public sealed class DashboardMeter
{
    public const string Name = "Callout.Dashboard";

    // A healthy incremental poll takes single-digit milliseconds (DESIGN.md), a snapshot less; a start-up load or a
    // timing-out database takes seconds. The SDK's default buckets (0, 5, 10, … 10,000) would put nearly all of it in one.
    private static readonly double[] s_seconds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    // An incremental poll reads a handful of rows; the start-up load reads the whole recent window.
    private static readonly int[] s_rows = [0, 1, 5, 10, 50, 100, 500, 1_000, 5_000, 10_000, 50_000, 100_000];

    private readonly Meter _meter;
    private readonly Histogram<double> _pollDuration;
    private readonly Histogram<int> _pollRows;
    private readonly Counter<long> _pollFailures;
    private readonly Histogram<double> _snapshotBuild;
    private readonly Counter<long> _deltas;
    private readonly UpDownCounter<int> _circuits;

    public DashboardMeter(IMeterFactory meters, Board board, TimeProvider clock)
    {
        _meter = meters.Create(Name);
        _pollDuration = _meter.CreateHistogram("callout.poll.duration", "s", "Time a successful Raw data poll took.",
            null, new InstrumentAdvice<double> { HistogramBucketBoundaries = s_seconds });
        _pollRows = _meter.CreateHistogram("callout.poll.rows", "{row}", "Call and agent-event rows a successful poll handed to the board.",
            null, new InstrumentAdvice<int> { HistogramBucketBoundaries = s_rows });
        _pollFailures = _meter.CreateCounter<long>("callout.poll.failures", "{failure}", "Raw data polls that failed.");
        _snapshotBuild = _meter.CreateHistogram("callout.snapshot.build.duration", "s", "Time building one view's snapshot took (cache misses only).",
            null, new InstrumentAdvice<double> { HistogramBucketBoundaries = s_seconds });
        _deltas = _meter.CreateCounter<long>("callout.hub.deltas", "{delta}", "Delta messages queued for hub clients, one per client.");
        _circuits = _meter.CreateUpDownCounter<int>("callout.ui.circuits", "{circuit}", "Open Blazor circuits, connected or waiting for their browser to come back.");
        // Every series exists from the start: Prometheus's increase() misses the first failure of a series that did not
        // exist before it, and a server with no circuit open shows 0 rather than no data.
        _pollFailures.Add(0);
        _deltas.Add(0);
        _circuits.Add(0);
        _meter.CreateObservableGauge("callout.board.version", () => board.State.Version, "{version}",
            "The board's version: it moves with every change a poll brings.");
        _meter.CreateObservableGauge("callout.board.data_age", () => DataAge(board, clock), "s", "Age of the newest Raw data row the board has seen.");
        _meter.CreateObservableGauge("callout.alarms.active", () => AlarmsActive(board), "{alarm}", "Alarms on now, by level (warning, alarm).");
    }

    public void PollSucceeded(TimeSpan duration, int rows)
    {
        _pollDuration.Record(duration.TotalSeconds);
        _pollRows.Record(rows);
    }

    public void PollFailed() => _pollFailures.Add(1);

    public void SnapshotBuilt(TimeSpan duration) => _snapshotBuild.Record(duration.TotalSeconds);

    public void DeltasSent(int clients) => _deltas.Add(clients);

    public void CircuitOpened() => _circuits.Add(1);

    public void CircuitClosed() => _circuits.Add(-1);

    /// <summary>Read at each collection; called once, by the hub's connection registry.</summary>
    public void ObserveHubConnections(Func<int> count) =>
        _meter.CreateObservableGauge("callout.hub.connections", count, "{connection}", "Open connections to /hubs/board.");

    /// <summary>Both levels always, so a dashboard's panel shows 0 rather than no data.</summary>
    private static IEnumerable<Measurement<int>> AlarmsActive(Board board)
    {
        var alarms = board.State.Alarms;
        return Enum.GetValues<AlarmLevel>().Select(level =>
            new Measurement<int>(alarms.Count(a => a.Level == level), new KeyValuePair<string, object?>("level", BoardJson.Name(level))));
    }

    /// <summary>None before the first row: no data is not the same as fresh data.</summary>
    private static IEnumerable<Measurement<double>> DataAge(Board board, TimeProvider clock) =>
        board.State.NewestRowAt is { } newest ? [new((clock.GetUtcNow() - board.Rules.WithOffset(newest)).TotalSeconds)] : [];
}
