namespace Callout.Dashboard.Ui.Panels;

/// <summary>
/// Wall lists longer than a screen page by themselves, a page every ten seconds. The rows are spread evenly
/// over the pages (13 rows: 5 + 4 + 4, not 6 + 6 + 1), so no page shows a lone row under an empty panel.
/// </summary>
public static class WallPaging
{
    /// <summary>Rows a list shows at most: the wall's type scales with the screen, so this fits every size.</summary>
    public const int RowsPerPage = 6;

    private const long SecondsPerPage = 10;

    /// <param name="perPage">Rows a page holds at most: a list's <see cref="RowsPerPage"/>, or the tiles of the agent grid.</param>
    public static int Pages(int count, int perPage = RowsPerPage) => Math.Max(1, (count + perPage - 1) / perPage);

    public static int Page(int count, DateTimeOffset now, int perPage = RowsPerPage) => (int)(now.ToUnixTimeSeconds() / SecondsPerPage % Pages(count, perPage));

    public static IEnumerable<T> PageOf<T>(IReadOnlyList<T> rows, DateTimeOffset now, int perPage = RowsPerPage) => PageOf(rows, Page(rows.Count, now, perPage), perPage);

    /// <summary>The rows of page <paramref name="page"/>: the first pages take one row more when the count does not divide.</summary>
    public static IEnumerable<T> PageOf<T>(IReadOnlyList<T> rows, int page, int perPage = RowsPerPage)
    {
        var pages = Pages(rows.Count, perPage);
        var (rowsEach, pagesWithOneMore) = Math.DivRem(rows.Count, pages);
        var start = page * rowsEach + Math.Min(page, pagesWithOneMore);
        return rows.Skip(start).Take(rowsEach + (page < pagesWithOneMore ? 1 : 0));
    }
}
