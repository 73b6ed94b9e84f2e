using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Callout.Dashboard.Domain;
using Callout.Dashboard.RawData;

namespace Callout.Dashboard.Benchmarks;

/// <summary>
/// What one server's poller costs the Raw data database (DESIGN.md, quality bar "Cost"): the incremental
/// poll with 0, 10 and 1000 changed calls, and the start-up load.
/// </summary>
public static partial class PollCostBenchmark
{
    private const int WarmUpRuns = 5;

    private static readonly int[] ChangedCallCases = [0, 10, 1000];

    // '__Callout_' with LIKE's wildcards escaped, as RawDataReader binds it.
    private const string CalloutPrefixPattern = @"\_\_Callout\_%";

    private sealed record PollCase(int Changed, long CallsInWindow, Summary Timing, int CallRows, int AgentRows, IReadOnlyList<string> Plan);

    private sealed record Summary(double P50, double P95, double Max);

    // The first load is what a restarted server waits for; the repeats show how much of it was a cold cache.
    private const int StartupRuns = 3;

    private sealed record Startup(IReadOnlyList<double> Milliseconds, int Rows, int Calls, double ManagedMb, double AllocatedMb, double WorkingSetMb, IReadOnlyList<string> Plan);

    public static async Task RunAsync(PollCostSettings settings, CancellationToken cancellationToken)
    {
        var options = new RawDataOptions { Provider = RawDataProvider.PostgreSql };
        var rules = new BoardRules();
        var now = rules.LocalNow(TimeProvider.System);

        await using var database = await BenchmarkDatabase.CreateAsync(settings.Connection, cancellationToken, settings.Database);
        var seedTime = Stopwatch.StartNew();
        var reused = await database.ReuseSeedAsync(cancellationToken);
        long callEvents, agentEvents;
        if (reused is { } kept)
        {
            (callEvents, agentEvents) = kept;
            // Its rows end where they ended when seeded: "today" is only the same on the day of that seed.
            Console.WriteLine($"poll-cost: reusing database {database.Name}: {callEvents:N0} call_events, {agentEvents:N0} agent_events (--rows ignored)");
        }
        else
        {
            Console.WriteLine($"poll-cost: database {database.Name}, seeding {settings.Rows:N0} call_events rows…");
            (callEvents, agentEvents) = await database.SeedAsync(settings.Rows, now, cancellationToken);
            Console.WriteLine($"seeded {callEvents:N0} call_events and {agentEvents:N0} agent_events in {seedTime.Elapsed.TotalSeconds:F1} s");
        }
        seedTime.Stop();

        var reader = new RawDataReader(database.Connections, options);
        var watermarks = await reader.ReadNewestUpdatesAsync(cancellationToken);
        var callsNewest = watermarks.Calls ?? throw new InvalidOperationException("Seeding wrote no call_events.");
        var agentsNewest = watermarks.AgentEvents ?? throw new InvalidOperationException("Seeding wrote no agent_events.");

        var cases = new List<PollCase>();
        for (var i = 0; i < ChangedCallCases.Length; i++)
        {
            // Each case stamps its rewritten calls a minute past the previous case's, so its window holds only them.
            cases.Add(await MeasurePollAsync(database, reader, options, ChangedCallCases[i], callsNewest, callsNewest.AddMinutes(i), agentsNewest, settings.Iterations, cancellationToken));
        }
        var startup = await MeasureStartupAsync(database, reader, options, rules, now, cancellationToken);

        Report(settings, options.OverlapWindow, callEvents, agentEvents, reused is null ? seedTime.Elapsed : null, cases, startup);
    }

    /// <summary>
    /// The poll BoardSync makes once it is loaded: the row stamps of the overlap window (10 minutes by default),
    /// the changed calls among them read whole, and changed agent events. Every run starts from what the poller had
    /// seen before the N calls were rewritten, so each run finds the same N calls new; the rest of the window (the
    /// newest seeded calls and earlier cases' rewrites) is re-listed but not re-read.
    /// </summary>
    private static async Task<PollCase> MeasurePollAsync(BenchmarkDatabase database, RawDataReader reader, RawDataOptions options,
        int changed, DateTime seededNewest, DateTime stamp, DateTime agentsNewest, int iterations, CancellationToken cancellationToken)
    {
        var since = (changed > 0 ? stamp : seededNewest) - options.OverlapWindow;
        var seen = (await reader.ReadRowStampsAsync(since, cancellationToken)).Rows;
        if (changed > 0)
        {
            await database.RewriteNewestCallsAsync(changed, stamp, cancellationToken);
        }
        var agentsSince = agentsNewest - options.OverlapWindow;
        var callsInWindow = await database.CountChangedCallsAsync(since, cancellationToken);

        ChangedCallsRead calls = null!;
        IReadOnlyList<AgentEventRow> agentRows = [];
        var timings = new double[iterations];
        for (var run = -WarmUpRuns; run < iterations; run++)
        {
            var changes = new ChangedCalls(reader, seen);
            var watch = Stopwatch.StartNew();
            calls = await changes.ReadAsync(since, cancellationToken);
            agentRows = (await reader.ReadChangedAgentEventsAsync(agentsSince, cancellationToken)).Rows;
            watch.Stop();
            if (run >= 0)
            {
                timings[run] = watch.Elapsed.TotalMilliseconds;
            }
        }

        var newRows = (await reader.ReadRowStampsAsync(since, cancellationToken)).Rows.Except(seen).Select(r => r.RecId).ToArray();
        var plan = new List<string> { "-- row stamps of the window:" };
        plan.AddRange(await database.QueryLinesAsync("EXPLAIN (ANALYZE, BUFFERS) " + await reader.RowStampsSqlAsync(cancellationToken), new { since }, cancellationToken));
        if (changed > 0)
        {
            plan.Add("-- the changed calls, read whole:");
            plan.AddRange(await database.QueryLinesAsync("EXPLAIN (ANALYZE, BUFFERS) " + await reader.CallsWithRowsSqlAsync(cancellationToken),
                new { since, recIds = newRows, prefix0 = CalloutPrefixPattern }, cancellationToken));
        }
        return new PollCase(changed, callsInWindow, Summarize(timings), calls.Rows.Count, agentRows.Count, plan);
    }

    /// <summary>BoardSync's first poll: what a board that never stopped would hold, and the open callouts of the look-back.</summary>
    private static async Task<Startup> MeasureStartupAsync(BenchmarkDatabase database, RawDataReader reader, RawDataOptions options, BoardRules rules,
        DateTime now, CancellationToken cancellationToken)
    {
        // Start on a fresh stack: the previous await may have resumed us inline, above a finished poll whose
        // frame still holds its rows, and those would be freed mid-measurement and hide the load's own memory.
        await Task.Yield();
        var window = new StartupWindow(rules.KeepFinishedFrom(now), rules.KeepOpenFrom(now), now.Date - options.ScheduledLookback, rules.ScheduledThreshold);
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var workingSetBefore = Environment.WorkingSet;
        var watch = Stopwatch.StartNew();
        var rows = (await reader.ReadStartupCallsAsync(window, cancellationToken)).Rows;
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        // Measured while the rows are still held: what the load keeps, not what it briefly allocated.
        var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetAfter = Environment.WorkingSet;
        var calls = rows.Select(r => r.CallId).Distinct().Count();
        GC.KeepAlive(rows);

        var timings = new List<double> { watch.Elapsed.TotalMilliseconds };
        for (var run = 1; run < StartupRuns; run++)
        {
            watch.Restart();
            await reader.ReadStartupCallsAsync(window, cancellationToken);
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        var thresholdSeconds = (int)rules.ScheduledThreshold.TotalSeconds;
        var plan = await database.QueryLinesAsync("EXPLAIN (ANALYZE, BUFFERS) " + await reader.StartupCallsSqlAsync(cancellationToken),
            new { recentFrom = window.RecentFrom, openFrom = window.OpenFrom, scheduledSince = window.ScheduledSince, scheduledThresholdSec = thresholdSeconds, prefix0 = CalloutPrefixPattern },
            cancellationToken, RawDataReader.StartupSettings);
        return new Startup(timings, rows.Count, calls, Megabytes(managedAfter - managedBefore),
            Megabytes(allocated), Megabytes(workingSetAfter - workingSetBefore), plan);
    }

    private static void Report(PollCostSettings settings, TimeSpan overlap, long callEvents, long agentEvents, TimeSpan? seedTime, IReadOnlyList<PollCase> cases, Startup startup)
    {
        Console.WriteLine();
        Console.WriteLine($"Incremental poll (ChangedCalls.ReadAsync + ReadChangedAgentEventsAsync), overlap {overlap}, {settings.Iterations} runs after {WarmUpRuns} warm-up:");
        Console.WriteLine($"{"changed calls",14} {"calls in window",16} {"call rows",10} {"agent rows",11} {"p50 ms",9} {"p95 ms",9} {"max ms",9}  indexes / scans in the plan");
        foreach (var c in cases)
        {
            Console.WriteLine($"{c.Changed,14} {c.CallsInWindow,16} {c.CallRows,10} {c.AgentRows,11} {c.Timing.P50,9:F3} {c.Timing.P95,9:F3} {c.Timing.Max,9:F3}  {string.Join(", ", Scans(c.Plan))}");
        }
        Console.WriteLine();
        Console.WriteLine($"Start-up load (ReadStartupCallsAsync): {startup.Milliseconds[0]:F1} ms (then {string.Join(", ", startup.Milliseconds.Skip(1).Select(m => m.ToString("F1")))} ms), " +
            $"{startup.Rows:N0} rows of {startup.Calls:N0} calls, managed heap {startup.ManagedMb:+0.0;-0.0} MB held ({startup.AllocatedMb:F1} MB allocated), " +
            $"working set {startup.WorkingSetMb:+0.0;-0.0} MB; scans: {string.Join(", ", Scans(startup.Plan))}");

        foreach (var c in cases)
        {
            Console.WriteLine();
            Console.WriteLine($"EXPLAIN (ANALYZE, BUFFERS) of the changed-calls query, {c.Changed} changed calls:");
            foreach (var line in c.Plan)
            {
                Console.WriteLine("  " + line);
            }
        }

        Console.WriteLine();
        Console.WriteLine("EXPLAIN (ANALYZE, BUFFERS) of the start-up query:");
        foreach (var line in startup.Plan)
        {
            Console.WriteLine("  " + line);
        }

        var figures = new Dictionary<string, object?>
        {
            ["benchmark"] = "poll-cost",
            ["rows"] = callEvents,
            ["agent_events"] = agentEvents,
            ["iterations"] = settings.Iterations,
            ["overlap_s"] = overlap.TotalSeconds,
            // null when a kept database was reused rather than seeded.
            ["seed_s"] = seedTime is { } seeded ? Math.Round(seeded.TotalSeconds, 1) : null,
        };
        foreach (var c in cases)
        {
            var key = $"poll{c.Changed}";
            figures[$"{key}_p50_ms"] = Math.Round(c.Timing.P50, 3);
            figures[$"{key}_p95_ms"] = Math.Round(c.Timing.P95, 3);
            figures[$"{key}_max_ms"] = Math.Round(c.Timing.Max, 3);
            figures[$"{key}_calls_in_window"] = c.CallsInWindow;
            figures[$"{key}_rows"] = c.CallRows;
            figures[$"{key}_agent_rows"] = c.AgentRows;
            figures[$"{key}_server_ms"] = ExecutionMilliseconds(c.Plan) ?? -1;
            figures[$"{key}_scans"] = Scans(c.Plan);
        }
        figures["startup_ms"] = Math.Round(startup.Milliseconds[0], 1);
        figures["startup_repeat_ms"] = startup.Milliseconds.Skip(1).Select(m => Math.Round(m, 1)).ToList();
        figures["startup_server_ms"] = ExecutionMilliseconds(startup.Plan) ?? -1;
        figures["startup_scans"] = Scans(startup.Plan);
        figures["startup_rows"] = startup.Rows;
        figures["startup_calls"] = startup.Calls;
        figures["startup_managed_mb"] = Math.Round(startup.ManagedMb, 1);
        figures["startup_allocated_mb"] = Math.Round(startup.AllocatedMb, 1);
        figures["startup_working_set_mb"] = Math.Round(startup.WorkingSetMb, 1);
        Console.WriteLine();
        Console.WriteLine(JsonSerializer.Serialize(figures));
    }

    /// <summary>Nearest-rank percentiles: every figure is a time that was actually measured.</summary>
    private static Summary Summarize(double[] timings)
    {
        var sorted = timings.Order().ToArray();
        double At(double quantile) => sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
        return new Summary(At(0.50), At(0.95), sorted[^1]);
    }

    /// <summary>The distinct scan nodes of a plan, e.g. "Index Scan ix_call_events_call_id", "Seq Scan call_events".</summary>
    private static List<string> Scans(IEnumerable<string> plan) =>
        [.. plan.Select(line => ScanNode().Match(line)).Where(m => m.Success)
            .Select(m => $"{m.Groups["node"].Value} {m.Groups["target"].Value}").Distinct()];

    private static double? ExecutionMilliseconds(IEnumerable<string> plan) =>
        plan.Select(line => ExecutionTime().Match(line)).Where(m => m.Success)
            .Select(m => (double?)double.Parse(m.Groups["ms"].Value, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();

    private static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);

    [GeneratedRegex(@"(?<node>Seq Scan|Index Only Scan|Bitmap Index Scan|Bitmap Heap Scan|Index Scan) (?:using |on )?(?<target>\w+)")]
    private static partial Regex ScanNode();

    [GeneratedRegex(@"Execution Time: (?<ms>[0-9.]+) ms")]
    private static partial Regex ExecutionTime();
}
