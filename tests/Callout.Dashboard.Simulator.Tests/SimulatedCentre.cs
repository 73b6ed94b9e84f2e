namespace Callout.Dashboard.Simulator.Tests;

/// <summary>
/// Runs the generator minute by minute on a pinned clock and folds every write into a real Board, as the
/// poller would: rec_ids are handed out like a database does, new ones on every rewrite.
/// </summary>
internal sealed class SimulatedCentre
{
    public static readonly DateTime Start = new(2026, 11, 27, 8, 0, 0);

    private long _nextRecId = 1;

    public SimulatedCentre(int seed = 1, double rate = 20)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(Start, Oslo.Zone.GetUtcOffset(Start)));
        Board = new Board(new BoardRules { TimeZone = Oslo.Zone }, Clock);
        Generator = new TrafficGenerator(new CentreProfile { RatePerMinute = rate, TimeZone = Oslo.Zone, MaxArrivalDelay = TimeSpan.FromMinutes(2) }, seed, Start);
    }

    public FakeTimeProvider Clock { get; }

    public Board Board { get; }

    public TrafficGenerator Generator { get; }

    public List<RawDataWrite> Writes { get; } = [];

    /// <summary>What the Board reported about the rows it was given.</summary>
    public List<RowAnomaly> Anomalies { get; } = [];

    /// <summary>Advances a minute at a time, calling <paramref name="observe"/> with each minute's snapshot.</summary>
    public void Run(TimeSpan duration, Action<BoardSnapshot>? observe = null)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += TimeSpan.FromMinutes(1))
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            var writes = Generator.Advance(Board.Rules.LocalNow(Clock));
            Writes.AddRange(writes);
            var result = Board.Apply(new PollBatch(
                [.. writes.OfType<CallWrite>().GroupBy(w => w.CallId).SelectMany(g => g.Last().Rows.Select(r => r with { RecId = _nextRecId++ }))],
                [.. writes.OfType<AgentEventWrite>().Select(w => w.Row with { RecId = _nextRecId++ })]));
            Anomalies.AddRange(result.Anomalies);
            observe?.Invoke(Board.Snapshot(QueueFilter.All));
        }
    }
}
