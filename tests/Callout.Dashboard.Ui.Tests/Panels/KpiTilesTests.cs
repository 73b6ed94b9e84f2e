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
        Assert.Contains("kpi-alert", cut.Find("[data-kpi='overdue']").ClassList);
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
        // A stale board must not raise alarms it cannot vouch for.
        Assert.DoesNotContain("kpi-alert", cut.Find("[data-kpi='overdue']").ClassList);
    }

    [Fact]
    public async Task KpiTiles_PausedAgentWithCalloutInProgress_CountConnectedAndPause()
    {
        await using var h = new UiHarness(At(10, 10));
        h.Poll(Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId), [Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", At(10, 2), pauseType: "Admin")]);

        var cut = h.RenderPanel<KpiTiles>();

        Assert.Equal("1", Value(cut, "connected-and-pause"));
        Assert.Contains("kpi-warn", cut.Find("[data-kpi='connected-and-pause']").ClassList);
    }

    private static string Value(IRenderedComponent<KpiTiles> cut, string key) =>
        cut.Find($"[data-kpi='{key}'] .kpi-value").TextContent.Trim();
}
