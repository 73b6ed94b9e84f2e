using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Callout.Dashboard.Domain;
using Callout.Dashboard.RawData;
using Callout.Dashboard.Simulator;
using Dapper;
using Npgsql;

namespace Callout.Dashboard.Benchmarks;

/// <summary>
/// Fan-out latency (DESIGN.md, quality bars "Latency", "Cost", "Scale"): the real dashboard as a child
/// process, N SignalR hub clients with a mix of queue filters, callouts inserted at a steady rate;
/// commit → client receipt, commit → DOM in a few Chromium pages, server CPU and memory, database queries
/// per second. Each round ends with the
/// naive baseline at the same N: every viewer polls the database itself.
/// </summary>
public static partial class FanoutBenchmark
{
    /// <summary>The four callout queues rows are spread over; filtered viewers take one each.</summary>
    public static readonly string[] QueueKeys = ["__Callout_Sales", "__Callout_Support", "__Callout_Billing", "__Callout_Field"];

    /// <summary>A row not on an expected screen this long after its commit counts as a miss.</summary>
    private static readonly TimeSpan DeliveryDeadline = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(120);

    private const int ConnectConcurrency = 20;

    private const int WarmUpSeconds = 2;

    /// <summary>Connections the naive phase leaves free on the database server for everyone else.</summary>
    private const int ConnectionReserve = 20;

    private static long s_nextCallId = 9_100_000_000_000;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (FanoutSettings.IsHelp(args))
        {
            Console.WriteLine(FanoutSettings.Usage);
            return 0;
        }
        if (!FanoutSettings.TryParse(args, out var settings, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(FanoutSettings.Usage);
            return 2;
        }

        using var stop = new TerminateSignal(cancellationToken);
        try
        {
            return await RunAsync(settings, stop.Token);
        }
        catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
        {
            Console.Error.WriteLine("fanout: cancelled; the dashboard process was stopped and the benchmark database dropped.");
            return 130;
        }
    }

    private static async Task<int> RunAsync(FanoutSettings settings, CancellationToken cancellationToken)
    {
        // The measuring side must not be what limits delivery: a thread pool that starts at two threads
        // grows slowly under a burst of 1,000 connections' callbacks. The dashboard keeps its defaults.
        ThreadPool.GetMinThreads(out var workers, out var completion);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(completion, 32));

        var chromium = BenchmarkChromium.Executable();
        if (settings.Pages > 0 && !File.Exists(chromium))
        {
            Console.Error.WriteLine(BenchmarkChromium.NotFound("fanout", chromium) + $" (It is needed for --pages {settings.Pages}; --pages 0 leaves it out.)");
            return 1;
        }
        var app = await ReleaseBuild.DashboardAsync("fanout", settings.AppPath, cancellationToken);
        var results = new List<RoundResult>();
        await using (var database = await BenchmarkDatabase.CreateAsync(settings.Connection, cancellationToken))
        {
            var databaseConnection = new NpgsqlConnectionStringBuilder(settings.Connection) { Database = database.Name }.ConnectionString;
            // The benchmark's own writes skip Npgsql's pool reset (DISCARD ALL, a transaction of its own), so
            // each write is exactly one transaction to take off the database's count.
            await using var writerSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(databaseConnection) { NoResetOnClose = true }.ConnectionString);
            var context = new RunContext(settings, app, chromium, database, databaseConnection, writerSource, new TransactionCounter(databaseConnection));
            Console.WriteLine($"fanout: database {database.Name}; dashboard {app}");
            // Npgsql loads the server's types on a data source's first connection: do it before any window.
            await context.Transactions.SampleAsync(cancellationToken);
            await using (await writerSource.OpenConnectionAsync(cancellationToken))
            {
            }

            foreach (var viewers in settings.Viewers)
            {
                RoundResult result;
                try
                {
                    result = await RunRoundAsync(context, viewers, cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    Console.WriteLine($"fanout: round with {viewers} viewers failed: {ex.GetType().Name}: {ex.Message}");
                    result = RoundResult.Failed(viewers, $"{ex.GetType().Name}: {ex.Message}");
                }
                results.Add(result);
                PrintRound(settings, result);
            }
        }

        PrintSummary(settings, results);
        Console.WriteLine(JsonLine(settings, results));
        return results.All(r => r.Error is null && r.NaiveError is null && r.Misses == 0 && r.Leaks == 0 && r.Naive?.Misses == 0 && (r.Dom?.Misses ?? 0) == 0) ? 0 : 1;
    }

    private sealed record RunContext(
        FanoutSettings Settings, string App, string Chromium, BenchmarkDatabase Database, string DatabaseConnection, NpgsqlDataSource WriterSource, TransactionCounter Transactions);

    /// <summary>
    /// One N: a fresh dashboard process with N hub clients, then that process stopped (its poller would add
    /// its own queries to the count) and N naive viewers polling the database themselves.
    /// </summary>
    private static async Task<RoundResult> RunRoundAsync(RunContext context, int count, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        Console.WriteLine();
        Console.WriteLine($"── {count} viewers ──");

        // Every other viewer sees all queues; the rest take the four queues in turn.
        var plan = Enumerable.Range(0, count).Select(i => i % 2 == 0 ? (int?)null : i / 2 % QueueKeys.Length).ToArray();
        RoundResult ours;
        await using (var server = DashboardProcess.Start(new Dictionary<string, string>
        {
            // The Chromium pages need blazor.web.js and MudBlazor's files, which an unpublished build serves only in
            // Development (from the build's static web assets manifest); without pages the server runs as deployed.
            ["ASPNETCORE_ENVIRONMENT"] = settings.Pages > 0 ? "Development" : "Production",
            ["RawData__Provider"] = RawDataProvider.PostgreSql,
            ["ConnectionStrings__RawData"] = context.DatabaseConnection,
            ["RawData__PollInterval"] = settings.PollInterval.ToString("c", CultureInfo.InvariantCulture),
            ["RawData__TimeZone"] = "UTC",
            ["Demo__Enabled"] = "false",
            ["Auth__Mode"] = "None",
            // Every simulated viewer comes from this machine's address, which the per-viewer limit would count as one.
            ["Streaming__ConnectionsPerViewer"] = "100000",
        },
        // The build output holds appsettings.json and the static web assets manifest.
        contentRoot: Path.GetDirectoryName(context.App), app: context.App))
        {
            await server.WaitUntilPollingAsync(TimeSpan.FromSeconds(90));
            Console.WriteLine($"dashboard pid {server.Id} at {server.Address}, polling every {settings.PollInterval.TotalMilliseconds:F0} ms");
            try
            {
                ours = await RunDashboardPhaseAsync(context, server, plan, cancellationToken);
            }
            catch when (server.HasExited)
            {
                Console.WriteLine($"fanout: the dashboard process exited (code {server.ExitCode}); its last output:\n{server.Output}");
                throw;
            }
            if (server.HasExited)
            {
                Console.WriteLine($"fanout: the dashboard process exited (code {server.ExitCode}) during the round; its last output:\n{server.Output}");
            }
        }
        // The stopped dashboard's backends exit and report their last transactions before the naive window opens.
        await Task.Delay(500, cancellationToken);
        try
        {
            return ours with { Naive = await RunNaivePhaseAsync(context, plan, cancellationToken) };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Console.WriteLine($"fanout: the naive phase with {count} viewers failed: {ex.GetType().Name}: {ex.Message}");
            return ours with { NaiveError = $"{ex.GetType().Name}: {ex.Message}" };
        }
    }

    /// <summary>N hub clients on the dashboard; rows inserted for the window; deliveries, CPU, memory and DB queries.</summary>
    private static async Task<RoundResult> RunDashboardPhaseAsync(RunContext context, DashboardProcess server, int?[] plan, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var hub = new Uri(server.Address, "hubs/board");
        var viewers = plan.Select(queue => new HubViewer(hub, queue, QueueKeys)).ToList();
        BrowserPages? pages = null;
        try
        {
            var connectWatch = Stopwatch.StartNew();
            var rssBeforeConnect = server.ResidentBytes();
            await ForEachAsync(viewers, ConnectConcurrency, v => v.ConnectAsync(ConnectTimeout, cancellationToken));
            connectWatch.Stop();
            Console.WriteLine($"connected and subscribed {viewers.Count} hub clients ({plan.Count(q => q is null)} all queues, " +
                $"{plan.Count(q => q is not null)} one queue) in {connectWatch.Elapsed.TotalSeconds:F1} s; server RSS " +
                $"{Megabytes(rssBeforeConnect):F0} → {Megabytes(server.ResidentBytes()):F0} MB");
            if (settings.Pages > 0)
            {
                var opening = Stopwatch.StartNew();
                pages = await BrowserPages.OpenAsync(context.Chromium, server.Address, settings.Pages, cancellationToken);
                Console.WriteLine($"opened {settings.Pages} dashboard page(s) in headless Chromium in {opening.Elapsed.TotalSeconds:F1} s");
            }
            // Warm-up, not measured: the connection burst settles and the poll → board → hub path is compiled
            // (the process started seconds ago) before the window opens.
            var writer = new RawDataWriter(new PostgreSqlConnections(context.WriterSource));
            await InsertAsync(writer, new ConcurrentDictionary<string, Commit>(StringComparer.Ordinal), settings.Rate, WarmUpSeconds, cancellationToken);
            await Task.Delay(settings.PollInterval, cancellationToken);
            if (pages is not null)
            {
                await pages.SettleAsync(settings.PollInterval * 2, cancellationToken);
            }

            var commits = new ConcurrentDictionary<string, Commit>(StringComparer.Ordinal);
            using var sampler = new ProcessSampler(server);
            var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var before = await context.Transactions.SampleAsync(cancellationToken);
            var window = await InsertAsync(writer, commits, settings.Rate, settings.Seconds, cancellationToken);
            // Closing the writer's idle connections makes their backends report their transactions now.
            context.WriterSource.Clear();
            await Task.Delay(200, cancellationToken);
            var after = await context.Transactions.SampleAsync(cancellationToken);
            var serverFigures = sampler.Stop();
            var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore).TotalSeconds / after.Elapsed(before).TotalSeconds * 100;

            // Our own transactions in the window: one per write, plus the first sample's own statement.
            var dashboardQueries = (after.Transactions - before.Transactions - window.Writes - 1) / after.Elapsed(before).TotalSeconds;

            await DrainAsync(viewers, commits, cancellationToken);
            var deliveries = Deliveries.Measure(viewers, commits);
            Deliveries? dom = null;
            if (pages is not null)
            {
                await pages.DrainAsync(commits, cancellationToken);
                dom = Deliveries.Measure(pages.Viewers, commits);
                Console.WriteLine($"Chromium pages: {dom.Delivered:N0} of {dom.Expected:N0} expected callouts counted on screen");
            }
            Console.WriteLine($"inserted {window.Writes} callouts at {settings.Rate:0.##}/s in {window.Elapsed.TotalSeconds:F1} s; " +
                $"{deliveries.Delivered:N0} of {deliveries.Expected:N0} expected deliveries");

            return new RoundResult(
                Viewers: plan.Length,
                AllQueueViewers: plan.Count(q => q is null),
                ConnectSeconds: connectWatch.Elapsed.TotalSeconds,
                Rows: window.Writes,
                Expected: deliveries.Expected,
                Delivered: deliveries.Delivered,
                Misses: deliveries.Misses,
                Leaks: viewers.Sum(v => v.Leaks),
                Gaps: viewers.Sum(v => v.Gaps),
                Disconnects: viewers.Count(v => v.Closed),
                Latency: deliveries.Latency,
                ServerCpuPct: serverFigures.MeanCpuPercent,
                ServerCpuPeakPct: serverFigures.PeakCpuPercent,
                ServerRssMb: Megabytes(serverFigures.PeakResidentBytes),
                ClientCpuPct: clientCpu,
                DbQueriesPerSecond: dashboardQueries,
                Naive: null,
                Error: null)
            {
                Dom = dom,
            };
        }
        finally
        {
            if (pages is not null)
            {
                await pages.DisposeAsync();
            }
            await ForEachAsync(viewers, 50, async v => await v.DisposeAsync());
        }
    }

    /// <summary>
    /// The same viewers, each polling the database itself with the dashboard's reader and Npgsql's default
    /// pooling (as the dashboard uses it), sharing one pool capped below the server's connection limit.
    /// </summary>
    private static async Task<NaiveResult> RunNaivePhaseAsync(RunContext context, int?[] plan, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var free = await context.Transactions.FreeConnectionsAsync(cancellationToken) - ConnectionReserve;
        var pool = Math.Max(1, Math.Min(Math.Min(settings.NaiveMaxConnections, plan.Length), free));
        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(context.DatabaseConnection)
        {
            MaxPoolSize = pool,
            // With more viewers than connections a poll first queues for one, as it would in a shared pool.
            Timeout = 60,
        }.ConnectionString);
        var options = new RawDataOptions { Provider = RawDataProvider.PostgreSql, PollInterval = settings.PollInterval };
        var reader = new RawDataReader(new PostgreSqlConnections(dataSource), options);
        var viewers = plan.Select(queue => new NaiveViewer(queue, QueueKeys)).ToList();
        var counters = new NaiveCounters();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new List<Task>();
        try
        {
            var start = await reader.ReadNewestUpdatesAsync(cancellationToken);
            running.AddRange(viewers.Select(v => Task.Run(() => v.RunAsync(reader, options, start, counters, stop.Token), CancellationToken.None)));
            // Every viewer has made its first poll (spread over one interval) before the window opens.
            await Task.Delay(settings.PollInterval + TimeSpan.FromMilliseconds(500), cancellationToken);

            var commits = new ConcurrentDictionary<string, Commit>(StringComparer.Ordinal);
            var writer = new RawDataWriter(new PostgreSqlConnections(context.WriterSource));
            var queriesBefore = counters.Queries;
            var pollsBefore = counters.PollMilliseconds.Count;
            var before = await context.Transactions.SampleAsync(cancellationToken);
            var window = await InsertAsync(writer, commits, settings.Rate, settings.Seconds, cancellationToken);
            var statements = (counters.Queries - queriesBefore) / window.Elapsed.TotalSeconds;
            var polls = counters.PollMilliseconds.Skip(pollsBefore).ToArray();
            await DrainAsync(viewers, commits, cancellationToken);

            // The viewers poll at the same pace through the drain: the database's count runs until they stop
            // and their connections close, which makes every backend report its last transactions.
            await stop.CancelAsync();
            await Task.WhenAll(running);
            await dataSource.DisposeAsync();
            context.WriterSource.Clear();
            await Task.Delay(300, cancellationToken);
            var after = await context.Transactions.SampleAsync(cancellationToken);
            var transactions = (after.Transactions - before.Transactions - window.Writes - 1) / after.Elapsed(before).TotalSeconds;

            var deliveries = Deliveries.Measure(viewers, commits);
            Console.WriteLine($"naive: {viewers.Count} self-polling viewers sharing {pool} connections; " +
                $"{deliveries.Delivered:N0} of {deliveries.Expected:N0} expected sightings; {counters.Failures} failed polls" +
                (counters.LastError is { } last ? $" (last: {last})" : ""));
            return new NaiveResult(
                Connections: pool,
                QueriesPerSecond: transactions,
                StatementsPerSecond: statements,
                Latency: deliveries.Latency,
                PollMilliseconds: Percentiles.Of(polls),
                Expected: deliveries.Expected,
                Misses: deliveries.Misses,
                FailedPolls: counters.Failures);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(running);
            await dataSource.DisposeAsync();
        }
    }

    /// <summary>Inserts rate × seconds callouts evenly over the window; each commit is timed right after its write returns.</summary>
    private static async Task<InsertWindow> InsertAsync(RawDataWriter writer, ConcurrentDictionary<string, Commit> commits, double rate, int seconds, CancellationToken cancellationToken)
    {
        var count = Math.Max(1, (int)Math.Round(rate * seconds));
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var wait = TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
            var callId = Interlocked.Increment(ref s_nextCallId);
            var queue = i % QueueKeys.Length;
            await writer.WriteCallAsync(Order(callId, QueueKeys[queue]), cancellationToken);
            commits[callId.ToString(CultureInfo.InvariantCulture)] = new Commit(Stopwatch.GetTimestamp(), queue);
        }
        var rest = TimeSpan.FromSeconds(seconds) - Stopwatch.GetElapsedTime(started);
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest, cancellationToken);
        }
        return new InsertWindow(count, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Puzzel's first session of a callout (domain notes §4): the Initiation carrying the called number and
    /// the Queue event with result 'q', stamped now in the dashboard's Raw data zone (UTC here).
    /// </summary>
    private static List<CallEventRow> Order(long callId, string queueKey)
    {
        var now = DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified);
        var orderedAt = now.AddSeconds(-1);
        var destination = "4722" + (callId % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        return
        [
            new CallEventRow { RecId = 0, CallId = callId, CallSequence = 1, DteStart = orderedAt, DurationTotSec = 1, EventType = PuzzelCodes.Initiation, Source = destination, DteUpdated = now },
            new CallEventRow { RecId = 0, CallId = callId, CallSequence = 2, DteStart = orderedAt, DurationTotSec = 0, EventType = PuzzelCodes.Queue, QueueKey = queueKey, ResultCode = "q", DteUpdated = now },
        ];
    }

    /// <summary>Waits until every expected (row, viewer) pair was seen, or the delivery deadline after the last commit.</summary>
    private static Task DrainAsync(IReadOnlyList<Viewer> viewers, ConcurrentDictionary<string, Commit> commits, CancellationToken cancellationToken) =>
        UntilDeliveredAsync(
            commits,
            () => Task.FromResult(commits.All(c => viewers.All(v => !v.Expects(c.Value.Queue) || v.TryGetFirstSeen(c.Key, out _)))),
            cancellationToken);

    /// <summary>Polls <paramref name="delivered"/> until it holds, or the delivery deadline after the last commit passed.</summary>
    private static async Task UntilDeliveredAsync(ConcurrentDictionary<string, Commit> commits, Func<Task<bool>> delivered, CancellationToken cancellationToken)
    {
        var last = commits.Values.Select(c => c.Timestamp).DefaultIfEmpty(Stopwatch.GetTimestamp()).Max();
        while (Stopwatch.GetElapsedTime(last) < DeliveryDeadline)
        {
            if (await delivered())
            {
                return;
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    private static async Task ForEachAsync<T>(IEnumerable<T> items, int concurrency, Func<T, Task> action)
    {
        using var gate = new SemaphoreSlim(concurrency);
        var tasks = items.Select(async item =>
        {
            await gate.WaitAsync();
            try
            {
                await action(item);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks);
    }

    private static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);

    private static void PrintRound(FanoutSettings settings, RoundResult r)
    {
        if (r.Error is not null)
        {
            Console.WriteLine($"{r.Viewers} viewers: FAILED: {r.Error}");
            return;
        }
        var n = r.Naive;
        var bar = settings.PollInterval.TotalMilliseconds + 250;
        Console.WriteLine();
        Console.WriteLine($"{r.Viewers} viewers ({r.AllQueueViewers} all queues, {r.Viewers - r.AllQueueViewers} one of 4), " +
            $"{r.Rows} rows at {settings.Rate:0.##}/s over {settings.Seconds} s, poll interval {settings.PollInterval.TotalMilliseconds:F0} ms");
        Console.WriteLine($"  {"",-34} {"dashboard (1 poller + hub)",28} {"naive (each viewer polls)",28} {"naive/ours",11}");
        Row("commit → screen p50 ms", r.Latency.P50, n?.Latency.P50);
        Row("commit → screen p95 ms", r.Latency.P95, n?.Latency.P95);
        Row("commit → screen p99 ms", r.Latency.P99, n?.Latency.P99);
        Row("commit → screen max ms", r.Latency.Max, n?.Latency.Max);
        Row("DB queries/s", r.DbQueriesPerSecond, n?.QueriesPerSecond);
        if (r.Dom is { } dom)
        {
            Console.WriteLine($"  {$"commit → DOM p50/p95/p99/max ms ({settings.Pages} Chromium pages)",-34} {$"{dom.Latency.P50:F0} / {dom.Latency.P95:F0} / {dom.Latency.P99:F0} / {dom.Latency.Max:F0}",28}");
            Console.WriteLine($"  {"commit → DOM misses",-34} {$"{dom.Misses} of {dom.Expected}",28}");
        }
        Console.WriteLine($"  {"deliveries (expected pairs)",-34} {$"{r.Delivered:N0}/{r.Expected:N0}",28} {$"{n?.Expected - n?.Misses:N0}/{n?.Expected:N0}",28}");
        Console.WriteLine($"  {"misses / leaks",-34} {$"{r.Misses} / {r.Leaks}",28} {$"{n?.Misses} / -",28}");
        Console.WriteLine($"  {"server CPU % of a core (mean/peak)",-34} {$"{r.ServerCpuPct:F1} / {r.ServerCpuPeakPct:F1}",28}");
        Console.WriteLine($"  {"server RSS MB (peak)",-34} {r.ServerRssMb,28:F0}");
        Console.WriteLine($"  {"benchmark process CPU %",-34} {r.ClientCpuPct,28:F1}");
        Console.WriteLine($"  {"version gaps / disconnects",-34} {$"{r.Gaps} / {r.Disconnects}",28}");
        if (r.NaiveError is not null)
        {
            Console.WriteLine($"  naive phase failed: {r.NaiveError}");
        }
        if (n is not null)
        {
            Console.WriteLine($"  {"naive: pool connections",-34} {"",28} {n.Connections,28}");
            Console.WriteLine($"  {"naive: poll duration p50/p95 ms",-34} {"",28} {$"{n.PollMilliseconds.P50:F1} / {n.PollMilliseconds.P95:F1}",28}");
            Console.WriteLine($"  {"naive: failed polls",-34} {"",28} {n.FailedPolls,28}");
            Console.WriteLine($"  {"naive: statements sent/s",-34} {"",28} {n.StatementsPerSecond,28:F1}");
        }
        Console.WriteLine($"  p95 ≤ poll interval + 250 ms ({bar:F0} ms): {(r.Latency.Count > 0 && r.Latency.P95 <= bar ? "yes" : "NO")}");

        void Row(string label, double ours, double? theirs) =>
            Console.WriteLine($"  {label,-34} {ours,28:F1} {(theirs is { } t ? t.ToString("F1", CultureInfo.InvariantCulture) : "-"),28} " +
                $"{(theirs is { } u && ours > 0 ? (u / ours).ToString("F1", CultureInfo.InvariantCulture) + "×" : "-"),11}");
    }

    private static void PrintSummary(FanoutSettings settings, IReadOnlyList<RoundResult> results)
    {
        Console.WriteLine();
        Console.WriteLine($"Summary (poll interval {settings.PollInterval.TotalMilliseconds:F0} ms, {settings.Rate:0.##} rows/s, {settings.Seconds} s per window):");
        Console.WriteLine($"{"viewers",8} {"p50",7} {"p95",7} {"p99",7} {"max",7} {"miss",5} {"leak",5} {"cpu%",6} {"rss MB",7} {"q/s",6} {"naive q/s",10} {"naive p50",10} {"naive p95",10} {"q ratio",8} {"dom p50",8} {"dom p95",8}");
        foreach (var r in results)
        {
            if (r.Error is not null)
            {
                Console.WriteLine($"{r.Viewers,8} failed: {r.Error}");
                continue;
            }
            var n = r.Naive ?? EmptyNaive;
            Console.WriteLine($"{r.Viewers,8} {r.Latency.P50,7:F0} {r.Latency.P95,7:F0} {r.Latency.P99,7:F0} {r.Latency.Max,7:F0} {r.Misses,5} {r.Leaks,5} " +
                $"{r.ServerCpuPct,6:F1} {r.ServerRssMb,7:F0} {r.DbQueriesPerSecond,6:F1} {n.QueriesPerSecond,10:F1} {n.Latency.P50,10:F0} {n.Latency.P95,10:F0} {Ratio(n.QueriesPerSecond, r.DbQueriesPerSecond),8:F1} {(r.Dom is { } d ? d.Latency.P50.ToString("F0", CultureInfo.InvariantCulture) : "-"),8} {(r.Dom is { } e ? e.Latency.P95.ToString("F0", CultureInfo.InvariantCulture) : "-"),8}");
        }
    }

    private static string JsonLine(FanoutSettings settings, IReadOnlyList<RoundResult> results)
    {
        var rows = new List<Dictionary<string, object?>>();
        foreach (var r in results)
        {
            var row = new Dictionary<string, object?> { ["viewers"] = r.Viewers };
            if (r.Error is not null)
            {
                row["error"] = r.Error;
                rows.Add(row);
                continue;
            }
            var n = r.Naive ?? EmptyNaive;
            row["p50_ms"] = Round(r.Latency.P50);
            row["p95_ms"] = Round(r.Latency.P95);
            row["p99_ms"] = Round(r.Latency.P99);
            row["max_ms"] = Round(r.Latency.Max);
            row["misses"] = r.Misses;
            row["leaks"] = r.Leaks;
            row["server_cpu_pct"] = Round(r.ServerCpuPct);
            row["server_rss_mb"] = Round(r.ServerRssMb);
            row["db_queries_per_s"] = Round(r.DbQueriesPerSecond);
            row["naive_db_queries_per_s"] = r.Naive is null ? null : Round(n.QueriesPerSecond);
            row["naive_p50_ms"] = r.Naive is null ? null : Round(n.Latency.P50);
            row["naive_p95_ms"] = r.Naive is null ? null : Round(n.Latency.P95);
            row["query_ratio"] = r.Naive is null ? null : Round(Ratio(n.QueriesPerSecond, r.DbQueriesPerSecond));
            row["latency_ratio_p50"] = r.Naive is null ? null : Round(Ratio(n.Latency.P50, r.Latency.P50));
            row["latency_ratio_p95"] = r.Naive is null ? null : Round(Ratio(n.Latency.P95, r.Latency.P95));
            row["rows"] = r.Rows;
            row["expected_deliveries"] = r.Expected;
            row["delivered"] = r.Delivered;
            row["version_gaps"] = r.Gaps;
            row["disconnects"] = r.Disconnects;
            row["connect_s"] = Round(r.ConnectSeconds);
            row["server_cpu_peak_pct"] = Round(r.ServerCpuPeakPct);
            row["client_cpu_pct"] = Round(r.ClientCpuPct);
            row["naive_p99_ms"] = r.Naive is null ? null : Round(n.Latency.P99);
            row["naive_misses"] = r.Naive is null ? null : (object)n.Misses;
            row["naive_connections"] = r.Naive is null ? null : (object)n.Connections;
            row["naive_poll_p95_ms"] = r.Naive is null ? null : Round(n.PollMilliseconds.P95);
            row["naive_failed_polls"] = r.Naive is null ? null : (object)n.FailedPolls;
            row["naive_statements_per_s"] = r.Naive is null ? null : Round(n.StatementsPerSecond);
            if (r.Dom is { } dom)
            {
                row["dom_pages"] = settings.Pages;
                row["dom_p50_ms"] = Round(dom.Latency.P50);
                row["dom_p95_ms"] = Round(dom.Latency.P95);
                row["dom_p99_ms"] = Round(dom.Latency.P99);
                row["dom_max_ms"] = Round(dom.Latency.Max);
                row["dom_misses"] = dom.Misses;
            }
            if (r.NaiveError is not null)
            {
                row["naive_error"] = r.NaiveError;
            }
            rows.Add(row);
        }
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["benchmark"] = "fanout",
            ["poll_interval_ms"] = (int)settings.PollInterval.TotalMilliseconds,
            ["rate_per_s"] = settings.Rate,
            ["seconds"] = settings.Seconds,
            ["results"] = rows,
        });
    }

    private static readonly NaiveResult EmptyNaive = new(0, 0, 0, Percentiles.Of([]), Percentiles.Of([]), 0, 0, 0);

    private static double Ratio(double naive, double ours) => ours > 0 ? naive / ours : 0;

    private static double Round(double value) => Math.Round(value, 1);

    private sealed record InsertWindow(int Writes, TimeSpan Elapsed);

    private sealed record RoundResult(
        int Viewers,
        int AllQueueViewers,
        double ConnectSeconds,
        int Rows,
        long Expected,
        long Delivered,
        long Misses,
        int Leaks,
        int Gaps,
        int Disconnects,
        Percentiles Latency,
        double ServerCpuPct,
        double ServerCpuPeakPct,
        double ServerRssMb,
        double ClientCpuPct,
        double DbQueriesPerSecond,
        NaiveResult? Naive,
        string? Error)
    {
        public string? NaiveError { get; init; }

        /// <summary>Commit → DOM over the Chromium pages; null when none were opened.</summary>
        public Deliveries? Dom { get; init; }

        public static RoundResult Failed(int viewers, string error) =>
            new(viewers, 0, 0, 0, 0, 0, 0, 0, 0, 0, Percentiles.Of([]), 0, 0, 0, 0, 0, null, error);
    }

    private sealed record NaiveResult(
        int Connections,
        double QueriesPerSecond,
        double StatementsPerSecond,
        Percentiles Latency,
        Percentiles PollMilliseconds,
        long Expected,
        long Misses,
        long FailedPolls);

    /// <summary>Commit → first sight over every (row, viewer whose filter includes the row's queue) pair.</summary>
    internal sealed record Deliveries(long Expected, long Delivered, long Misses, Percentiles Latency)
    {
        public static Deliveries Measure(IReadOnlyList<Viewer> viewers, ConcurrentDictionary<string, Commit> commits)
        {
            var latencies = new List<double>();
            long expected = 0;
            long misses = 0;
            var deadline = DeliveryDeadline.TotalMilliseconds;
            foreach (var (callId, commit) in commits)
            {
                foreach (var viewer in viewers.Where(v => v.Expects(commit.Queue)))
                {
                    expected++;
                    var ms = viewer.TryGetFirstSeen(callId, out var seen) ? Stopwatch.GetElapsedTime(commit.Timestamp, seen).TotalMilliseconds : double.PositiveInfinity;
                    if (ms <= deadline)
                    {
                        latencies.Add(ms);
                    }
                    else
                    {
                        misses++;
                    }
                }
            }
            return new Deliveries(expected, latencies.Count, misses, Percentiles.Of([.. latencies]));
        }
    }

    /// <summary>Nearest-rank percentiles: every figure is a time that was actually measured.</summary>
    internal sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
    {
        public static Percentiles Of(double[] values)
        {
            if (values.Length == 0)
            {
                return new Percentiles(0, 0, 0, 0, 0);
            }
            var sorted = values.Order().ToArray();
            double At(double quantile) => sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
            return new Percentiles(sorted.Length, At(0.50), At(0.95), At(0.99), sorted[^1]);
        }
    }

    /// <summary>
    /// Transactions committed or rolled back in the benchmark database, from pg_stat_database. Every statement
    /// the dashboard sends is its own transaction, so the delta is its query count once our own transactions
    /// (writes, these samples) are taken off. Unpooled: each sample's backend exits and reports at once.
    /// </summary>
    private sealed class TransactionCounter(string databaseConnection)
    {
        private const string Sql = "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()";

        private readonly string _connection = new NpgsqlConnectionStringBuilder(databaseConnection) { Pooling = false }.ConnectionString;

        public async Task<TransactionSample> SampleAsync(CancellationToken cancellationToken)
        {
            await using var connection = new NpgsqlConnection(_connection);
            await connection.OpenAsync(cancellationToken);
            var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql, cancellationToken: cancellationToken));
            return new TransactionSample(count, Stopwatch.GetTimestamp());
        }

        /// <summary>Connections the server can still accept from ordinary roles.</summary>
        public async Task<int> FreeConnectionsAsync(CancellationToken cancellationToken)
        {
            await using var connection = new NpgsqlConnection(_connection);
            await connection.OpenAsync(cancellationToken);
            return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int - (SELECT count(*) FROM pg_stat_activity)::int",
                cancellationToken: cancellationToken));
        }
    }

    private readonly record struct TransactionSample(long Transactions, long Timestamp)
    {
        public TimeSpan Elapsed(TransactionSample earlier) => Stopwatch.GetElapsedTime(earlier.Timestamp, Timestamp);
    }

    /// <summary>Samples the server's CPU (utime + stime) and resident memory once a second until stopped.</summary>
    private sealed class ProcessSampler : IDisposable
    {
        private readonly DashboardProcess _server;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private readonly TimeSpan _cpuStart;
        private readonly long _started = Stopwatch.GetTimestamp();
        private double _peakCpu;
        private long _peakRss;

        public ProcessSampler(DashboardProcess server)
        {
            _server = server;
            _cpuStart = server.CpuTime();
            _peakRss = server.ResidentBytes();
            _loop = LoopAsync();
        }

        public (double MeanCpuPercent, double PeakCpuPercent, long PeakResidentBytes) Stop()
        {
            var cpu = _server.CpuTime() - _cpuStart;
            var elapsed = Stopwatch.GetElapsedTime(_started);
            _stop.Cancel();
            _loop.Wait();
            _peakRss = Math.Max(_peakRss, _server.ResidentBytes());
            return (cpu.TotalSeconds / elapsed.TotalSeconds * 100, _peakCpu, _peakRss);
        }

        public void Dispose()
        {
            if (!_stop.IsCancellationRequested)
            {
                _stop.Cancel();
            }
            _stop.Dispose();
        }

        private async Task LoopAsync()
        {
            var lastCpu = _cpuStart;
            var last = Stopwatch.GetTimestamp();
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    var cpu = _server.CpuTime();
                    var now = Stopwatch.GetTimestamp();
                    _peakCpu = Math.Max(_peakCpu, (cpu - lastCpu).TotalSeconds / Stopwatch.GetElapsedTime(last, now).TotalSeconds * 100);
                    _peakRss = Math.Max(_peakRss, _server.ResidentBytes());
                    (lastCpu, last) = (cpu, now);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (IOException)
            {
                // The process went away: the figures so far stand.
            }
        }
    }
}
