using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;

namespace Callout.Dashboard.Benchmarks;

public static partial class FanoutBenchmark
{
    /// <summary>
    /// A few real dashboard pages in headless Chromium beside the hub clients: commit → DOM. The overview lists
    /// the oldest 15 callouts in progress, so a new callout may never get a row of its own; its panel's count
    /// does change in the DOM. Each page records when that count text changed (browser clock, epoch ms), and
    /// the k-th callout of the window is on screen once the count reached the window's starting count + k.
    /// </summary>
    internal sealed class BrowserPages : IAsyncDisposable
    {
        private const string ObserverScript = """
            (() => {
              window.__calloutCounts = [];
              let last = null;
              const read = () => {
                const count = document.querySelector("[data-panel='active'] [data-count]");
                if (!count) return;
                const value = parseInt(count.textContent.replace(/\D/g, ""), 10);
                if (!Number.isNaN(value) && value !== last) {
                  last = value;
                  window.__calloutCounts.push([performance.timeOrigin + performance.now(), value]);
                }
              };
              new MutationObserver(read).observe(document, { subtree: true, childList: true, characterData: true });
            })();
            """;

        private readonly IPlaywright _playwright;
        private readonly IBrowser _browser;
        private readonly List<PageViewer> _pages = [];

        private BrowserPages(IPlaywright playwright, IBrowser browser)
        {
            _playwright = playwright;
            _browser = browser;
        }

        public IReadOnlyList<PageViewer> Viewers => _pages;

        /// <summary>Opens <paramref name="count"/> pages: the first shows all queues, the others one queue each in turn.</summary>
        public static async Task<BrowserPages> OpenAsync(string chromium, Uri server, int count, CancellationToken cancellationToken)
        {
            var playwright = await Playwright.CreateAsync();
            var browser = await BenchmarkChromium.LaunchAsync(playwright, chromium);
            var pages = new BrowserPages(playwright, browser);
            try
            {
                for (var i = 0; i < count; i++)
                {
                    int? queue = i == 0 ? null : (i - 1) % QueueKeys.Length;
                    var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
                    await context.AddInitScriptAsync(ObserverScript);
                    var page = await context.NewPageAsync();
                    var url = new Uri(server, queue is { } q ? "/?queue=" + Uri.EscapeDataString(QueueKeys[q]) : "/");
                    await page.GotoAsync(url.ToString(), new PageGotoOptions { Timeout = 60_000 }).WaitAsync(cancellationToken);
                    // The main layout marks itself once the circuit rendered it: updates reach the DOM from then on.
                    await page.WaitForSelectorAsync("[data-interactive='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 })
                        .WaitAsync(cancellationToken);
                    pages._pages.Add(new PageViewer(page, queue));
                }
            }
            catch
            {
                await pages.DisposeAsync();
                throw;
            }
            return pages;
        }

        /// <summary>Waits until no page's count changed for <paramref name="quiet"/> (at most 15 s), then takes each page's count as its base.</summary>
        public async Task SettleAsync(TimeSpan quiet, CancellationToken cancellationToken)
        {
            var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 15;
            var last = await CountsAsync(cancellationToken);
            var stableSince = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(stableSince) < quiet && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(100, cancellationToken);
                var now = await CountsAsync(cancellationToken);
                if (!now.SequenceEqual(last))
                {
                    (last, stableSince) = (now, Stopwatch.GetTimestamp());
                }
            }
            for (var i = 0; i < _pages.Count; i++)
            {
                _pages[i].Base = last[i];
            }
        }

        /// <summary>Waits until every page counts all of the window's callouts of its filter, or the deadline after the last commit passed.</summary>
        public async Task DrainAsync(ConcurrentDictionary<string, Commit> commits, CancellationToken cancellationToken)
        {
            var expected = _pages.Select(p => p.Base + commits.Values.Count(c => p.Expects(c.Queue))).ToArray();
            await UntilDeliveredAsync(commits, async () => (await CountsAsync(cancellationToken)).Zip(expected).All(c => c.First >= c.Second), cancellationToken);
            foreach (var page in _pages)
            {
                await page.ResolveAsync(commits);
            }
        }

        public async ValueTask DisposeAsync() => await BenchmarkChromium.CloseAsync(_browser, _playwright, "fanout");

        private async Task<int[]> CountsAsync(CancellationToken cancellationToken)
        {
            var counts = new int[_pages.Count];
            for (var i = 0; i < _pages.Count; i++)
            {
                counts[i] = await _pages[i].CurrentCountAsync(cancellationToken);
            }
            return counts;
        }
    }

    /// <summary>One Chromium page; its sightings are made from the count changes it recorded.</summary>
    internal sealed class PageViewer(IPage page, int? queue) : Viewer(queue)
    {
        public int Base { get; set; }

        /// <summary>The count the page shows now: the last change it recorded (not the whole list, read every 100 ms while settling).</summary>
        public Task<int> CurrentCountAsync(CancellationToken cancellationToken) =>
            page.EvaluateAsync<int>("() => window.__calloutCounts.at(-1)?.[1] ?? 0").WaitAsync(cancellationToken);

        /// <summary>The k-th callout of this page's filter (in commit order) was on screen when the count first reached Base + k.</summary>
        public async Task ResolveAsync(ConcurrentDictionary<string, Commit> commits)
        {
            var changes = await page.EvaluateAsync<double[][]>("() => window.__calloutCounts");
            // Browser clock (epoch ms) to Stopwatch timestamps: both read the same machine clock.
            var epochNow = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
            var stopwatchNow = Stopwatch.GetTimestamp();
            var mine = commits.Where(c => Expects(c.Value.Queue)).OrderBy(c => c.Value.Timestamp).ToList();
            var next = 0;
            foreach (var change in changes)
            {
                var shown = (int)change[1] - Base;
                while (next < mine.Count && next < shown)
                {
                    Saw(mine[next].Key, stopwatchNow - (long)((epochNow - change[0]) / 1000 * Stopwatch.Frequency));
                    next++;
                }
            }
        }
    }
}
