namespace Callout.Dashboard.Ui.Panels;

/// <summary>Wall lists longer than a screen page by themselves, a page every ten seconds.</summary>
public static class WallPaging
{
    /// <summary>Rows a 1080p screen shows per list at wall type size.</summary>
    public const int RowsPerPage = 6;

    private const long SecondsPerPage = 10;

    public static int Pages(int count) => Math.Max(1, (count + RowsPerPage - 1) / RowsPerPage);

    public static int Page(int count, DateTimeOffset now) => (int)(now.ToUnixTimeSeconds() / SecondsPerPage % Pages(count));

    public static IEnumerable<T> PageOf<T>(IReadOnlyList<T> rows, DateTimeOffset now) =>
        rows.Skip(Page(rows.Count, now) * RowsPerPage).Take(RowsPerPage);
}
