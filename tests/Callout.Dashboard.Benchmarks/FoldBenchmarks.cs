using BenchmarkDotNet.Attributes;
using Callout.Dashboard.Contracts;
using Callout.Dashboard.Domain;

namespace Callout.Dashboard.Benchmarks;

/// <summary>
/// The Board's fold, measured by BenchmarkDotNet (run through <see cref="FoldBenchmark"/>): folding an
/// hour of fresh rows, re-folding the unchanged overlap every poll re-reads, and taking a snapshot.
/// Public and unsealed because BenchmarkDotNet requires it.
/// </summary>
public class FoldBenchmarks
{
    private FoldWorkload _workload = null!;
    private Board _dayBoard = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = FoldWorkload.Shared;
        _dayBoard = _workload.NewBoard();
        _dayBoard.Apply(_workload.Day);
        // The re-apply case measures the idempotent path only if nothing in the overlap changes the board.
        if (_dayBoard.Apply(_workload.Overlap).Delta is { } delta)
        {
            throw new InvalidOperationException($"Re-applying the overlap changed the board ({delta.ChangedCalls.Count} calls, {delta.ChangedAgentIds.Count} agents).");
        }
    }

    /// <summary>One office hour of rows into a new Board: start-up, or a poller catching up.</summary>
    [Benchmark]
    public BoardState ApplyHour()
    {
        var board = _workload.NewBoard();
        board.Apply(_workload.Hour);
        return board.State;
    }

    /// <summary>An incremental poll with nothing new: the overlap window's rows folded into the full day again.</summary>
    [Benchmark]
    public ApplyResult ReapplyOverlap() => _dayBoard.Apply(_workload.Overlap);

    /// <summary>What every viewer's first render and every API call costs, on the full day.</summary>
    [Benchmark]
    public BoardSnapshot SnapshotDay() => _dayBoard.Snapshot(QueueFilter.All);
}
