using Callout.Dashboard.Contracts;
using Callout.Dashboard.Domain;
using Callout.Dashboard.Simulator;
using Microsoft.Extensions.Time.Testing;

namespace Callout.Dashboard.Testing;

/// <summary>
/// Runs the generator step by step on a pinned clock and folds every write into a real Board, as the poller would:
/// rec_ids are handed out like a database does, new ones on every rewrite.
/// </summary>
public sealed class SimulatedCentre
{
    public static readonly DateTime Start = new(2026, 11, 27, 8, 0, 0);

    private long _nextRecId = 1;

    public SimulatedCentre(int seed = 1, double rate = 20)
        : this(new CentreProfile { RatePerMinute = rate, TimeZone = Oslo.Zone, MaxArrivalDelay = TimeSpan.FromMinutes(2) }, seed, Start)
    {
    }

    /// <summary>A centre of <paramref name="profile"/> (in Oslo's zone) whose simulation starts at <paramref name="start"/>.</summary>
    public SimulatedCentre(CentreProfile profile, int seed, DateTime start)
    {
        Clock = new FakeTimeProvider(Oslo.At(start));
        Board = new Board(new BoardRules { TimeZone = Oslo.Zone }, Clock);
        Generator = new TrafficGenerator(profile, seed, start);
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
            var snapshot = Step(TimeSpan.FromMinutes(1));
            observe?.Invoke(snapshot);
        }
    }

    /// <summary>Moves the clock on by <paramref name="by"/>, folds what became visible meanwhile, and returns the snapshot.</summary>
    public BoardSnapshot Step(TimeSpan by)
    {
        Clock.Advance(by);
        var writes = Generator.Advance(Board.Rules.LocalNow(Clock));
        Writes.AddRange(writes);
        var result = Board.Apply(new PollBatch(
            [.. writes.OfType<CallWrite>().GroupBy(w => w.CallId).SelectMany(g => g.Last().Rows.Select(r => r with { RecId = _nextRecId++ }))],
            [.. writes.OfType<AgentEventWrite>().Select(w => w.Row with { RecId = _nextRecId++ })]));
        Anomalies.AddRange(result.Anomalies);
        return Board.Snapshot(QueueFilter.All);
    }
}
