using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Callout.Dashboard.Benchmarks;

/// <summary>
/// Server memory per open dashboard page (issue "Memory per circuit", target ≤ 500 KB a circuit): the real
/// dashboard in demo mode as a child process, 0, 100 and 500 pages open in one headless Chromium with their
/// Blazor circuits up, the server's resident memory and CPU at each step.
/// </summary>
/// <remarks>
/// The server cannot be made to collect garbage from outside, so each figure is the median of several RSS
/// samples after the pages have settled; a warm-up page opened and closed before the 0-page baseline keeps
/// one-time costs (JIT, static asset caches) out of the per-circuit figure.
/// </remarks>
public static partial class CircuitMemoryBenchmark
{
    private const double TargetKbPerCircuit = 500;
    private const long MinFreeMachineBytes = 3L << 30;
    private static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MaxOpeningTimePerStep = TimeSpan.FromMinutes(20);

    private sealed record Step(
        int Target,
        int Pages,
        int Live,
        double RssMb,
        double RssMinMb,
        double RssMaxMb,
        double? KbPerCircuit,
        double? KbMarginal,
        double CpuPct,
        double BrowserCpuPct,
        double BrowserPssMb,
        int Renderers,
        double OpenSeconds,
        double LoadAverage,
        int FailedPages);

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (!CircuitMemorySettings.TryParse(args, out var settings, out var error, out var help))
        {
            if (help)
            {
                Console.WriteLine(CircuitMemorySettings.Usage);
                return 0;
            }
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(CircuitMemorySettings.Usage);
            return 2;
        }
        var chromium = BenchmarkChromium.Executable();
        if (!File.Exists(chromium))
        {
            Console.Error.WriteLine(BenchmarkChromium.NotFound("circuits", chromium));
            return 1;
        }
        using var stop = new TerminateSignal(cancellationToken);
        try
        {
            return await RunAsync(settings, chromium, stop.Token);
        }
        catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
        {
            Console.Error.WriteLine("circuits: cancelled.");
            return 130;
        }
    }

    private static async Task<int> RunAsync(CircuitMemorySettings settings, string chromium, CancellationToken cancellationToken)
    {
        var dll = await ReleaseBuild.DashboardAsync("circuits", null, cancellationToken);
        Console.WriteLine($"circuits: page {settings.Page}, steps {string.Join(',', settings.Steps)}; settle {settings.Settle.TotalSeconds:F0} s, " +
                          $"{settings.Samples} RSS samples a step; {Environment.ProcessorCount} cores, {ProcFs.MemTotalBytes() / (1 << 20):N0} MB RAM");
        Console.WriteLine($"dashboard: {dll} (built {File.GetLastWriteTime(dll):yyyy-MM-dd HH:mm})");
        var steps = new List<Step>();
        string? stopped = null;
        string? failed = null;
        var total = Stopwatch.StartNew();
        try
        {
            stopped = await RunStepsAsync(settings, chromium, dll, steps, total, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Report what was measured before the failure, then fail the run.
            Console.Error.WriteLine($"circuits: {ex}");
            failed = ex.Message.Split('\n')[0];
            stopped ??= "failed: " + failed;
        }
        Report(settings, steps, stopped, total.Elapsed);
        return failed is null ? 0 : 1;
    }

    /// <summary>Runs the steps against a fresh server and browser; the reason it stopped short, or null.</summary>
    private static async Task<string?> RunStepsAsync(CircuitMemorySettings settings, string chromium, string dll, List<Step> steps, Stopwatch total, CancellationToken cancellationToken)
    {
        string? stopped = null;
        await using (var server = DashboardProcess.Start(new Dictionary<string, string> { ["Demo__Seed"] = "1" }, app: dll))
        {
            await server.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2));
            Console.WriteLine($"dashboard up at {server.Address} (pid {server.Id}, demo mode, seed 1) after {total.Elapsed.TotalSeconds:F1} s; RSS {Mb(ProcFs.ResidentBytes(server.Id)):F1} MB");
            var playwright = await Playwright.CreateAsync();
            IBrowser? browser = null;
            try
            {
                browser = await BenchmarkChromium.LaunchAsync(playwright, chromium, $"--renderer-process-limit={settings.RendererLimit}");
                var tabs = new Tabs(browser, new Uri(server.Address, settings.Page), settings);
                var warmUp = Stopwatch.StartNew();
                await tabs.WarmUpAsync(cancellationToken);
                Console.WriteLine($"warm-up page opened and closed in {warmUp.Elapsed.TotalSeconds:F1} s (Chromium {browser.Version}, renderer limit {settings.RendererLimit}, " +
                                  $"pages as {(settings.Windows ? "windows" : "tabs")}, {(settings.Paint ? "painted" : "not painted (display: none)")})");

                foreach (var target in settings.Steps)
                {
                    var opening = Stopwatch.StartNew();
                    stopped = await OpenUpToAsync(tabs, target, server, opening, cancellationToken);
                    var openSeconds = opening.Elapsed.TotalSeconds;
                    if (stopped is not null)
                    {
                        Console.WriteLine($"  stopped at {tabs.Count} of {target} pages: {stopped}");
                    }
                    var step = await MeasureAsync(server, tabs, target, openSeconds, steps, settings, cancellationToken);
                    steps.Add(step);
                    Console.WriteLine($"  {step.Pages} pages ({step.Live} live): server RSS {step.RssMb:F1} MB" +
                                      (step.KbPerCircuit is { } kb ? $", {kb:F0} KB a circuit" : "") +
                                      $", server CPU {step.CpuPct:F1} %, browser CPU {step.BrowserCpuPct:F1} %, browser PSS {step.BrowserPssMb:N0} MB");
                    if (stopped is not null)
                    {
                        break;
                    }
                }
                if (settings.Hold > TimeSpan.Zero)
                {
                    Console.WriteLine($"holding {settings.Hold.TotalSeconds:F0} s with {tabs.Count} pages open: server pid {server.Id}, {server.Address}");
                    try
                    {
                        await Task.Delay(settings.Hold, cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        // Ctrl+C or SIGTERM ends the hold; the figures are still reported.
                    }
                }
            }
            finally
            {
                await CloseBrowserAsync(browser, playwright, server.Id);
            }
        }
        return stopped;
    }

    /// <summary>Opens pages in batches until <paramref name="target"/> are open; the reason it stopped short, or null.</summary>
    private static async Task<string?> OpenUpToAsync(Tabs tabs, int target, DashboardProcess server, Stopwatch opening, CancellationToken cancellationToken)
    {
        if (tabs.Count >= target)
        {
            return null;
        }
        Console.WriteLine($"opening pages up to {target} ({tabs.Settings.Concurrency} at a time, batches of {tabs.Settings.Batch})…");
        var allowedFailures = Math.Max(3, target / 50);
        while (tabs.Count < target)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The dashboard exited with {tabs.Count} pages open:\n{server.Output}");
            }
            if (!tabs.Browser.IsConnected)
            {
                return "the browser went away (crashed or was killed)";
            }
            var free = ProcFs.MemAvailableBytes();
            if (free < MinFreeMachineBytes)
            {
                return $"the machine is low on memory ({Mb(free):N0} MB available)";
            }
            if (tabs.Failures > allowedFailures)
            {
                return $"{tabs.Failures} pages did not reach body[data-circuit='up'] within {PageTimeout.TotalSeconds:F0} s (last: {tabs.LastError})";
            }
            if (opening.Elapsed > MaxOpeningTimePerStep)
            {
                return $"opening took longer than {MaxOpeningTimePerStep.TotalMinutes:F0} minutes";
            }
            var batch = Math.Min(tabs.Settings.Batch, target - tabs.Count);
            var before = Stopwatch.StartNew();
            await tabs.OpenAsync(batch, allowedFailures, cancellationToken);
            Console.WriteLine($"  {tabs.Count,5}/{target} open ({tabs.Failures} failed), batch {before.Elapsed.TotalSeconds:F1} s, " +
                              $"server RSS {Mb(ProcFs.ResidentBytes(server.Id)):F0} MB, machine free {Mb(ProcFs.MemAvailableBytes()):N0} MB");
        }
        return null;
    }

    private static async Task<Step> MeasureAsync(DashboardProcess server, Tabs tabs, int target, double openSeconds, List<Step> earlier, CircuitMemorySettings settings, CancellationToken cancellationToken)
    {
        Console.WriteLine($"  settling {settings.Settle.TotalSeconds:F0} s, then {settings.Samples} samples…");
        await Task.Delay(settings.Settle, cancellationToken);
        var pid = server.Id;
        var self = Environment.ProcessId;
        var browserBefore = ProcFs.Descendants(self, pid).ToDictionary(p => p, ProcFs.CpuSeconds);
        var serverBefore = ProcFs.CpuSeconds(pid);
        var clock = Stopwatch.StartNew();
        var rss = new List<long>();
        for (var i = 0; i < settings.Samples; i++)
        {
            rss.Add(ProcFs.ResidentBytes(pid));
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var serverCpu = (ProcFs.CpuSeconds(pid) - serverBefore) / seconds * 100;
        var browserAfter = ProcFs.Descendants(self, pid);
        var browserCpu = browserAfter.Where(browserBefore.ContainsKey).Sum(p => ProcFs.CpuSeconds(p) - browserBefore[p]) / seconds * 100;
        var browserPss = browserAfter.Sum(ProcFs.ProportionalBytes);
        var renderers = browserAfter.Count(ProcFs.IsRenderer);
        var live = await tabs.CountLiveAsync(cancellationToken);

        rss.Sort();
        var median = rss.Count % 2 == 1 ? rss[rss.Count / 2] : (rss[rss.Count / 2 - 1] + rss[rss.Count / 2]) / 2.0;
        var pages = tabs.Count;
        double? perCircuit = null, marginal = null;
        if (pages > 0 && earlier.Count > 0)
        {
            perCircuit = (median - earlier[0].RssMb * (1 << 20)) / pages / 1024;
            var previous = earlier[^1];
            if (previous.Pages > 0 && pages > previous.Pages)
            {
                marginal = (median - previous.RssMb * (1 << 20)) / (pages - previous.Pages) / 1024;
            }
        }
        return new Step(target, pages, live, median / (1 << 20), Mb(rss[0]), Mb(rss[^1]), perCircuit, marginal, serverCpu, browserCpu, Mb(browserPss), renderers, openSeconds, ProcFs.LoadAverage(), tabs.Failures);
    }

    private static void Report(CircuitMemorySettings settings, List<Step> steps, string? stopped, TimeSpan elapsed)
    {
        Console.WriteLine();
        Console.WriteLine($"Server memory per open '{settings.Page}' page (median RSS of {settings.Samples} samples after {settings.Settle.TotalSeconds:F0} s settling; CPU in % of one core, {Environment.ProcessorCount} cores):");
        Console.WriteLine($"{"pages",6} {"live",5} {"RSS MB",8} {"min–max MB",13} {"KB/circuit",11} {"marginal KB",12} {"server CPU %",13} {"browser CPU %",14} {"browser PSS MB",15} {"renderers",10} {"open s",7} {"load",5}");
        foreach (var s in steps)
        {
            var pages = s.Pages == s.Target ? $"{s.Pages}" : $"{s.Pages}/{s.Target}";
            Console.WriteLine($"{pages,6} {s.Live,5} {s.RssMb,8:F1} {$"{s.RssMinMb:F1}–{s.RssMaxMb:F1}",13} {Format(s.KbPerCircuit),11} {Format(s.KbMarginal),12} {s.CpuPct,13:F1} {s.BrowserCpuPct,14:F1} {s.BrowserPssMb,15:N0} {s.Renderers,10} {s.OpenSeconds,7:F0} {s.LoadAverage,5:F1}");
        }
        var largest = steps.LastOrDefault(s => s.KbPerCircuit is not null);
        Console.WriteLine();
        if (largest is not null)
        {
            var held = largest.KbPerCircuit <= TargetKbPerCircuit;
            Console.WriteLine($"Per circuit at {largest.Pages} pages: {largest.KbPerCircuit:F0} KB (target ≤ {TargetKbPerCircuit:F0} KB): {(held ? "held" : "NOT held")}.");
        }
        if (stopped is not null)
        {
            Console.WriteLine($"Stopped early: {stopped}.");
        }
        Console.WriteLine($"Total {elapsed.TotalSeconds:F0} s.");

        var json = new JsonObject
        {
            ["benchmark"] = "circuits",
            ["page"] = settings.Page,
        };
        var array = new JsonArray();
        foreach (var s in steps)
        {
            var step = new JsonObject { ["pages"] = s.Pages, ["rss_mb"] = Math.Round(s.RssMb, 1) };
            if (s.Pages != s.Target)
            {
                step["target_pages"] = s.Target;
            }
            if (s.KbPerCircuit is { } kb)
            {
                step["kb_per_circuit"] = Math.Round(kb, 1);
            }
            if (s.KbMarginal is { } marginal)
            {
                step["kb_per_circuit_marginal"] = Math.Round(marginal, 1);
            }
            step["cpu_pct"] = Math.Round(s.CpuPct, 1);
            step["live_pages"] = s.Live;
            if (s.FailedPages > 0)
            {
                // Pages given up on may have left circuits the server still holds (disconnected, retained).
                step["failed_pages"] = s.FailedPages;
            }
            step["browser_cpu_pct"] = Math.Round(s.BrowserCpuPct, 1);
            step["browser_pss_mb"] = Math.Round(s.BrowserPssMb, 0);
            step["open_s"] = Math.Round(s.OpenSeconds, 1);
            step["loadavg_1m"] = s.LoadAverage;
            array.Add(step);
        }
        json["steps"] = array;
        json["target_kb_per_circuit"] = TargetKbPerCircuit;
        json["kb_per_circuit"] = largest?.KbPerCircuit is { } final ? Math.Round(final, 1) : null;
        json["within_target"] = largest is null ? null : largest.KbPerCircuit <= TargetKbPerCircuit;
        json["complete"] = stopped is null && steps.Count == settings.Steps.Count;
        json["stopped"] = stopped;
        json["cores"] = Environment.ProcessorCount;
        json["settle_s"] = settings.Settle.TotalSeconds;
        json["samples"] = settings.Samples;
        json["renderer_limit"] = settings.RendererLimit;
        json["painted"] = settings.Paint;
        json["pages_as"] = settings.Windows ? "windows" : "tabs";
        Console.WriteLine(json.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    /// <summary>Closes the browser and its driver, and ends any of their processes still left (by pid: only ours).</summary>
    private static async Task CloseBrowserAsync(IBrowser? browser, IPlaywright playwright, int serverPid)
    {
        await BenchmarkChromium.CloseAsync(browser, playwright, "circuits");
        await Task.Delay(500);
        foreach (var pid in ProcFs.Descendants(Environment.ProcessId, serverPid))
        {
            try
            {
                using var left = Process.GetProcessById(pid);
                left.Kill();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }
    }

    private static string Format(double? value) => value is { } v ? v.ToString("F0") : "";

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);

    /// <summary>The open pages, spread over browser contexts of at most PagesPerContext pages each.</summary>
    private sealed class Tabs(IBrowser browser, Uri url, CircuitMemorySettings settings)
    {
        // Small: every headless tab is painted, and raster memory grows with the viewport. The server renders
        // the same components at any size (MudBlazor's breakpoints are CSS).
        private const string NoPaintScript = """
            (() => {
              const sheet = new CSSStyleSheet();
              sheet.replaceSync("html { display: none !important; }");
              document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
            })();
            """;

        private static readonly ViewportSize Viewport = new() { Width = 800, Height = 600 };
        private readonly List<IPage> _pages = [];
        private readonly List<Slot> _contexts = [];
        private ICDPSession? _browserSession;
        private readonly SemaphoreSlim _contextLock = new(1, 1);
        private int _nextIndex;
        private int _failures;

        public IBrowser Browser => browser;

        public CircuitMemorySettings Settings => settings;

        public int Count
        {
            get
            {
                lock (_pages)
                {
                    return _pages.Count;
                }
            }
        }

        public int Failures => Volatile.Read(ref _failures);

        public string? LastError { get; private set; }

        /// <summary>One page opened and closed (with its context) before the baseline: JIT and caches warm.</summary>
        public async Task WarmUpAsync(CancellationToken cancellationToken)
        {
            var context = await NewContextAsync();
            try
            {
                var page = await context.NewPageAsync();
                await GoAsync(page, cancellationToken);
            }
            finally
            {
                await context.CloseAsync();
            }
        }

        /// <summary>Tries to open <paramref name="count"/> more pages, <c>Concurrency</c> at a time, until too many failed.</summary>
        public async Task OpenAsync(int count, int allowedFailures, CancellationToken cancellationToken)
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (_, token) =>
            {
                if (Failures > allowedFailures)
                {
                    return; // the batch gives up: the caller stops the step
                }
                var index = Interlocked.Increment(ref _nextIndex) - 1;
                IPage? page = null;
                try
                {
                    var slot = await ContextAsync(index / settings.PagesPerContext, token);
                    if (settings.Windows || index % settings.PagesPerContext == 0)
                    {
                        // The first page of a context is its window (made with the context).
                        page = index % settings.PagesPerContext == 0 ? slot.Anchor : await slot.Context.NewPageAsync();
                        await GoAsync(page, token);
                    }
                    else
                    {
                        page = await NewBackgroundTabAsync(slot, index, token);
                        await WaitForCircuitAsync(page, token);
                    }
                    lock (_pages)
                    {
                        _pages.Add(page);
                    }
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException && !token.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _failures);
                    LastError = ex.Message.Split('\n')[0];
                    Console.WriteLine($"  page {index} failed: {LastError}");
                    if (page is not null)
                    {
                        await page.CloseAsync().WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
                    }
                }
            });
        }

        /// <summary>Pages whose kiosk badge says "live": their circuit is connected now.</summary>
        public async Task<int> CountLiveAsync(CancellationToken cancellationToken)
        {
            List<IPage> pages;
            lock (_pages)
            {
                pages = [.. _pages];
            }
            var live = 0;
            var options = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(pages, options, async (page, _) =>
            {
                try
                {
                    var state = await page.EvaluateAsync<string?>("() => document.body.dataset.connection ?? null").WaitAsync(TimeSpan.FromSeconds(10));
                    if (state == "live")
                    {
                        Interlocked.Increment(ref live);
                    }
                }
                catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
                {
                }
            });
            return live;
        }

        private async Task GoAsync(IPage page, CancellationToken cancellationToken)
        {
            await page.GotoAsync(url.ToString(), new PageGotoOptions { Timeout = (float)PageTimeout.TotalMilliseconds }).WaitAsync(cancellationToken);
            await WaitForCircuitAsync(page, cancellationToken);
        }

        private static async Task WaitForCircuitAsync(IPage page, CancellationToken cancellationToken)
        {
            // kiosk.js marks the body once Blazor.start() resolved: the circuit is up.
            await page.WaitForSelectorAsync("body[data-circuit='up']", new PageWaitForSelectorOptions
            {
                State = WaitForSelectorState.Attached,
                Timeout = (float)PageTimeout.TotalMilliseconds,
            }).WaitAsync(cancellationToken);
        }

        /// <summary>
        /// A background tab in the context's window (DevTools protocol Target.createTarget, as Playwright has no
        /// call for it). Tabs, unlike Playwright's one window a page, share renderer processes up to
        /// --renderer-process-limit. Headless Chromium keeps every tab visible and running; Playwright turns
        /// background throttling off. The URL carries a #tab-N fragment to find the tab among the context's
        /// pages; the app ignores fragments (its links keep only the query).
        /// </summary>
        private async Task<IPage> NewBackgroundTabAsync(Slot slot, int index, CancellationToken cancellationToken)
        {
            var marked = $"{url}#tab-{index}";
            var created = await _browserSession!.SendAsync("Target.createTarget", new Dictionary<string, object>
            {
                ["url"] = marked,
                ["browserContextId"] = slot.Id,
                ["background"] = true,
                ["newWindow"] = false,
            });
            var deadline = DateTime.UtcNow + PageTimeout;
            while (DateTime.UtcNow < deadline)
            {
                // Playwright attaches to every target of its contexts: the tab shows up among the context's pages.
                var page = FindPage(slot.Context, marked);
                if (page is not null)
                {
                    return page;
                }
                await Task.Delay(100, cancellationToken);
            }
            var targetId = created?.GetProperty("targetId").GetString();
            if (targetId is not null)
            {
                await _browserSession.SendAsync("Target.closeTarget", new Dictionary<string, object> { ["targetId"] = targetId });
            }
            throw new TimeoutException($"The background tab {marked} did not appear within {PageTimeout.TotalSeconds:F0} s.");
        }

        /// <summary>The context's page at <paramref name="url"/>; Playwright adds pages to that list from its own thread as tabs attach.</summary>
        private static IPage? FindPage(IBrowserContext context, string url)
        {
            try
            {
                return context.Pages.FirstOrDefault(p => p.Url == url);
            }
            catch (InvalidOperationException)
            {
                return null; // the list changed while we read it: look again on the next round
            }
        }

        /// <summary>
        /// A browser context; unless --paint, its pages lay nothing out: a style sheet adopted before any script
        /// runs hides the whole document. Blazor still applies every render batch to the DOM and acknowledges
        /// it, the kiosk heartbeat still runs, so the server does the same work; Chromium skips style, layout
        /// and paint, which is what lets hundreds of pages fit in 2 cores.
        /// </summary>
        private async Task<IBrowserContext> NewContextAsync()
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Viewport });
            if (!settings.Paint)
            {
                await context.AddInitScriptAsync(NoPaintScript);
            }
            return context;
        }

        /// <summary>The context of the given number, made with its first (blank) page on first use.</summary>
        private async Task<Slot> ContextAsync(int number, CancellationToken cancellationToken)
        {
            await _contextLock.WaitAsync(cancellationToken);
            try
            {
                _browserSession ??= await browser.NewBrowserCDPSessionAsync();
                while (_contexts.Count <= number)
                {
                    var context = await NewContextAsync();
                    var anchor = await context.NewPageAsync();
                    var session = await context.NewCDPSessionAsync(anchor);
                    var info = await session.SendAsync("Target.getTargetInfo");
                    await session.DetachAsync();
                    var id = info?.GetProperty("targetInfo").GetProperty("browserContextId").GetString()
                        ?? throw new PlaywrightException("Target.getTargetInfo gave no browserContextId.");
                    _contexts.Add(new Slot(context, id, anchor));
                }
                return _contexts[number];
            }
            finally
            {
                _contextLock.Release();
            }
        }

        private sealed record Slot(IBrowserContext Context, string Id, IPage Anchor);
    }
}
