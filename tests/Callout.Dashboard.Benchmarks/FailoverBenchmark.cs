using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Npgsql;

namespace Callout.Dashboard.Benchmarks;

/// <summary>
/// Issue 18, more than one server: how long a wall takes to be live again through nginx when the server holding its
/// circuit is killed (p50/p95 over a number of kills), and what 1, 2 and 4 servers polling one Raw data database cost
/// that database.
/// </summary>
public static class FailoverBenchmark
{
    public const string Usage = """
        usage: failover --connection <npgsql connection string of a server where databases may be made>
                        [--kills 10] [--servers 1,2,4] [--window 60] [--app path/to/Callout.Dashboard.dll] [--quick]

        Recovery: two dashboards (Release build), Redis and nginx (Debian's; the repo's deploy/nginx/callout.conf)
        on one PostgreSQL database, a wall in headless Chromium through nginx. Each round kills the server that
        rendered the wall, writes a callout, and times kill -> that callout on the wall with the badge live; the
        killed server is started again and the wall left live for 31 s (the wall's reload guard forgives a reload
        after 30 s live) before the next round.
        Cost: N dashboards polling the database every 2 s (the default) while a callout is written every second;
        per N, over --window seconds: the database's transactions, rows read and the CPU of the dashboards'
        backends, each less what the writer alone costs (N = 0). Ends with one JSON line.

          --quick   CI smoke: 2 kills, no settling, servers 1,2, 5 s window
        """;

    private static readonly TimeSpan s_settle = TimeSpan.FromSeconds(31);

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        string? connection = null, app = null;
        int? kills = null, window = null;
        int[]? counts = null;
        var quick = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--connection" when i + 1 < args.Length: connection = args[++i]; break;
                case "--app" when i + 1 < args.Length: app = args[++i]; break;
                case "--kills" when i + 1 < args.Length && int.TryParse(args[i + 1], out var k) && k > 0: kills = k; i++; break;
                case "--window" when i + 1 < args.Length && int.TryParse(args[i + 1], out var w) && w > 0: window = w; i++; break;
                case "--servers" when i + 1 < args.Length: counts = [.. args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                case "--quick": quick = true; break;
                default:
                    Console.Error.WriteLine(args[i] is "--help" or "-h" ? "" : $"failover: unknown or incomplete option '{args[i]}'.");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        if (connection is null)
        {
            Console.Error.WriteLine("failover: --connection is required.");
            Console.Error.WriteLine(Usage);
            return 2;
        }
        kills ??= quick ? 2 : 10;
        window ??= quick ? 5 : 60;
        counts ??= quick ? [1, 2] : [1, 2, 4];
        // The test kit's databases are made on this server.
        Environment.SetEnvironmentVariable(TestDatabase.PostgresVariable, connection);
        var dll = await ReleaseBuild.DashboardAsync("failover", app, cancellationToken);

        var recoveries = await MeasureRecoveryAsync(dll, kills.Value, settle: !quick, cancellationToken);
        var costs = new List<Dictionary<string, object>>();
        var baseline = await MeasureCostAsync(dll, 0, TimeSpan.FromSeconds(window.Value), null, cancellationToken);
        foreach (var n in counts)
        {
            costs.Add(await MeasureCostAsync(dll, n, TimeSpan.FromSeconds(window.Value), baseline, cancellationToken));
        }

        var sorted = recoveries.Order().ToList();
        Console.WriteLine();
        Console.WriteLine($"Wall recovery through nginx after its server was killed, {sorted.Count} kills: " +
            $"p50 {Percentile(sorted, 0.5):F1} s, p95 {Percentile(sorted, 0.95):F1} s, max {sorted[^1]:F1} s ({string.Join(", ", recoveries.Select(r => r.ToString("F1", CultureInfo.InvariantCulture)))})");
        Console.WriteLine("Raw data database cost by number of servers (the writer's own cost taken off):");
        Console.WriteLine($"{"servers",8} {"backends",9} {"xact/s",9} {"rows read/s",12} {"backend CPU ms/s",17}");
        foreach (var c in costs)
        {
            Console.WriteLine($"{c["servers"],8} {c["backends"],9} {c["xact_per_s"],9} {c["rows_read_per_s"],12} {c["backend_cpu_ms_per_s"],17}");
        }
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["benchmark"] = "failover",
            ["kills"] = sorted.Count,
            ["recovery_p50_s"] = Math.Round(Percentile(sorted, 0.5), 2),
            ["recovery_p95_s"] = Math.Round(Percentile(sorted, 0.95), 2),
            ["recovery_max_s"] = Math.Round(sorted[^1], 2),
            ["recoveries_s"] = recoveries.Select(r => Math.Round(r, 2)).ToList(),
            ["window_s"] = window.Value,
            ["cost"] = costs,
        }));
        return 0;
    }

    private static async Task<List<double>> MeasureRecoveryAsync(string dll, int kills, bool settle, CancellationToken cancellationToken)
    {
        await using var cluster = await DashboardCluster.StartAsync(passwordHash: null, app: dll);
        using var playwright = await Playwright.CreateAsync();
        var browser = await BenchmarkChromium.LaunchAsync(playwright, BenchmarkChromium.Executable());
        var results = new List<double>();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
            await page.GotoAsync(new Uri(cluster.Proxy.Address, "/wall").ToString());
            await page.WaitForSelectorAsync("body[data-circuit='up']", new() { Timeout = 60_000 });
            // What the page did during a slow round (reconnect attempts, failed requests, reloads) is printed with it.
            var watch = new Stopwatch();
            var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
            void Note(string what) => events.Enqueue($"{watch.Elapsed.TotalSeconds,6:F2} s {what}");
            page.Console += (_, message) => Note($"console {message.Type}: {message.Text}");
            page.RequestFailed += (_, request) => Note($"failed {request.Method} {request.Url}: {request.Failure}");
            page.Load += (_, _) => Note("page loaded");
            var call = 900_000;
            for (var round = 0; round < kills; round++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Assertions.Expect(page.Locator("#connection-badge")).ToHaveTextAsync("live", new() { Timeout = 60_000 });
                var serving = await ServingAsync(cluster, page);
                await serving.KillAsync();
                events.Clear();
                watch.Restart();
                var id = ++call;
                var ordered = Oslo.Now().AddSeconds(-5);
                await cluster.Database.Writer.WriteCallAsync(new CallRows(id, ordered).UpdatedAt(Oslo.Now()).Order());
                await Assertions.Expect(page.Locator($"[data-panel='active'] [data-call='{id}']")).ToBeVisibleAsync(new() { Timeout = 60_000 });
                await Assertions.Expect(page.Locator("#connection-badge")).ToHaveTextAsync("live", new() { Timeout = 60_000 });
                results.Add(watch.Elapsed.TotalSeconds);
                Console.WriteLine($"failover: kill {round + 1}/{kills}: live again with the new row after {watch.Elapsed.TotalSeconds:F1} s");
                if (watch.Elapsed > TimeSpan.FromSeconds(3))
                {
                    Console.WriteLine(string.Join('\n', events.Select(e => "failover:   " + e)));
                }
                // Finished, so the list of calls in progress stays short: once it pages, a new row may wait for its page.
                await cluster.Database.Writer.WriteCallAsync(new CallRows(id, ordered).UpdatedAt(Oslo.Now()).Completed());
                await cluster.EnsureAllRunningAsync();
                if (settle)
                {
                    await Task.Delay(s_settle, cancellationToken);
                }
            }
        }
        finally
        {
            await BenchmarkChromium.CloseAsync(browser, playwright, "failover");
        }
        return results;
    }

    private static async Task<DashboardProcess> ServingAsync(DashboardCluster cluster, IPage page) =>
        await cluster.WithInstanceAsync(await page.EvaluateAsync<string>("document.body.dataset.instance"));

    private static async Task<Dictionary<string, object>> MeasureCostAsync(string dll, int servers, TimeSpan window, Dictionary<string, object>? baseline, CancellationToken cancellationToken)
    {
        const string application = "callout-dashboard-benchmark";
        await using var db = await TestDatabase.CreatePostgresAsync();
        var settings = new Dictionary<string, string>
        {
            ["RawData__Provider"] = "PostgreSQL",
            ["ConnectionStrings__RawData"] = db.ConnectionString + $";Application Name={application}",
            ["RawData__TimeZone"] = "Europe/Oslo",
            ["Auth__Mode"] = "None",
        };
        var hosts = Enumerable.Range(0, servers).Select(_ => DashboardProcess.Start(settings, app: dll)).ToList();
        try
        {
            foreach (var host in hosts)
            {
                await host.WaitUntilServingAsync(TimeSpan.FromSeconds(90));
            }
            // Past start-up's one-off reads, into the steady polling.
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            await using var probe = new NpgsqlConnection(db.ConnectionString + ";Application Name=callout-benchmark-probe");
            await probe.OpenAsync(cancellationToken);
            var name = probe.Database;
            var before = await DatabaseCountersAsync(probe, name, cancellationToken);
            var cpuBefore = await BackendCpuAsync(probe, application, cancellationToken);
            var watch = Stopwatch.StartNew();
            var call = 700_000;
            while (watch.Elapsed < window)
            {
                await db.Writer.WriteCallAsync(new CallRows(++call, Oslo.Now().AddSeconds(-5)).UpdatedAt(Oslo.Now()).Order());
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            var seconds = watch.Elapsed.TotalSeconds;
            var cpuAfter = await BackendCpuAsync(probe, application, cancellationToken);
            var after = await DatabaseCountersAsync(probe, name, cancellationToken);
            var cpu = cpuAfter.Sum(b => b.Value - cpuBefore.GetValueOrDefault(b.Key)) * 1000 / seconds;
            double Less(string key, double value) => Math.Round(value - (baseline is null ? 0 : (double)baseline[key]), 1);
            var result = new Dictionary<string, object>
            {
                ["servers"] = servers,
                ["backends"] = cpuAfter.Count,
                ["xact_per_s"] = Less("xact_per_s", (after.Xact - before.Xact) / seconds),
                ["rows_read_per_s"] = Less("rows_read_per_s", (after.Rows - before.Rows) / seconds),
                ["backend_cpu_ms_per_s"] = Math.Round(cpu, 2),
            };
            Console.WriteLine($"failover: cost with {servers} server(s): {JsonSerializer.Serialize(result)}");
            return result;
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static async Task<(double Xact, double Rows)> DatabaseCountersAsync(NpgsqlConnection probe, string database, CancellationToken cancellationToken)
    {
        // The statistics collector's view of this transaction is a snapshot: start afresh each time.
        await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", probe))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = new NpgsqlCommand("SELECT xact_commit + xact_rollback, tup_returned + tup_fetched FROM pg_stat_database WHERE datname = @database", probe);
        command.Parameters.AddWithValue("database", database);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>CPU seconds so far of each backend serving the dashboards, by pid (/proc: the server runs on this machine).</summary>
    private static async Task<Dictionary<int, double>> BackendCpuAsync(NpgsqlConnection probe, string application, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = @application", probe);
        command.Parameters.AddWithValue("application", application);
        var pids = new List<int>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                pids.Add(reader.GetInt32(0));
            }
        }
        var cpu = new Dictionary<int, double>();
        foreach (var pid in pids)
        {
            try
            {
                cpu[pid] = ProcFs.CpuTime(pid).TotalSeconds;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Ended meanwhile.
            }
        }
        return cpu;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
