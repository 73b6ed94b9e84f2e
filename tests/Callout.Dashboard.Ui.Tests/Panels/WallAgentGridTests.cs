namespace Callout.Dashboard.Ui.Tests.Panels;

/// <summary>The wall's agent grid: opened by ?panels=, in the rotation, sorted for attention, sized to the count, paged past a hundred.</summary>
public sealed class WallAgentGridTests
{
    // A whole minute: the ten-second pages and twenty-second rotation steps start here.
    private static readonly DateTime Now = At(10, 10);

    [Fact]
    public async Task Wall_PanelsAgents_ShowsTheGridInsteadOfTheLists()
    {
        await using var h = new UiHarness(Now);
        h.Poll(Rows.Ordered(7001, At(10, 5)), [Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", At(10, 0), Rows.OtherAgentId, "Lunch")]);

        var cut = h.RenderPage<Wall>("/wall?panels=agents");

        Assert.Equal(["agents"], Panels(cut));
        var kari = cut.Find($"[data-panel='agents'] [data-agent='{Rows.AgentId}']");
        Assert.Equal(["Kari Nordmann", "on a callout", "5 min", "Sales"], kari.Children.Select(c => c.TextContent));
        Assert.Contains("activity-on-callout", kari.ClassList);
        Assert.NotNull(kari.QuerySelector(".agent-state svg.icon"));
        var ola = cut.Find($"[data-panel='agents'] [data-agent='{Rows.OtherAgentId}']");
        Assert.Equal(["Ola Hansen", "pause", "10 min", "Lunch"], ola.Children.Select(c => c.TextContent));
        // The KPI tiles stay.
        Assert.NotEmpty(cut.FindAll("[data-kpi]"));
    }

    [Theory]
    [InlineData("/wall")]
    [InlineData("/wall?panels=lists")]
    [InlineData("/wall?panels=nonsense")]
    // Without a rotation the lists and the grid do not fit together: the first named shows.
    [InlineData("/wall?panels=lists,agents")]
    public async Task Wall_ListsOrNothingKnown_ShowsBothListSetsAsBefore(string uri)
    {
        await using var h = new UiHarness(Now);
        h.Poll(Rows.Ordered(7001, At(10, 5)));

        var cut = h.RenderPage<Wall>(uri);

        Assert.Equal(["scheduled", "active", "paused", "cancelled"], Panels(cut));
    }

    [Fact]
    public async Task Wall_ListsAndAgentsRotating_ShowsFirstSetSecondSetThenAgents()
    {
        await using var h = new UiHarness(Now);
        h.Poll(Rows.Ordered(7001, At(10, 5)), [Rows.AgentEvent("i", At(8, 0))]);
        // Start at the first step of the three: the rotation counts twenty-second steps from the epoch.
        var step = (int)(h.Clock.GetUtcNow().ToUnixTimeSeconds() / 20 % 3);
        h.Clock.Advance(TimeSpan.FromSeconds(20 * ((3 - step) % 3)));
        string[][] steps = [["scheduled", "active"], ["paused", "cancelled"], ["agents"]];

        var cut = h.RenderPage<Wall>("/wall?panels=lists,agents&rotate=20s");

        Assert.Equal(steps[0], Panels(cut));
        foreach (var next in (int[])[1, 2, 0])
        {
            h.Clock.Advance(TimeSpan.FromSeconds(20));
            cut.WaitForAssertion(() => Assert.Equal(steps[next], Panels(cut)));
        }
    }

    [Fact]
    public async Task Grid_SixtyFourAgents_AllOnOneScreenInEightByEight()
    {
        await using var h = new UiHarness(Now);
        h.Poll([], [.. Enumerable.Range(0, 64).Select(i => Rows.AgentEvent("i", At(8, 0), 2000 + i))]);

        var cut = h.RenderPage<Wall>("/wall?panels=agents");

        Assert.Equal(64, cut.FindAll("[data-panel='agents'] .wall-agent").Count);
        Assert.Equal("64", cut.Find("[data-panel='agents'] .wall-count").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-panel='agents'] .wall-page"));
        Assert.Equal("--columns:8;--rows:8", cut.Find(".wall-agent-grid").GetAttribute("style"));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(5, 3, 2)]
    [InlineData(24, 5, 5)]
    [InlineData(64, 8, 8)]
    [InlineData(100, 10, 10)]
    public void Shape_ForTheCount_WideTilesThatFillTheScreen(int count, int columns, int rows) =>
        Assert.Equal((columns, rows), WallAgentGrid.Shape(count));

    [Fact]
    public async Task Grid_OverAHundredAgents_PagesEvenlyEveryTenSeconds()
    {
        await using var h = new UiHarness(Now);
        h.Poll([], [.. Enumerable.Range(0, 130).Select(i => Rows.AgentEvent("i", At(8, 0), 2000 + i))]);

        var cut = h.RenderPage<Wall>("/wall?panels=agents");

        Assert.Equal("1/2", cut.Find("[data-panel='agents'] .wall-page").TextContent.Trim());
        Assert.Equal(65, cut.FindAll("[data-panel='agents'] .wall-agent").Count);
        Assert.Equal("2000", cut.FindAll("[data-panel='agents'] .wall-agent")[0].GetAttribute("data-agent"));

        h.Clock.Advance(TimeSpan.FromSeconds(10));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("2/2", cut.Find("[data-panel='agents'] .wall-page").TextContent.Trim());
            Assert.Equal("2065", cut.FindAll("[data-panel='agents'] .wall-agent")[0].GetAttribute("data-agent"));
        });
    }

    [Fact]
    public async Task Grid_Order_AlarmsFirstThenStateThenName()
    {
        var rules = AlarmRules.Default with { Pause = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)) };
        await using var h = new UiHarness(Now, alarms: rules);
        h.Poll(
            Rows.Ordered(7001, At(10, 5), agentId: 2003),
            [
                Rows.AgentEvent("i", At(8, 0), 2001),
                Rows.AgentEvent("i", At(8, 0), 2002), Rows.AgentEvent("p", At(10, 8), 2002, "Admin"),
                Rows.AgentEvent("i", At(8, 0), 2003),
                Rows.AgentEvent("i", At(8, 0), 2004), Rows.AgentEvent("p", At(9, 58), 2004, "Admin"),
                Rows.AgentEvent("i", At(8, 0), 2005), Rows.AgentEvent("p", At(10, 3), 2005, "Admin"),
                Rows.AgentEvent("i", At(8, 0), 2000),
            ]);
        h.Advance(TimeSpan.Zero);

        var cut = h.RenderPage<Wall>("/wall?panels=agents");

        // 2004 paused 12 min (alarm), 2005 7 min (warning); then on a callout, paused, free by name.
        var tiles = cut.FindAll("[data-panel='agents'] .wall-agent");
        Assert.Equal(["2004", "2005", "2003", "2002", "2000", "2001"], tiles.Select(t => t.GetAttribute("data-agent")));
        Assert.Contains("level-alarm", tiles[0].ClassList);
        Assert.Equal("✖ alarm", tiles[0].QuerySelector(".level-mark")!.TextContent);
        Assert.Contains("level-warning", tiles[1].ClassList);
        Assert.Equal("⚠ warning", tiles[1].QuerySelector(".level-mark")!.TextContent);
        Assert.Null(tiles[2].QuerySelector(".level-mark"));
    }

    [Fact]
    public async Task Grid_TenTimesTheAgents_SameNumberOfComponents()
    {
        Assert.Equal(await ComponentsAsync(agents: 6), await ComponentsAsync(agents: 60));

        static async Task<int> ComponentsAsync(int agents)
        {
            await using var h = new UiHarness(Now);
            h.Poll([], [.. Enumerable.Range(0, agents).Select(i => Rows.AgentEvent("i", At(8, 0), 2000 + i))]);
            var cut = h.RenderPage<Wall>("/wall?panels=agents");
            Assert.Equal(agents, cut.FindAll(".wall-agent").Count);
            return cut.FindComponents<IComponent>().Count;
        }
    }

    [Fact]
    public async Task Grid_NoPollYet_Loading_NoAgents_Empty()
    {
        await using var h = new UiHarness(Now);
        var cut = h.RenderPage<Wall>("/wall?panels=agents");
        Assert.NotNull(cut.Find("[data-panel='agents'] [data-state='loading']"));

        h.Board.RecordPoll(true);
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Equal("No agent has logged on today", cut.Find("[data-panel='agents'] [data-state='empty']").TextContent.Trim()));
    }

    private static string[] Panels(IRenderedComponent<Wall> cut) =>
        [.. cut.FindAll("[data-panel='scheduled'], [data-panel='active'], [data-panel='paused'], [data-panel='cancelled'], [data-panel='agents']")
            .Select(p => p.GetAttribute("data-panel")!)];
}
