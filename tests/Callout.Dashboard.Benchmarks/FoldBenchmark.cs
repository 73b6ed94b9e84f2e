using System.Text.Json;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Callout.Dashboard.Benchmarks;

/// <summary>
/// How fast the Board folds Raw data rows (<see cref="FoldBenchmarks"/>): rows per second and bytes allocated
/// per row for a fresh hour, the re-applied overlap of an idempotent poll, and a full-day snapshot.
/// Runs in process, so nothing is generated, built or restored at run time.
/// </summary>
public static class FoldBenchmark
{
    public const string Usage =
        "usage: fold [--quick]   (BenchmarkDotNet, in process; --quick: a few iterations, well under a minute)";

    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var quick = false;
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "--quick":
                    quick = true;
                    break;
                case "--help" or "-h":
                    Console.WriteLine(Usage);
                    return Task.FromResult(0);
                default:
                    Console.Error.WriteLine($"Unknown argument '{arg}'.");
                    Console.Error.WriteLine(Usage);
                    return Task.FromResult(2);
            }
        }

        // BenchmarkDotNet's run cannot be cancelled midway, and there is nothing to clean up: Ctrl+C ends the process.
        using var stop = cancellationToken.Register(() => ThreadPool.QueueUserWorkItem(_ =>
        {
            Console.Error.WriteLine("fold: cancelled");
            Environment.Exit(130);
        }));

        var summary = BenchmarkRunner.Run<FoldBenchmarks>(Config(quick));
        return Task.FromResult(Report(summary, quick));
    }

    private static IConfig Config(bool quick)
    {
        var job = quick
            // ShortRun trimmed further: one warm-up, three measured iterations of about 100 ms each.
            ? Job.ShortRun.WithWarmupCount(1).WithIterationCount(3).WithIterationTime(TimeInterval.FromMilliseconds(100)).WithId("Quick")
            // BenchmarkDotNet's defaults, bounded so the three cases finish in a few minutes on a shared machine.
            : Job.Default.WithMinIterationCount(10).WithMaxIterationCount(30).WithMaxWarmupCount(10).WithId("Full");
        return DefaultConfig.Instance
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default);
    }

    private static int Report(Summary summary, bool quick)
    {
        var apply = Find(summary, nameof(FoldBenchmarks.ApplyHour));
        var reapply = Find(summary, nameof(FoldBenchmarks.ReapplyOverlap));
        var snapshot = Find(summary, nameof(FoldBenchmarks.SnapshotDay));
        if (apply is null || reapply is null || snapshot is null)
        {
            Console.Error.WriteLine("fold: BenchmarkDotNet produced no result for every case (see its log above).");
            return 1;
        }

        var workload = FoldWorkload.Shared;
        var hourRows = FoldWorkload.RowsOf(workload.Hour);
        var overlapRows = FoldWorkload.RowsOf(workload.Overlap);
        var dayRows = FoldWorkload.RowsOf(workload.Day);

        Console.WriteLine();
        Console.WriteLine($"fold: {FoldWorkload.CallsPerMinute} calls/min simulated (seed {FoldWorkload.Seed}), board clock {FoldWorkload.Now:yyyy-MM-dd HH:mm} {FoldWorkload.Zone.Id}, {(quick ? "quick" : "full")} run");
        Console.WriteLine($"{"case",-16} {"rows/op",8} {"calls/op",9} {"mean",12} {"rows/s",12} {"bytes/op",12} {"bytes/row",10}");
        Line("apply hour", hourRows, workload.HourCalls, apply);
        Line("re-apply overlap", overlapRows, workload.OverlapCalls, reapply);
        Console.WriteLine($"{"snapshot day",-16} {"-",8} {workload.DayCalls,9} {Time(snapshot.MeanNs),12} {"-",12} {snapshot.Bytes,12:N0} {"-",10}");
        Console.WriteLine($"rows = call_events + agent_events rows in the batch; the snapshot reads a board folded from {dayRows:N0} rows of {workload.DayCalls:N0} calls.");
        Console.WriteLine();

        var figures = new Dictionary<string, object>
        {
            ["benchmark"] = "fold",
            ["rows_per_s"] = Math.Round(RowsPerSecond(hourRows, apply)),
            ["bytes_per_row"] = Math.Round(apply.Bytes / hourRows, 1),
            ["reapply_rows_per_s"] = Math.Round(RowsPerSecond(overlapRows, reapply)),
            ["reapply_bytes_per_row"] = Math.Round(reapply.Bytes / overlapRows, 1),
            ["snapshot_us"] = Math.Round(snapshot.MeanNs / 1_000, 1),
            ["snapshot_bytes"] = snapshot.Bytes,
            ["apply_ms"] = Math.Round(apply.MeanNs / 1_000_000, 3),
            ["reapply_us"] = Math.Round(reapply.MeanNs / 1_000, 2),
            ["hour_rows"] = hourRows,
            ["hour_calls"] = workload.HourCalls,
            ["overlap_rows"] = overlapRows,
            ["overlap_calls"] = workload.OverlapCalls,
            ["day_rows"] = dayRows,
            ["day_calls"] = workload.DayCalls,
            ["quick"] = quick,
        };
        Console.WriteLine(JsonSerializer.Serialize(figures));
        return 0;
    }

    private sealed record Result(double MeanNs, double Bytes);

    private static Result? Find(Summary summary, string method)
    {
        var report = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
        var bytes = report?.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
        return report?.ResultStatistics is { } statistics && bytes is { } b ? new Result(statistics.Mean, b) : null;
    }

    private static double RowsPerSecond(int rows, Result result) => rows / (result.MeanNs / 1e9);

    private static void Line(string name, int rows, int calls, Result result) =>
        Console.WriteLine($"{name,-16} {rows,8} {calls,9} {Time(result.MeanNs),12} {RowsPerSecond(rows, result),12:N0} {result.Bytes,12:N0} {result.Bytes / rows,10:F1}");

    private static string Time(double ns) =>
        ns >= 1e6 ? $"{ns / 1e6:F2} ms" : ns >= 1e3 ? $"{ns / 1e3:F2} us" : $"{ns:F0} ns";
}
