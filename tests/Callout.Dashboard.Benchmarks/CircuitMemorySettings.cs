using System.Globalization;

namespace Callout.Dashboard.Benchmarks;

/// <summary>Command line of <c>circuits</c>.</summary>
public sealed record CircuitMemorySettings(
    IReadOnlyList<int> Steps,
    string Page,
    TimeSpan Settle,
    int Samples,
    int Concurrency,
    int Batch,
    int RendererLimit,
    int PagesPerContext,
    TimeSpan Hold,
    bool Windows,
    bool Paint,
    bool Quick)
{
    public const string Usage = """
        usage: circuits [--steps 0,100,500] [--page /] [--quick]
                        [--settle 15] [--samples 10] [--concurrency 6] [--batch 50]
                        [--renderer-limit 6] [--pages-per-context 100] [--hold 0] [--windows] [--paint]

        Server memory per open dashboard page. Starts the built dashboard (Release) in demo mode as a child
        process, opens the page in one headless Chromium (CALLOUT_CHROMIUM, default /usr/bin/chromium) until
        each step's number of pages is open with its Blazor circuit up, lets it settle, and reports the
        server's resident memory (median of the samples, one a second), (RSS - RSS at 0 pages) per circuit in
        KB, and the server's CPU while the pages are open. Ends with one JSON line.

          --steps              open-page counts to measure, ascending (0 is added when missing)
          --page               the page every tab opens: / or /wall (any path of the app, query allowed)
          --quick              CI smoke: steps 0,5, 5 s settle, 5 samples (explicit options still win)
          --settle             seconds to wait after a step's pages are open before sampling
          --samples            RSS samples, one a second; the median is reported
          --concurrency        pages opening at the same time
          --batch              pages per batch; between batches the machine's free memory is checked
          --renderer-limit     Chromium --renderer-process-limit: tabs share this many renderer processes
          --pages-per-context  pages per browser context (Chromium caps WebSockets per host per context)
          --windows            open every page in a window of its own (Playwright's NewPage); by default the
                               first page of a context is its window and the others are tabs in it, which is
                               what keeps Chromium to --renderer-process-limit renderers
          --paint              let Chromium lay out and paint the pages; by default a style sheet hides each
                               document (display: none) so only the DOM updates, render acks and heartbeats run
          --hold               seconds to keep the server and pages up after the last step, for inspecting
                               the server (its pid is printed) with dotnet-counters or dotnet-gcdump
        """;

    public static bool TryParse(string[] args, out CircuitMemorySettings settings, out string? error, out bool help)
    {
        settings = null!;
        error = null;
        help = false;
        List<int>? steps = null;
        string? page = null;
        int? settle = null, hold = null, samples = null, concurrency = null, batch = null, rendererLimit = null, pagesPerContext = null;
        var quick = false;
        var windows = false;
        var paint = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--help" or "-h":
                    help = true;
                    return false;
                case "--quick":
                    quick = true;
                    continue;
                case "--windows":
                    windows = true;
                    continue;
                case "--paint":
                    paint = true;
                    continue;
                case "--steps" when value is not null && TryParseSteps(value, out var s):
                    steps = s;
                    break;
                case "--page" when value is not null && value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal) && !value.Any(char.IsWhiteSpace):
                    page = value;
                    break;
                case "--settle" when TryInt(value, 0, 3600, out var v):
                    settle = v;
                    break;
                case "--hold" when TryInt(value, 0, 3600, out var v):
                    hold = v;
                    break;
                case "--samples" when TryInt(value, 1, 600, out var v):
                    samples = v;
                    break;
                case "--concurrency" when TryInt(value, 1, 64, out var v):
                    concurrency = v;
                    break;
                case "--batch" when TryInt(value, 1, 10_000, out var v):
                    batch = v;
                    break;
                case "--renderer-limit" when TryInt(value, 1, 64, out var v):
                    rendererLimit = v;
                    break;
                case "--pages-per-context" when TryInt(value, 1, 250, out var v):
                    pagesPerContext = v;
                    break;
                default:
                    error = $"Unknown or invalid argument '{args[i]}'" + (value is not null && args[i].StartsWith("--", StringComparison.Ordinal) ? $" '{value}'." : ".");
                    return false;
            }
            i++;
        }
        settings = new CircuitMemorySettings(
            steps ?? (quick ? [0, 5] : [0, 100, 500]),
            page ?? "/",
            TimeSpan.FromSeconds(settle ?? (quick ? 5 : 15)),
            samples ?? (quick ? 5 : 10),
            concurrency ?? 6,
            batch ?? 50,
            rendererLimit ?? 6,
            pagesPerContext ?? 100,
            TimeSpan.FromSeconds(hold ?? 0),
            windows,
            paint,
            quick);
        return true;
    }

    private static bool TryInt(string? text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    /// <summary>Ascending, distinct, 0 to 5000; a missing 0 (the baseline) is added.</summary>
    private static bool TryParseSteps(string text, out List<int> steps)
    {
        steps = [];
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!TryInt(part, 0, 5000, out var n) || (steps.Count > 0 && n <= steps[^1]))
            {
                return false;
            }
            steps.Add(n);
        }
        if (steps.Count == 0)
        {
            return false;
        }
        if (steps[0] != 0)
        {
            steps.Insert(0, 0);
        }
        return true;
    }
}
