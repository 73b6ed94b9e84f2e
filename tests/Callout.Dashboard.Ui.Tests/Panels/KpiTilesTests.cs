namespace Callout.Dashboard.Ui.Tests.Panels;

public sealed class KpiTilesTests
{
    private static readonly string[] s_tiles = ["in-progress", "scheduled", "overdue", "connected-and-pause", "cancelled", "answer-rate"];

    [Fact]
    public async Task KpiTiles_NoPollYet_ShowDashes()
    {
        await using var h = new UiHarness(At(10, 5));

        var cut = h.RenderPanel<KpiTiles>();

        Assert.All(s_tiles, key => Assert.Equal("—", Value(cut, key)));
    }

    [Fact]
    public async Task KpiTiles_Rows_CountEachKind()
    {
        await using var h = new UiHarness(At(10, 5));
        h.Poll(
            [
                .. Rows.Ordered(7001, At(10, 0)),
                .. Rows.Scheduled(7002, At(9, 0), At(11, 0)),
                .. Rows.Scheduled(7003, At(9, 0), At(10, 1)),
                .. Rows.Cancelled(7004, At(9, 55)),
                .. Rows.Answered(7005, At(9, 50)),
            ],
            []);

        var cut = h.RenderPanel<KpiTiles>();

        Assert.Equal("1", Value(cut, "in-progress"));
        Assert.Equal("1", Value(cut, "scheduled"));
        Assert.Equal("1", Value(cut, "overdue"));
        // Four minutes overdue: counted, but below the five minutes that warn.
        Assert.Equal(["mud-paper", "mud-elevation-1", "kpi-tile"], cut.Find("[data-kpi='overdue']").ClassList);
        Assert.Equal("0", Value(cut, "connected-and-pause"));
        Assert.Equal("1", Value(cut, "cancelled"));
        Assert.Equal("100%", Value(cut, "answer-rate"));
    }

    [Fact]
    public async Task KpiTiles_LastPollFailed_ShowDashesNotNumbers()
    {
        await using var h = new UiHarness(At(10, 5));
        h.Poll(
            [.. Rows.Ordered(7001, At(10, 0)), .. Rows.Scheduled(7003, At(9, 0), At(10, 1)), .. Rows.Answered(7005, At(9, 50))],
            []);
        h.Board.RecordPoll(false, "connection refused");

        var cut = h.RenderPanel<KpiTiles>();

        Assert.All(s_tiles, key => Assert.Equal("—", Value(cut, key)));
        // A stale board's dashes must not look like figures it vouches for: no tile is coloured.
        Assert.Empty(cut.FindAll("[data-kpi].level-warning, [data-kpi].level-alarm, [data-kpi] .level-mark"));
    }

    [Fact]
    public async Task KpiTiles_PausedAgentWithCalloutInProgress_CountConnectedAndPause()
    {
        await using var h = new UiHarness(At(10, 10));
        h.Poll(Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId), [Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", At(10, 2), pauseType: "Admin")]);

        var cut = h.RenderPanel<KpiTiles>();

        Assert.Equal("1", Value(cut, "connected-and-pause"));
        Assert.Contains("level-warning", cut.Find("[data-kpi='connected-and-pause']").ClassList);
    }

    /// <summary>Each tile takes the worst alarm of its rules: the colour, and the level in an icon and a word.</summary>
    [Theory]
    [InlineData("overdue", 4, null)]
    [InlineData("overdue", 7, "warning")]
    [InlineData("overdue", 20, "alarm")]
    [InlineData("in-progress", 9, null)]
    [InlineData("in-progress", 12, "warning")]
    [InlineData("in-progress", 25, "alarm")]
    [InlineData("connected-and-pause", 2, null)]
    [InlineData("connected-and-pause", 5, "warning")]
    [InlineData("connected-and-pause", 9, "alarm")]
    public async Task KpiTiles_AlarmOfTheirRules_ColourAndMarkByLevel(string tile, int minutes, string? level)
    {
        var now = At(10, 30);
        await using var h = new UiHarness(now);
        var ago = now.AddMinutes(-minutes);
        CallEventRow[] calls = tile switch
        {
            "overdue" => Rows.Scheduled(7001, At(9, 0), ago, updated: now),
            "in-progress" => Rows.Ordered(7001, ago, updated: now),
            // A callout of ten minutes, not yet long enough to be open too long.
            _ => Rows.Ordered(7001, At(10, 20), updated: now),
        };
        h.Poll(calls, tile == "connected-and-pause" ? [Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", ago)] : []);

        var cut = h.RenderPanel<KpiTiles>();

        AssertLevel(cut, tile, level);
    }

    [Theory]
    [InlineData(2, 0, null)]
    [InlineData(1, 1, "warning")]
    [InlineData(1, 2, "alarm")]
    public async Task KpiTiles_AnswerRate_ColourByTheRateAlarm(int answered, int notAnswered, string? level)
    {
        // Two callouts are enough to judge here; the defaults wait for 20.
        var rules = AlarmRules.Default with { Queue = new QueueAlarmRules { AnswerRateToday = new(55, 40, MinCompleted: 2) } };
        await using var h = new UiHarness(At(10, 30), alarms: rules);
        h.Poll(
        [
            .. Enumerable.Range(0, answered).SelectMany(i => Rows.Answered(7000 + i, At(10, 0).AddMinutes(i))),
            .. Enumerable.Range(0, notAnswered).SelectMany(i => Rows.NotAnswered(7100 + i, At(10, 5).AddMinutes(i))),
            .. Rows.Ordered(7200, At(10, 29)),
        ]);

        var cut = h.RenderPanel<KpiTiles>();

        AssertLevel(cut, "answer-rate", level);
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(3, "warning")]
    [InlineData(1, "alarm")]
    public async Task KpiTiles_Cancelled_ColourByTheShareCancelledInTheHour(int completed, string? level)
    {
        var rules = AlarmRules.Default with { Queue = new QueueAlarmRules { CancelledShareHour = new(15, 30, MinCompleted: 2) } };
        await using var h = new UiHarness(At(10, 30), alarms: rules);
        // One cancelled among 5 is 20 %, among 4 it is 25 %, among 2 it is 50 %; 0 of 4 is nothing.
        h.Poll(
        [
            .. Enumerable.Range(0, completed).SelectMany(i => Rows.Answered(7000 + i, At(10, 0).AddMinutes(i))),
            .. level is null ? [] : Rows.Cancelled(7100, At(10, 10)),
            .. Rows.Ordered(7200, At(10, 29)),
        ]);

        var cut = h.RenderPanel<KpiTiles>();

        AssertLevel(cut, "cancelled", level);
    }

    private static void AssertLevel(IRenderedComponent<KpiTiles> cut, string tile, string? level)
    {
        var element = cut.Find($"[data-kpi='{tile}']");
        var mark = element.QuerySelector(".level-mark");
        if (level is null)
        {
            Assert.DoesNotContain(element.ClassList, c => c.StartsWith("level-", StringComparison.Ordinal));
            Assert.Null(mark);
            return;
        }
        Assert.Contains($"level-{level}", element.ClassList);
        Assert.Equal(level == "alarm" ? "✖ alarm" : "⚠ warning", mark?.TextContent);
        // Its tooltip says what is wrong.
        Assert.Contains("(limit ", mark!.GetAttribute("title"), StringComparison.Ordinal);
        Assert.All(cut.FindAll("[data-kpi]").Where(e => e.GetAttribute("data-kpi") != tile), other => Assert.Null(other.QuerySelector(".level-mark")));
    }

    private static string Value(IRenderedComponent<KpiTiles> cut, string key) =>
        cut.Find($"[data-kpi='{key}'] .kpi-value").TextContent.Trim();
}
