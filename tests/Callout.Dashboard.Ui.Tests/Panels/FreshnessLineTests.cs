namespace Callout.Dashboard.Ui.Tests.Panels;

public sealed class FreshnessLineTests
{
    [Fact]
    public async Task FreshnessLine_NoPollYet_SaysWaiting()
    {
        await using var h = new UiHarness(At(10, 5));

        var cut = h.RenderPanel<FreshnessLine>();

        var line = cut.Find("[data-panel='freshness']");
        Assert.Contains("Waiting for the first poll", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("Europe/Oslo", line.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreshnessLine_PollOk_ShowsPollTimeAndDataAge()
    {
        await using var h = new UiHarness(At(10, 5, 30));
        h.Poll(Rows.Ordered(7001, At(10, 0), updated: At(10, 3)));

        var cut = h.RenderPanel<FreshnessLine>();

        var line = cut.Find("[data-panel='freshness']");
        Assert.DoesNotContain("is-stale", line.ClassList);
        Assert.Contains("Last poll 10:05:30 · OK", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("Newest Raw data row: 2 min old", line.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreshnessLine_PollFailed_ShowsStaleSinceAndError()
    {
        await using var h = new UiHarness(At(10, 5));
        h.Poll(Rows.Ordered(7001, At(10, 0)));
        h.Clock.Advance(TimeSpan.FromMinutes(2));
        h.Board.RecordPoll(false, "connection refused");
        h.Clock.Advance(TimeSpan.FromMinutes(3));
        h.Board.RecordPoll(false, "connection refused");

        var cut = h.RenderPanel<FreshnessLine>();

        var line = cut.Find("[data-panel='freshness']");
        Assert.Contains("is-stale", line.ClassList);
        // Stale since the first failure (10:07), not the latest one (10:10).
        Assert.Equal("Data stale since 10:07 · polling fails: connection refused", cut.Find(".stale-text").TextContent.Trim());
    }
}
