namespace Callout.Dashboard.Ui.Tests.Panels;

/// <summary>
/// The attention strip on the overview and the wall: what is wrong, worst and oldest first, each with its level as an
/// icon and a word, and since when; and the DOM the sound and notification scripts read.
/// </summary>
public sealed class AttentionStripTests
{
    private static readonly DateTime Now = At(10, 40);

    /// <summary>
    /// A Sales call 30 min overdue (an alarm since 10:15) and two Support calls 10 and 8 min overdue (warnings since
    /// 10:35 and 10:37), reserved for another agent (a call's alarm shows in every view of its agent too); every row
    /// written now, so the data is fresh.
    /// </summary>
    private static UiHarness ThreeOverdue()
    {
        var h = new UiHarness(Now);
        h.Poll(
        [
            .. Rows.Scheduled(7003, At(9, 0), At(10, 32), Rows.Support, Rows.OtherAgentId, updated: Now),
            .. Rows.Scheduled(7001, At(9, 0), At(10, 10), Rows.Sales, updated: Now),
            .. Rows.Scheduled(7002, At(9, 0), At(10, 30), Rows.Support, Rows.OtherAgentId, updated: Now),
        ]);
        return h;
    }

    [Fact]
    public async Task AttentionStrip_Alarms_AlarmBeforeWarningOlderFirst_EachWithLevelWhatAndSince()
    {
        await using var h = ThreeOverdue();

        var cut = h.RenderPanel<AttentionStrip>();

        var items = cut.FindAll("[data-alarm]");
        Assert.Equal(["7001", "7002", "7003"], items.Select(i => h.Board.State.Alarms.Single(a => a.Id == i.GetAttribute("data-alarm")).CallId));
        Assert.Equal(["alarm", "warning", "warning"], items.Select(i => i.GetAttribute("data-level")));
        Assert.All(items, i => Assert.Equal("scheduled-overdue", i.GetAttribute("data-rule")));
        Assert.Equal(
            [
                "✖ alarm Sales: scheduled call overdue 30 min (limit 15 min) · since 10:15 · 25 min",
                "⚠ warning Support: scheduled call overdue 10 min (limit 5 min) · since 10:35 · 5 min",
                "⚠ warning Support: scheduled call overdue 8 min (limit 5 min) · since 10:37 · 3 min",
            ],
            items.Select(i => i.TextContent));
        // The wall cuts long items short: the title keeps the whole text.
        Assert.All(items, i => Assert.Equal(i.TextContent, i.GetAttribute("title")));
        Assert.Equal(["level-alarm", "level-warning", "level-warning"], items.Select(i => i.ClassList.Single(c => c.StartsWith("level-", StringComparison.Ordinal))));
        Assert.Empty(cut.FindAll("[data-empty]"));
    }

    [Fact]
    public async Task AttentionStrip_NothingWrong_SaysSoCalmly_WithTheScriptsAttributes()
    {
        await using var h = new UiHarness(Now);
        h.AlarmSettings.RepeatInterval = TimeSpan.FromSeconds(90);
        h.Poll(Rows.Ordered(7001, At(10, 38), updated: Now));

        var cut = h.RenderPanel<AttentionStrip>();

        var section = cut.Find("section[data-panel='attention']");
        Assert.Contains("attention", section.ClassList);
        Assert.Equal("90", section.GetAttribute("data-repeat-seconds"));
        Assert.Equal("✓ Nothing needs attention", cut.Find("[data-empty]").TextContent);
        Assert.Empty(cut.FindAll("[data-alarm]"));
        var toggle = cut.Find("button[data-notify-toggle]");
        Assert.Equal(("Notifications on", "Notify me", "Notifications blocked by the browser"),
            (toggle.GetAttribute("data-on"), toggle.GetAttribute("data-off"), toggle.GetAttribute("data-denied")));
        Assert.Equal("Notify me", toggle.TextContent);
    }

    [Fact]
    public async Task AttentionStrip_NoPollYet_ShowsLoadingNotCalm()
    {
        await using var h = new UiHarness(Now);

        var cut = h.RenderPanel<AttentionStrip>();

        Assert.Equal("loading", cut.Find("[data-panel='attention'] [data-state]").GetAttribute("data-state"));
        Assert.Empty(cut.FindAll("[data-empty]"));
    }

    [Fact]
    public async Task Overview_AlarmStartsOnTheTick_StripRowAndTileShowItWithoutReload()
    {
        await using var h = new UiHarness(Now);
        h.Poll(Rows.Scheduled(7001, At(9, 0), At(10, 36), updated: Now));
        var cut = h.RenderPage<Overview>();
        Assert.NotNull(cut.Find("[data-panel='attention'] [data-empty]"));

        // Five minutes and a second past due: the alarm loop raises the warning.
        h.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() =>
        {
            var item = cut.Find("[data-panel='attention'] [data-alarm]");
            Assert.Equal("⚠ warning Sales: scheduled call overdue 5 min (limit 5 min) · since 10:41 · 1 s", item.TextContent);
            Assert.Empty(cut.FindAll("[data-panel='attention'] [data-empty]"));
            Assert.Contains("level-warning", cut.Find("tr[data-call='7001']").ClassList);
            Assert.Contains("level-warning", cut.Find("[data-kpi='overdue']").ClassList);
        });
    }

    [Fact]
    public async Task Overview_QueueFilter_StripShowsOnlyThatQueuesAlarms()
    {
        await using var h = ThreeOverdue();

        var cut = h.RenderPage<Overview>($"/?queue={Rows.Sales}");

        var item = Assert.Single(cut.FindAll("[data-panel='attention'] [data-alarm]"));
        Assert.StartsWith("✖ alarm Sales:", item.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wall_MoreAlarmsThanTheLineHolds_ShowsTheWorstAndCountsTheRest()
    {
        await using var h = ThreeOverdue();

        var cut = h.RenderPage<Wall>("/wall");

        var strip = cut.Find("[data-panel='attention']");
        Assert.Contains("attention-wall", strip.ClassList);
        var shown = strip.QuerySelectorAll("[data-alarm]:not([hidden])");
        Assert.Equal(["alarm", "warning"], shown.Select(i => i.GetAttribute("data-level")));
        Assert.Equal("+ 1 more", strip.QuerySelector(".attention-more")?.TextContent);
        // The scripts still see every alarm, the one not shown too.
        var hidden = Assert.Single(strip.QuerySelectorAll("[data-alarm][hidden]"));
        Assert.Equal(("warning", "scheduled-overdue"), (hidden.GetAttribute("data-level"), hidden.GetAttribute("data-rule")));
        Assert.Equal("⚠ warning Support: scheduled call overdue 8 min (limit 5 min) · 10:37", hidden.TextContent);
        // A wall screen has nobody to click it.
        Assert.Empty(cut.FindAll("[data-notify-toggle]"));
    }

    [Fact]
    public async Task Overview_InNorwegian_StripSpeaksNorwegian()
    {
        await using var h = ThreeOverdue();
        using var nb = TestTexts.InCulture("nb-NO");

        var cut = h.RenderPage<Overview>();

        Assert.Equal("✖ alarm Sales: planlagt anrop forfalt 30 min (grense 15 min) · siden 10:15 · 25 min", cut.Find("[data-alarm]").TextContent);
        Assert.Equal("Varsle meg", cut.Find("[data-notify-toggle]").TextContent);
        Assert.Equal("⚠ varsel", cut.FindAll("[data-alarm] .level-mark")[1].TextContent);
    }
}
