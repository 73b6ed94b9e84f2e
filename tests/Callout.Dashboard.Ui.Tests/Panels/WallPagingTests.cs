namespace Callout.Dashboard.Ui.Tests.Panels;

/// <summary>A wall list spreads its rows evenly over as few pages as hold them: no page shows a lone row under an empty panel.</summary>
public sealed class WallPagingTests
{
    [Theory]
    [InlineData(0, new int[] { 0 })]
    [InlineData(1, new[] { 1 })]
    [InlineData(6, new[] { 6 })]
    [InlineData(7, new[] { 4, 3 })]
    [InlineData(11, new[] { 6, 5 })]
    [InlineData(12, new[] { 6, 6 })]
    [InlineData(13, new[] { 5, 4, 4 })]
    [InlineData(25, new[] { 5, 5, 5, 5, 5 })]
    public void PageOf_RowsOverPages_SpreadEvenly(int count, int[] sizes)
    {
        var rows = Enumerable.Range(0, count).ToList();

        Assert.Equal(sizes.Length, WallPaging.Pages(count));
        Assert.Equal(sizes, Enumerable.Range(0, WallPaging.Pages(count)).Select(p => WallPaging.PageOf(rows, p).Count()));
    }

    [Fact]
    public void PageOf_AnyCount_EveryRowOnceInOrder_PagesDifferByOneRowAtMost()
    {
        for (var count = 0; count <= 200; count++)
        {
            var rows = Enumerable.Range(0, count).ToList();
            var pages = Enumerable.Range(0, WallPaging.Pages(count)).Select(p => WallPaging.PageOf(rows, p).ToList()).ToList();

            Assert.Equal(rows, pages.SelectMany(p => p));
            Assert.All(pages, p => Assert.InRange(p.Count, 0, WallPaging.RowsPerPage));
            Assert.True(pages.Max(p => p.Count) - pages.Min(p => p.Count) <= 1, $"{count} rows: pages of {string.Join(", ", pages.Select(p => p.Count))}");
            // As few pages as hold the rows: one page fewer would need more than a page of rows on one of them.
            Assert.True(pages.Count == 1 || count > (pages.Count - 1) * WallPaging.RowsPerPage, $"{count} rows on {pages.Count} pages");
        }
    }

    [Fact]
    public void PageOf_TenSecondsLater_ShowsTheNextPage_ThenTheFirstAgain()
    {
        var rows = Enumerable.Range(0, 11).ToList();
        var start = new DateTimeOffset(2026, 11, 27, 9, 10, 0, TimeSpan.Zero);

        Assert.Equal(Enumerable.Range(0, 6), WallPaging.PageOf(rows, start));
        Assert.Equal(Enumerable.Range(6, 5), WallPaging.PageOf(rows, start.AddSeconds(10)));
        Assert.Equal(Enumerable.Range(0, 6), WallPaging.PageOf(rows, start.AddSeconds(20)));
    }
}
