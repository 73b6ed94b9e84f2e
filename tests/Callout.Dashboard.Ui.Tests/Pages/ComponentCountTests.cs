namespace Callout.Dashboard.Ui.Tests.Pages;

/// <summary>
/// Every component costs its circuit render state (two render-tree buffers, a few KB) for as long as the page is
/// open, so table rows and chips are plain markup: more rows must not mean more components. (The drill-down
/// pages keep MudTable for sorting, a MudTr per row.)
/// </summary>
public sealed class ComponentCountTests
{
    [Fact]
    public async Task Overview_TenTimesTheRows_SameNumberOfComponents()
    {
        Assert.Equal(await ComponentsAsync<Overview>("/", rows: 1), await ComponentsAsync<Overview>("/", rows: 10));
    }

    [Fact]
    public async Task Wall_TenTimesTheRows_SameNumberOfComponents()
    {
        Assert.Equal(await ComponentsAsync<Wall>("/wall", rows: 1), await ComponentsAsync<Wall>("/wall", rows: 10));
    }

    private static async Task<int> ComponentsAsync<TPage>(string uri, int rows)
        where TPage : class, IComponent
    {
        await using var h = new UiHarness(At(10, 30));
        h.Poll(
            [.. Enumerable.Range(0, rows).SelectMany(i => (CallEventRow[])
            [
                .. Rows.Ordered(7000 + i, At(10, 0).AddSeconds(i)),
                .. Rows.Scheduled(7100 + i, At(9, 0), At(11, 0).AddSeconds(i)),
                .. Rows.Answered(7200 + i, At(10, 1).AddSeconds(i)),
                .. Rows.Cancelled(7300 + i, At(10, 2).AddSeconds(i)),
            ])],
            [Rows.AgentEvent("p", At(9, 0), pauseType: "Lunch"), Rows.AgentEvent("p", At(9, 30), Rows.OtherAgentId)]);
        var cut = h.RenderPage<TPage>(uri);
        // The rows are there: at least a wall page of them (the overview shows more).
        Assert.True(cut.FindAll("[data-panel='cancelled'] [data-call]").Count >= WallPaging.PageOf(Enumerable.Range(0, rows).ToList(), 0).Count());
        return cut.FindComponents<IComponent>().Count;
    }
}
