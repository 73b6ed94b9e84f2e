namespace Callout.Dashboard.Ui.Tests.Panels;

public sealed class RowMarkupTests
{
    private sealed record Row(string Name);

    [Fact]
    public void Get_SameRowAndKey_BuildsOnceForEveryCaller()
    {
        var row = new Row("Kari");
        var builds = 0;

        var first = RowMarkup<RowMarkupTests>.Get(row, 0, ("names", "1 min"), (r, cells) => { builds++; cells.Cell(r.Name); });
        var second = RowMarkup<RowMarkupTests>.Get(row, 0, ("names", "1 min"), (r, cells) => { builds++; cells.Cell(r.Name); });

        Assert.Equal(1, builds);
        Assert.Same(first.Value, second.Value);
        Assert.Equal("<td>Kari</td>", first.Value);
    }

    [Fact]
    public void Get_KeyChanged_BuildsAgain()
    {
        var row = new Row("Kari");
        RowMarkup<RowMarkupTests>.Get(row, 0, "1 min", (r, cells) => cells.Cell($"{r.Name} 1 min"));

        var later = RowMarkup<RowMarkupTests>.Get(row, 0, "2 min", (r, cells) => cells.Cell($"{r.Name} 2 min"));

        Assert.Equal("<td>Kari 2 min</td>", later.Value);
    }

    [Fact]
    public void Get_TwoSlotsOfOneRow_KeptApart()
    {
        var row = new Row("Kari");

        var due = RowMarkup<RowMarkupTests>.Get(row, 0, "", (_, cells) => cells.Cell("10:00"));
        var countdown = RowMarkup<RowMarkupTests>.Get(row, 1, "", (_, cells) => cells.Cell("0:42", "countdown"));

        Assert.Equal("<td>10:00</td>", due.Value);
        Assert.Equal("<td class=\"countdown\">0:42</td>", countdown.Value);
    }

    [Fact]
    public void RowWriter_TextFromRawData_IsEncoded()
    {
        var row = new Row("<img src=x onerror=alert(1)> & \"Ola\"");

        var markup = RowMarkup<RowMarkupTests>.Get(row, 0, "", (r, cells) => cells.Cell(r.Name).Span(r.Name, "dim"));

        Assert.DoesNotContain("<img", markup.Value, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Ola&quot;", markup.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void RowWriter_NonAsciiAndPlus_KeptAsTyped()
    {
        var row = new Row("Ørjan Åsheim +47 ••• •• 222");

        var markup = RowMarkup<RowMarkupTests>.Get(row, 0, "", (r, cells) => cells.Cell(r.Name));

        Assert.Equal("<td>Ørjan Åsheim +47 ••• •• 222</td>", markup.Value);
    }
}
