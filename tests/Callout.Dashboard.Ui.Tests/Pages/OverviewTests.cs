namespace Callout.Dashboard.Ui.Tests.Pages;

public sealed class OverviewTests
{
    private static readonly DateTime Now = At(10, 10);

    /// <summary>Two calls in each queue: one in progress, one scheduled.</summary>
    private static void SeedBothQueues(UiHarness h) => h.Poll(
        [
            .. Rows.Ordered(7001, At(10, 0), Rows.Sales),
            .. Rows.Scheduled(7002, At(9, 0), At(11, 0), Rows.Sales),
            .. Rows.Ordered(7101, At(10, 1), Rows.Support, Rows.OtherAgentId),
            .. Rows.Scheduled(7102, At(9, 0), At(11, 30), Rows.Support, Rows.OtherAgentId),
        ],
        []);

    [Fact]
    public async Task Overview_NoFilter_ShowsCallsOfAllQueues()
    {
        await using var h = new UiHarness(Now);
        SeedBothQueues(h);

        var cut = h.RenderPage<Overview>();

        Assert.Equal(["7001", "7002", "7101", "7102"], CallIds(cut));
        Assert.Empty(cut.FindAll("[data-panel='unknown-queues']"));
        Assert.Equal("2", cut.Find("[data-kpi='in-progress'] .kpi-value").TextContent.Trim());
    }

    [Fact]
    public async Task Overview_QueueFilterInUrl_ShowsThatQueuesCallsOnly()
    {
        await using var h = new UiHarness(Now);
        SeedBothQueues(h);

        var cut = h.RenderPage<Overview>($"/?queue={Rows.Sales}");

        Assert.Equal(["7001", "7002"], CallIds(cut));
        Assert.Equal([Rows.Sales], cut.FindAll("[data-panel='queues'] tr[data-queue]").Select(r => r.GetAttribute("data-queue")));
        Assert.Equal("1", cut.Find("[data-kpi='in-progress'] .kpi-value").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-panel='unknown-queues']"));
    }

    [Fact]
    public async Task Overview_TwoQueuesInUrl_ShowsBoth()
    {
        await using var h = new UiHarness(Now);
        SeedBothQueues(h);

        var cut = h.RenderPage<Overview>($"/?queue={Rows.Sales}&queue={Rows.Support}");

        Assert.Equal(["7001", "7002", "7101", "7102"], CallIds(cut));
    }

    [Fact]
    public async Task Overview_UnknownQueueInUrl_ShowsNoticeAndEmptyPanels()
    {
        await using var h = new UiHarness(Now);
        SeedBothQueues(h);

        var cut = h.RenderPage<Overview>("/?queue=__Callout_Nope");

        var notice = cut.Find("[data-panel='unknown-queues']");
        Assert.Contains("\u201C__Callout_Nope\u201D", notice.TextContent, StringComparison.Ordinal);
        Assert.Empty(CallIds(cut));
        foreach (var panel in new[] { "active", "scheduled", "recent", "paused", "cancelled", "queues" })
        {
            Assert.NotNull(cut.Find($"[data-panel='{panel}']").QuerySelector("[data-state='empty']"));
        }
    }

    /// <summary>
    /// BUG (minor): a key that names a queue of the lookup table which is not a callout queue counts as
    /// "known", so the page shows empty panels with no notice, although the notice's own text
    /// ("No callout queue is called …") is exactly the case.
    /// </summary>
    [Fact]
    public async Task Overview_NonCalloutQueueInUrl_ShowsNotice()
    {
        await using var h = new UiHarness(Now);
        h.Board.Apply(new PollBatch([.. Rows.Ordered(7001, At(10, 0))], [], Rows.Agents, [.. Rows.Queues, new QueueRow("Inbound_Sales", "Inbound sales")]));
        h.Board.RecordPoll(true);

        var cut = h.RenderPage<Overview>("/?queue=Inbound_Sales");

        Assert.Empty(cut.FindAll("tr[data-call]"));
        Assert.Contains("\u201CInbound_Sales\u201D", cut.Find("[data-panel='unknown-queues']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_VeryLongUnknownQueueKey_IsShortenedInNotice()
    {
        await using var h = new UiHarness(Now);
        SeedBothQueues(h);
        var key = "__Callout_" + new string('x', 200);

        var cut = h.RenderPage<Overview>($"/?queue={key}");

        var text = cut.Find("[data-panel='unknown-queues']").TextContent;
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        Assert.Contains(key[..57] + "…", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_NoPollYet_ShowsLoadingEverywhere()
    {
        await using var h = new UiHarness(Now);

        var cut = h.RenderPage<Overview>();

        // Ten panels: the lists, the queue table, the chart, the funnel and the calls coming due.
        Assert.Equal(10, cut.FindAll("[data-state='loading']").Count);
        Assert.Contains("Waiting for the first poll", cut.Find("[data-panel='freshness']").TextContent, StringComparison.Ordinal);
        Assert.All(cut.FindAll("[data-kpi] .kpi-value"), v => Assert.Equal("—", v.TextContent.Trim()));
    }

    [Fact]
    public async Task Overview_LastPollFailed_ShowsDashesStaleChipsAndError()
    {
        await using var h = new UiHarness(Now);
        SeedBothQueues(h);
        h.Board.RecordPoll(false, "connection refused");

        var cut = h.RenderPage<Overview>();

        Assert.All(cut.FindAll("[data-kpi] .kpi-value"), v => Assert.Equal("—", v.TextContent.Trim()));
        Assert.Equal(9, cut.FindAll(".panel-head .mud-chip").Count(c => c.TextContent.Trim() == "stale"));
        var freshness = cut.Find("[data-panel='freshness']").TextContent;
        Assert.Contains("Data stale since 10:10", freshness, StringComparison.Ordinal);
        Assert.Contains("connection refused", freshness, StringComparison.Ordinal);
        // The rows it had are still shown, flagged stale rather than hidden.
        Assert.Contains("7001", CallIds(cut));
    }

    [Fact]
    public async Task Overview_PausedAgentWithCalloutInProgress_FlagsConnectedAndPause()
    {
        await using var h = new UiHarness(Now);
        h.Poll(
            [.. Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId)],
            [
                Rows.AgentEvent("i", At(8, 0)),
                Rows.AgentEvent("p", At(10, 2), pauseType: "Admin"),
                Rows.AgentEvent("i", At(8, 0), Rows.OtherAgentId),
                Rows.AgentEvent("p", At(9, 0), Rows.OtherAgentId, "Lunch"),
            ]);

        var cut = h.RenderPage<Overview>();

        var rows = cut.FindAll("[data-panel='paused'] tr[data-agent]");
        // Connected & Pause first, even though the other agent has paused longer.
        Assert.Equal([Rows.AgentId.ToString(), Rows.OtherAgentId.ToString()], rows.Select(r => r.GetAttribute("data-agent")));
        Assert.Contains("connected-and-pause", rows[0].ClassList);
        Assert.Contains("connected & pause", rows[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("connected-and-pause", rows[1].ClassList);
        Assert.Contains("pause: Lunch", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("1", cut.Find("[data-kpi='connected-and-pause'] .kpi-value").TextContent.Trim());
    }

    [Fact]
    public async Task Overview_ScheduledCallPassesDueTime_BecomesOverdueOnTheNextTick()
    {
        await using var h = new UiHarness(At(10, 50));
        h.Poll(Rows.Scheduled(7002, At(9, 0), At(11, 0)));
        var cut = h.RenderPage<Overview>();
        Assert.Equal("10:00", cut.Find("tr[data-call='7002'] [data-countdown]").TextContent.Trim());
        Assert.Equal("0", cut.Find("[data-kpi='overdue'] .kpi-value").TextContent.Trim());
        Assert.Equal("1", cut.Find("[data-kpi='scheduled'] .kpi-value").TextContent.Trim());

        h.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(5));

        // No manual re-render: the page's one-second heartbeat moves the countdown.
        cut.WaitForAssertion(() =>
        {
            var row = cut.Find("tr[data-call='7002']");
            Assert.Contains("overdue", row.ClassList);
            Assert.Equal("overdue +0:05", row.QuerySelector(".overdue-text")?.TextContent.Trim());
            Assert.Equal("1", cut.Find("[data-kpi='overdue'] .kpi-value").TextContent.Trim());
            Assert.Equal("0", cut.Find("[data-kpi='scheduled'] .kpi-value").TextContent.Trim());
        });
    }

    [Fact]
    public async Task Overview_OneSecondTick_MovesTheCountdown()
    {
        await using var h = new UiHarness(At(10, 50));
        h.Poll(Rows.Scheduled(7002, At(9, 0), At(11, 0)));
        var cut = h.RenderPage<Overview>();

        h.Clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Equal("9:59", cut.Find("tr[data-call='7002'] [data-countdown]").TextContent.Trim()));
    }

    private static List<string?> CallIds(IRenderedComponent<Overview> cut) =>
        [.. cut.FindAll("tr[data-call]").Select(r => r.GetAttribute("data-call")).Distinct().Order(StringComparer.Ordinal)];
}
