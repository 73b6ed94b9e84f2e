using System.Net.Http.Json;
using System.Text.Json;
using Callout.Dashboard.Domain;
using Callout.Dashboard.RawData;
using Callout.Dashboard.Simulator;
using Callout.Dashboard.Viewers;
using Microsoft.Data.Sqlite;

namespace Callout.Dashboard.Browser.Tests;

/// <summary>
/// Every page at the screen sizes the dashboard is used on, with full lists and long names: nothing inside a
/// panel sticks out of it or scrolls sideways (tables wrap or drop columns, the wall cuts names short and keeps
/// them whole in a title), and nothing on the wall is cut at the bottom. See <see cref="LayoutProbe"/>.
/// </summary>
public sealed class LayoutTests(LayoutTests.Site site) : IClassFixture<LayoutTests.Site>
{
    private const string LongQueueSuffix = " for the northern region and partner accounts";
    private const string LongAgentSuffix = "-Christoffersen Vandenberghe";
    private const string LongPauseType = "Training on the new customer system";

    /// <summary>Agents beside the demo's 24, logged on, every fourth on a long pause: the wall's agent grid then holds 64.</summary>
    private const int ExtraAgents = 40;

    /// <summary>The pages, and what shows once each has its data.</summary>
    private static readonly LayoutPage[] s_pages =
    [
        new("/", "[data-panel='queues'] [data-state='data']"),
        new("/wall", "[data-panel='scheduled'] [data-state='data']", Wall: true),
        new("/wall?queue=__Callout_Support&queue=__Callout_Booking&queue=__Callout_Sales&queue=__Callout_Retention", "[data-panel='active'] [data-state='data']", Wall: true),
        new("/wall?token=not-a-link", "[data-panel='wall-refused']", Wall: true),
        new("/wall?queue=__Callout_Support&queue=__Callout_Sales&queue=no-such-queue", "[data-panel='unknown-queues']", Wall: true),
        new("/wall?panels=agents", "[data-panel='agents'] [data-state='data']", Wall: true),
        new("/scheduled", "[data-panel='scheduled'] [data-state='data']"),
        new("/agents", "[data-panel='agents'] [data-state='data']"),
        new("/cancelled", "[data-panel='cancelled'] [data-state='data']"),
        new("/alarms", "[data-panel='alarm-log'] [data-state]:not([data-state='loading'])"),
        new("/today", "[data-panel='funnel-table'] [data-state='data']"),
        new("/wall?panels=day", "[data-panel='intraday'] svg g.bar", Wall: true),
        new("/admin/wall-tokens", "[data-panel='tokens'] [data-token]"),
        new("/login", "[data-panel='sign-in']", Live: false),
        new("/access-denied", "[data-panel='forbidden']", Live: false),
        // Finnish has the longest words of our languages. Last: ?lang= sets the browser's language for the tabs opened after it.
        new("/?lang=fi", "[data-panel='queues'] [data-state='data']"),
        new("/wall?lang=fi", "[data-panel='scheduled'] [data-state='data']", Wall: true),
        new("/scheduled?lang=fi", "[data-panel='scheduled'] [data-state='data']"),
        new("/agents?lang=fi", "[data-panel='agents'] [data-state='data']"),
        new("/today?lang=fi", "[data-panel='funnel-table'] [data-state='data']"),
        new("/wall?panels=day&lang=fi", "[data-panel='intraday'] svg g.bar", Wall: true),
    ];

    /// <summary>A page to measure: <paramref name="Live"/> pages run a circuit, the sign-in pages are plain forms.</summary>
    public sealed record LayoutPage(string Path, string Ready, bool Live = true, bool Wall = false);

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(1366, 768)]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task EveryPage_AtScreenSize_NothingSticksOutOrIsCut(int width, int height)
    {
        var offences = new List<string>();
        foreach (var page in s_pages)
        {
            var tab = await site.TabAsync(page);
            await tab.SetViewportSizeAsync(width, height);
            var found = await tab.EvaluateAsync<LayoutProbe.Findings>(LayoutProbe.Script, new { wall = page.Wall });
            var at = $"{page.Path} at {width}x{height}";
            offences.AddRange(found.Offences.Select(o => $"{at}: {o}"));
            if (page.Wall && await tab.Locator(".wall-row").CountAsync() > 0)
            {
                // Long names to cut short and lists to page are what the wall is measured with: without them it proves little.
                if (found.Ellipsed == 0)
                {
                    offences.Add($"{at}: no text is cut short with an ellipsis and a title; are the long names there?");
                }
                if (await tab.Locator(".wall-page").CountAsync() == 0)
                {
                    offences.Add($"{at}: no list pages; are the lists full?");
                }
            }
            // The grid is measured with the extra agents, who stay logged on: a centre's worth, not the demo's 24 (fewer of
            // those show after local midnight: who logged off yesterday leaves the grid).
            var tiles = await tab.Locator(".wall-agent").CountAsync();
            if (tiles is > 0 and < ExtraAgents)
            {
                offences.Add($"{at}: the agent grid shows {tiles} agents; are the extra agents there?");
            }
            if (found.Offences.Length > 0)
            {
                await tab.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ArtefactFolder, $"failed-layout-{Slug(page.Path)}-{width}x{height}.png") });
            }
        }
        Assert.True(offences.Count == 0, string.Join('\n', offences));
    }

    private static string Slug(string path) => path == "/" ? "overview" : new string([.. path.TrimStart('/').Take(40).Select(c => char.IsLetterOrDigit(c) ? c : '-')]);

    /// <summary>
    /// One demo server, busy enough that the wall's lists page, with some queues and agents
    /// renamed long; one browser with a tab per page, kept open for all sizes.
    /// </summary>
    public sealed class Site : IAsyncLifetime
    {
        private readonly DashboardInBrowser _site = new(new Dictionary<string, string>
        {
            ["Demo__Seed"] = "7",
            ["Demo__RatePerMinute"] = "120",
            ["RawData__TimeZone"] = "Europe/Oslo",
            ["RawData__LookupRefreshInterval"] = "00:00:01",
        });
        private readonly Dictionary<string, IPage> _tabs = [];
        private IBrowserContext _browser = null!;

        public async Task InitializeAsync()
        {
            await _site.InitializeAsync();
            await RenameLongAsync();
            await AddAgentsAsync();
            WriteWallLinks();
            _browser = await _site.Chromium.Browser.NewContextAsync();
        }

        /// <summary>The tab showing <paramref name="page"/>, opened the first time, live and with its data shown.</summary>
        public async Task<IPage> TabAsync(LayoutPage page)
        {
            if (_tabs.TryGetValue(page.Path, out var open))
            {
                return open;
            }
            var tab = await _browser.NewPageAsync();
            await tab.GotoAsync(new Uri(_site.Host.Address, page.Path).ToString());
            await Chromium.WithScreenshotOnFailureAsync(tab, "layout-open", async () =>
            {
                if (page.Live)
                {
                    await tab.WaitForSelectorAsync("body[data-circuit='up']", new() { Timeout = 30_000 });
                }
                await Assertions.Expect(tab.Locator(page.Ready).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            });
            _tabs[page.Path] = tab;
            return tab;
        }

        /// <summary>
        /// Long names for every third agent and two queues, written into the demo's database beside its traffic;
        /// the dashboard reads names again every second here.
        /// </summary>
        private async Task RenameLongAsync()
        {
            var file = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_site.Host.ContentRoot, "data", "rawdata.db"), DefaultTimeout = 10 };
            var writer = new RawDataWriter(new SqliteConnections(file.ToString()));
            var centre = new CentreProfile();
            string[] longQueues = ["__Callout_Support", "__Callout_Booking"];
            await writer.WriteLookupsAsync(
                centre.Agents.Select((a, i) => new AgentRow(a.AgentId, a.UserName, i % 3 == 0 ? a.FullName + LongAgentSuffix : a.FullName, a.TeamId, a.Team, false)),
                centre.Queues.Select(q => new QueueRow(q.Key, longQueues.Contains(q.Key) ? q.Name + LongQueueSuffix : q.Name)));
            using var client = new HttpClient { BaseAddress = _site.Host.Address };
            await Eventually.Until(
                async () => (await client.GetFromJsonAsync<JsonElement>("/api/board")).GetProperty("queues").ToString(),
                queues => queues.Contains(LongQueueSuffix, StringComparison.Ordinal),
                TimeSpan.FromSeconds(30),
                "the long queue names on /api/board");
        }

        /// <summary>
        /// <see cref="ExtraAgents"/> more agents, named (every third long) and logged on an hour ago, every fourth paused for
        /// half an hour with a long reason (an alarm); numbered after the demo's.
        /// </summary>
        private async Task AddAgentsAsync()
        {
            var file = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_site.Host.ContentRoot, "data", "rawdata.db"), DefaultTimeout = 10 };
            var writer = new RawDataWriter(new SqliteConnections(file.ToString()));
            var now = Oslo.Now();
            var ids = Enumerable.Range(2001, ExtraAgents).ToList();
            await writer.WriteLookupsAsync(
                ids.Select((id, i) => new AgentRow(id, $"extra{id}", i % 3 == 0 ? $"Extra Agent {id}{LongAgentSuffix}" : $"Extra Agent {id}", 1, "Team Sales", false)),
                []);
            await writer.WriteAgentEventsAsync(ids.SelectMany((id, i) => (AgentEventRow[])
            [
                new() { AgentId = id, EventType = "i", EventSource = "w", DteStart = now.AddHours(-1), DteUpdated = now },
                .. i % 4 == 0 ? [new AgentEventRow { AgentId = id, EventType = "p", EventSource = "w", DteStart = now.AddMinutes(-30), PauseType = LongPauseType, DteUpdated = now }] : Array.Empty<AgentEventRow>(),
            ]));
            using var client = new HttpClient { BaseAddress = _site.Host.Address };
            await Eventually.Until(
                async () => (await client.GetFromJsonAsync<JsonElement>("/api/board")).GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("agentId").GetInt32()).ToList(),
                agents => agents.Contains(ids[^1]),
                TimeSpan.FromSeconds(30),
                "the extra agents on /api/board");
        }

        /// <summary>Wall links as the store keeps them, one with a long screen name and every queue; the store reads its file again when it changes.</summary>
        private void WriteWallLinks()
        {
            var now = TimeProvider.System.GetUtcNow();
            string[] all = [.. new CentreProfile().Queues.Select(q => q.Key)];
            List<WallToken> links =
            [
                new("0123456789abcdef0123456789abcdef", "TV in the open-plan office by the sales and retention teams, second floor", all, now.AddDays(-3), "Anonymous", null, now.AddSeconds(-30))
                {
                    CreatedWhileAccessOpen = true,
                },
                new("fedcba9876543210fedcba9876543210", "Lobby", ["__Callout_Sales"], now.AddDays(-10), "Anonymous", now.AddDays(-1), null),
            ];
            var folder = Path.Combine(_site.Host.ContentRoot, "data");
            Directory.CreateDirectory(folder);
            var temporary = Path.Combine(folder, "wall-tokens.json.tmp");
            File.WriteAllText(temporary, JsonSerializer.Serialize(links, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            File.Move(temporary, Path.Combine(folder, "wall-tokens.json"), overwrite: true);
        }

        public async Task DisposeAsync()
        {
            await _browser.DisposeAsync();
            await _site.DisposeAsync();
        }
    }
}
